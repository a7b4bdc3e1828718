/**
 * Test fixture (bundled and run as a separate Node process by `other-process.ts`): a second Hearth core
 * on the same profile folder, with its own SQLite connection, like the CLI next to the running app.
 * argv: root, resourcesDir, master password. It unlocks the first profile, prints `{"ready":true}`, then
 * answers one JSON line `{ channel, input }` on stdin with one JSON `Result` line on stdout.
 */
import { createInterface } from 'node:readline';
import { createCore } from '../../app/bootstrap';
import { KDF_FLOOR } from '../../crypto/kdf';

async function main(): Promise<void> {
  const [root, resourcesDir, password] = process.argv.slice(2) as [string, string, string];
  const core = createCore({ root, transport: 'test', version: '0.0.0-test', kdfCost: KDF_FLOOR, resourcesDir });
  const call = (channel: string, input?: unknown) => core.router.dispatch(channel, input, { transport: 'test' });
  const list = await call('profile:list', {});
  if (!list.ok) throw new Error(list.error.message);
  const profile = (list.value as { id: string }[])[0]!;
  const unlocked = await call('profile:unlock', { profileId: profile.id, password });
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue;
    const { channel, input } = JSON.parse(line) as { channel: string; input: unknown };
    process.stdout.write(`${JSON.stringify(await call(channel, input))}\n`);
  }
  core.shutdown();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
