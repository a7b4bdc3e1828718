// Test helper for email-resume.test.ts: opens the profile under <root> as the CLI does and imports <mbox> (waiting
// for the end), printing "CHECKPOINT <checkpoint> <total>" on each progress event and "DONE" at the end. The parent
// SIGKILLs it in the middle of the import.
import path from 'node:path';
import { createCore } from '../../app/bootstrap';
import { routerClient } from '../../app/router-client';
import { KDF_FLOOR } from '../../crypto/kdf';

async function main(): Promise<void> {
  const [root, mbox, password] = process.argv.slice(2) as [string, string, string];
  const core = createCore({ root, transport: 'cli', version: '0.0.0-test', kdfCost: KDF_FLOOR, resourcesDir: path.resolve('resources') });
  const client = routerClient(core, 'cli');
  const [profile] = await client.profile.list();
  if (!profile) throw new Error('no profile');
  await client.profile.unlock({ profileId: profile.id, password });
  client.email.onProgress((r) => process.stdout.write(`CHECKPOINT ${r.checkpoint} ${r.totalBytes}\n`));
  await client.email.importStart({ source: { kind: 'path', path: mbox }, wait: true });
  process.stdout.write('DONE\n');
  core.shutdown();
}

void main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err));
  process.exit(1);
});
