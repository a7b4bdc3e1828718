import { describe, expect, it } from 'vitest';
import { PASSWORD, testCore } from '../../test/helpers';
import { startOtherProcess } from './other-process.test-helpers';

/** Two real connections on one profile file: this process's core and another Node process (like the CLI). */
async function twoProcesses() {
  const core = testCore();
  await core.client.profile.create({ name: 'Shared', password: PASSWORD });
  const other = await startOtherProcess(core.root);
  const rawCount = () => (core.profiles.current().sqlite.prepare('SELECT count(*) AS n FROM vault_items WHERE deleted_at IS NULL').get() as { n: number }).n;
  return { core, other, rawCount };
}

/** A Chrome CSV export of `n` logins on distinct hosts. */
function chromeCsv(n: number, tag = 'site'): { fileName: string; contentBase64: string } {
  const rows = ['name,url,username,password'];
  for (let i = 0; i < n; i++) rows.push(`${tag} ${i},https://${tag}${i}.example.com/,user${i},pw-${i}-Xq9`);
  return { fileName: `${tag}.csv`, contentBase64: Buffer.from(rows.join('\n')).toString('base64') };
}

describe('vault across processes', () => {
  it('two commits of the same 1,000-item import, previewed before either commits, add it once', async () => {
    const { core, other, rawCount } = await twoProcesses();
    const file = chromeCsv(1000);
    const mine = await core.client.vault.importPreview({ file });
    const theirs = await other.client.vault.importPreview({ file });
    expect([mine.duplicates, theirs.duplicates]).toEqual([0, 0]);
    // Both commits at once: one writes, the other waits for the write lock and then finds every item there.
    const results = await Promise.allSettled([
      core.client.vault.importCommit({ importId: mine.importId }),
      other.client.vault.importCommit({ importId: theirs.importId }),
    ]);
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    // A commit that could not get the lock in time fails cleanly with BUSY; it never writes half.
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('BUSY');
    expect(ok.map((r) => r.imported).sort((a, b) => a - b)).toEqual(ok.length === 2 ? [0, 1000] : [1000]);
    expect(rawCount()).toBe(1000);
  }, 180_000);

  it('a commit after another process imported the same file skips every duplicate', async () => {
    const { core, other, rawCount } = await twoProcesses();
    const file = chromeCsv(200, 'seq');
    const mine = await core.client.vault.importPreview({ file });
    const theirs = await other.client.vault.importPreview({ file });
    expect(await other.client.vault.importCommit({ importId: theirs.importId })).toEqual({ imported: 200, skipped: 0 });
    expect(await core.client.vault.importCommit({ importId: mine.importId })).toEqual({ imported: 0, skipped: 200 });
    expect(rawCount()).toBe(200);
    // Asked to keep duplicates, the user gets them.
    const again = await core.client.vault.importPreview({ file });
    expect(await core.client.vault.importCommit({ importId: again.importId, skipDuplicates: false })).toEqual({ imported: 200, skipped: 0 });
  }, 180_000);

  it('lists and searches see items another process created, edited and trashed, without a lock/unlock', async () => {
    const { core, other } = await twoProcesses();
    await core.client.vault.create({ item: { type: 'note', title: 'Mine' } });
    expect((await core.client.vault.list({})).items.map((i) => i.title)).toEqual(['Mine']); // the cache is now loaded
    const created = await other.client.vault.create({ item: { type: 'note', title: 'Theirs' } });
    expect((await core.client.vault.list({})).items.map((i) => i.title)).toEqual(['Mine', 'Theirs']);
    await other.client.vault.update({ id: created.id, item: { type: 'note', title: 'Renamed by them' } });
    expect((await core.client.vault.list({ query: 'renamed' })).items.map((i) => i.id)).toEqual([created.id]);
    await other.client.vault.trash({ id: created.id });
    expect((await core.client.vault.list({})).items.map((i) => i.title)).toEqual(['Mine']);
    const done = await other.client.vault.importCommit({ importId: (await other.client.vault.importPreview({ file: chromeCsv(300, 'cli') })).importId });
    expect(done.imported).toBe(300);
    expect((await core.client.vault.list({})).items).toHaveLength(301);
    expect((await core.client.vault.list({ query: 'cli 299' })).items.map((i) => i.title)).toEqual(['cli 299']);
  }, 180_000);
});
