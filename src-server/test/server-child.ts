import { z } from 'zod';
import { buildServer } from '../app';
import { createBlobDriver } from '../blobs';
import { connectServerDb } from '../db/connect';
import { migrateServerDb } from '../db/migrator';

/**
 * The sync server as its own process, for tests that must kill it (SIGKILL mid-push) or watch it survive a
 * PostgreSQL restart: bundled and spawned by server-process.ts. Configured by one JSON environment variable,
 * logs JSON lines to stdout (the parent watches them), and announces `{"msg":"listening","port":…}` when ready.
 * Test-only: the real entry is src-server/main.ts.
 */
const Config = z.strictObject({
  databaseUrl: z.string().startsWith('postgres://'),
  blobs: z.string(),
  port: z.number().int().min(1).max(65535),
  limits: z
    .strictObject({
      authRateLimit: z.strictObject({ max: z.number().int(), timeWindowMs: z.number().int() }).optional(),
      argon2: z.strictObject({ memoryKiB: z.number().int(), iterations: z.number().int(), parallelism: z.number().int() }).optional(),
      maintenanceIntervalMs: z.number().int().optional(),
    })
    .optional(),
  secretHex: z.string().regex(/^[0-9a-f]{64}$/),
});

async function main(): Promise<void> {
  const cfg = Config.parse(JSON.parse(process.env.HEARTH_TEST_SERVER_CONFIG ?? '{}'));
  // A dead idle connection (PostgreSQL restarting) is logged, never thrown: the server must outlive it.
  const db = connectServerDb({ url: cfg.databaseUrl, onPoolError: () => process.stdout.write(`${JSON.stringify({ msg: 'pool error' })}\n`) });
  await migrateServerDb(db);
  const app = await buildServer({
    db,
    blobs: createBlobDriver(cfg.blobs),
    log: { stream: process.stdout },
    secret: Buffer.from(cfg.secretHex, 'hex'),
    ...(cfg.limits ? { limits: cfg.limits } : {}),
  });
  // SECURITY: loopback only.
  await app.listen({ host: '127.0.0.1', port: cfg.port });
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port: cfg.port })}\n`);
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => db.destroy())
      .finally(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`server-child failed: ${err instanceof Error ? err.name : typeof err}: ${err instanceof Error ? err.message : ''}\n`);
  process.exit(1);
});
