/**
 * Lossless export (issue 12) on a real encrypted profile: every sample mbox imported and exported again is the same
 * file (SHA-256), the .eml samples come back byte for byte in a folder tree, the export imports into a second profile
 * with the same count (and only duplicates the second time), the ZIP download holds the same files, and a folder on
 * this computer is refused to the app's front doors.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZipFiles } from '../../lib/zip';
import { describeWithFixtures } from '../../test/fixtures';
import { errorOf, tempRoot } from '../../test/helpers';
import { createExport } from './email-export';
import { emlName, folderPaths } from './email-export-names';
import { emailFixture, setupEmail, type EmailSetup } from './email.test-helpers';

const MBOXES = ['Mail-MboxParser-testbox.mbox', 'google-takeout-to-sqlite-small.gmail.mbox', 'git-sample.mboxrd', 'git-format-patch-mboxrd.mbox'];
const EMLS = [
  'postal-mime-mimetorture.eml',
  'postal-mime-calendar-event.eml',
  'postal-mime-mixed.eml',
  'mail-gem-japanese_iso_2022.eml',
  'mail-gem-japanese_shift_jis.eml',
  'mail-gem-ks_c_5601-1987.eml',
  'mail-gem-japanese_attachment.eml',
  'mail-gem-attachment_nonascii_filename.eml',
  'mail-gem-attachment_pdf.eml',
  'mail-gem-utf8_headers.eml',
];

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
/** Every file under `dir`, relative path → bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), readFileSync(path.join(e.parentPath, e.name)));
  }
  return out;
}
const importPath = (s: EmailSetup, p: string, folder?: string) => s.email.importStart({ source: { kind: 'path', path: p }, folder, wait: true });

const count = async (x: EmailSetup): Promise<number> =>
  Number(
    (
      await x
        .db()
        .selectFrom('email_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeWithFixtures('email export', () => {
  it('mbox: each imported mbox comes back as the same file (SHA-256); the export imports into a second profile, then only as duplicates', async () => {
    const s = await setupEmail();
    for (const f of MBOXES) expect(await importPath(s, emailFixture(f))).toMatchObject({ state: 'done' });
    const dest = tempRoot();
    const res = await s.email.export({ format: 'mbox', dest });
    const files = filesUnder(dest);
    expect(res).toMatchObject({ files: MBOXES.length, messages: 19, verified: 19, dest, download: null });
    expect(res.bytes).toBe([...files.values()].reduce((n, b) => n + b.length, 0));
    expect([...files.keys()].sort()).toEqual(MBOXES.map((f) => `${path.parse(f).name}.mbox`).sort());
    for (const f of MBOXES) expect(sha(files.get(`${path.parse(f).name}.mbox`)!), f).toBe(sha(readFileSync(emailFixture(f))));
    // The testbox keeps its leading empty line; Takeout its CRLF.
    expect(files.get('Mail-MboxParser-testbox.mbox')!.subarray(0, 6).toString()).toBe('\nFrom ');

    const t = await setupEmail({ root: tempRoot() });
    for (const f of files.keys()) expect(await importPath(t, path.join(dest, f))).toMatchObject({ state: 'done' });
    expect(await count(t)).toBe(await count(s));
    let duplicates = 0;
    for (const f of files.keys()) {
      const again = await importPath(t, path.join(dest, f));
      expect(again.imported).toBe(0);
      duplicates += again.duplicates;
    }
    expect(duplicates).toBe(await count(s));
  }, 60_000);

  it('eml: a tree mirroring the folders, byte-identical files; mbox of .eml messages; the ZIP download; folders refused to the app', async () => {
    const s = await setupEmail();
    const src = tempRoot();
    for (const f of EMLS) copyFileSync(emailFixture(f), path.join(src, f));
    expect(await importPath(s, src, 'Samples')).toMatchObject({ state: 'done', imported: EMLS.length });
    const folders = await s.db().selectFrom('email_folders').select(['id', 'path']).execute();
    const dest = tempRoot();
    const res = await s.email.export({ format: 'eml', dest });
    expect(res).toMatchObject({ messages: EMLS.length, files: EMLS.length, verified: EMLS.length });
    const files = filesUnder(dest);
    expect(
      [...files.keys()].every((k) => /^Samples(\/[^/]+)*\/\d{6} [^/]+\.eml$/.test(k)),
      [...files.keys()].join(', '),
    ).toBe(true);
    expect([...files.keys()].some((k) => k.endsWith(' no subject.eml'))).toBe(true);
    expect([...files.values()].map(sha).sort()).toEqual(EMLS.map((f) => sha(readFileSync(emailFixture(f)))).sort());

    // As mbox: made-up From_ lines, and the mboxrd reader gives the same messages back.
    const mboxDir = tempRoot();
    const asMbox = await s.email.export({ format: 'mbox', dest: mboxDir, folderIds: folders.map((f) => f.id) });
    expect(asMbox).toMatchObject({ messages: EMLS.length, verified: EMLS.length, files: folders.length });
    const mbox = filesUnder(mboxDir);
    expect([...mbox.values()].every((b) => b.subarray(0, 5).toString() === 'From ')).toBe(true);

    const zipped = await s.email.export({ format: 'eml' });
    expect(zipped.dest).toBeNull();
    expect(zipped.download?.name).toMatch(/^hearth-mail-eml-\d{4}-\d{2}-\d{2}\.zip$/);
    const chunks: Buffer[] = [];
    for await (const c of await s.core.blobs().store.open(zipped.download!.blobId)) chunks.push(c as Buffer);
    const zip = readZipFiles(Buffer.concat(chunks));
    expect([...zip.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [k, v] of zip) expect(sha(v)).toBe(sha(files.get(k)!));

    await expect(errorOf(s.email.export({ format: 'eml', folderIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'], dest }))).resolves.toMatchObject({ code: 'NOT_FOUND' });
    await expect(errorOf(s.email.export({ format: 'eml', dest: path.join(s.root, 'x') }))).resolves.toMatchObject({ code: 'FORBIDDEN' });
    const { handlers } = createExport(s.emailCore);
    for (const transport of ['web', 'electron'] as const) {
      await expect(errorOf(async () => handlers.export({ format: 'eml', dest }, { transport }))).resolves.toMatchObject({ code: 'FORBIDDEN' });
    }
  }, 60_000);
});

describe('email export names', () => {
  it('are safe on every system and unique ignoring case', () => {
    expect(folderPaths(['Work', 'work', 'a:b/c*d', 'CON', '..', 'x/trailing. '])).toEqual(['Work', 'work (2)', 'a_b/c_d', '_CON', '_', 'x/trailing']);
    expect(emlName(7, 'Re: Lunch? <today>\u0007')).toBe('000007 Re_ Lunch_ _today_.eml');
    expect(emlName(1, '   ')).toBe('000001 no subject.eml');
    expect(emlName(2, 'x'.repeat(300)).length).toBe(6 + 1 + 80 + 4);
  });
});
