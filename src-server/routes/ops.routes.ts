import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { HealthResponse, PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import type { ServerContext } from '../context';
import { sendParsed } from '../http/validate';

/** Resolves to false when `p` fails or takes longer than `ms` (a hung dependency must not hang /health). */
async function within(p: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([p.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Health (database and blob store reachable) and Prometheus metrics: metadata only, no ids, no emails. */
export function registerOpsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/health', async (_req, reply) => {
    const [database, blobs] = await Promise.all([
      within(
        sql`SELECT 1`.execute(ctx.db).then(() => true),
        3_000,
      ),
      within(ctx.blobs.ping(), 3_000),
    ]);
    const ok = database && blobs;
    return sendParsed(reply, HealthResponse, { ok, version: PROTOCOL_VERSION, database, blobs }, ok ? 200 : 503);
  });

  app.get('/metrics', async (_req, reply) => {
    const counts = await sql<{ accounts: string; devices: string; changes: string; collections: string }>`
      SELECT (SELECT count(*) FROM accounts) AS accounts,
             (SELECT count(*) FROM devices WHERE revoked_at IS NULL) AS devices,
             (SELECT count(*) FROM changes) AS changes,
             (SELECT count(*) FROM collections) AS collections`.execute(ctx.db);
    const c = counts.rows[0];
    const text = ctx.metrics.render({
      hearth_accounts: { help: 'Accounts', value: Number(c?.accounts ?? 0) },
      hearth_devices_active: { help: 'Devices not revoked', value: Number(c?.devices ?? 0) },
      hearth_changes: { help: 'Changes stored (after purges)', value: Number(c?.changes ?? 0) },
      hearth_collections: { help: 'Shared collections', value: Number(c?.collections ?? 0) },
    });
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(text);
  });
}
