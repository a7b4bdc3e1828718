import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath, readFixture } from '../../../test/fixtures';
import type { SourceMessage } from '../email-types';
import { detectFormat } from './detect-format';
import { encodeQuotedPrintable, readEmlx } from './emlx';
import { classify, folderOf } from './tree-folders';
import { readTree, treeFromDisk, type TreeFile } from './tree-reader';

/** Tests of the folder-tree reader: .eml, .emlx, .partial.emlx reassembly, Thunderbird mbox files, folders. */

const memoryFile = (path: string, bytes: Buffer | string): TreeFile => ({ path, read: async () => Buffer.from(bytes) });

async function collect(files: TreeFile[], start?: number): Promise<SourceMessage[]> {
  const out: SourceMessage[] = [];
  for await (const m of readTree(files, { start })) out.push(m);
  return out;
}

describe('tree folders and formats', () => {
  it('maps paths to archive folders', () => {
    expect(folderOf('Work/2019/a.eml', 'eml')).toBe('Work/2019');
    expect(folderOf('V10/0A1B2C3D-1111-2222-3333-444455556666/INBOX.mbox/0A1B2C3D-1111-2222-3333-444455556666/Data/1/2/Messages/9.emlx', 'emlx')).toBe('INBOX');
    expect(folderOf('Projects.mbox/Hearth.mbox/Messages/1.partial.emlx', 'partial-emlx')).toBe('Projects/Hearth');
    expect(folderOf('Local Folders/Inbox.sbd/Work', 'mbox')).toBe('Local Folders/Inbox/Work');
    expect(folderOf('Archive.mbox/mbox', 'mbox')).toBe('Archive');
    expect(folderOf('All mail.mbox', 'mbox')).toBe('All mail');
    expect(classify('Inbox.msf')).toBe('other');
    expect(classify('.DS_Store')).toBe('other');
    expect(classify('a/Attachments/114892/2.2/short.txt')).toBe('attachment');
  });

  it('detects formats by extension, then content', () => {
    expect(detectFormat('x.mbox', Buffer.from('junk'))).toBe('mbox');
    expect(detectFormat('Inbox', Buffer.from('From - Thu Feb 26 17:23:40 1998\n'))).toBe('mbox');
    expect(detectFormat('1', Buffer.from('497       \nFrom: a'))).toBe('emlx');
    expect(detectFormat('message', Buffer.from('Subject: hi\n\nbody'))).toBe('eml');
  });

  it('quoted-printable keeps lines under 76 characters and marks soft breaks', () => {
    const qp = encodeQuotedPrintable(Buffer.from(`${'ü'.repeat(40)} \nend`), '\n');
    expect(qp.split('\n').every((l) => l.length <= 76)).toBe(true);
    expect(qp).toContain('=C3=BC');
    expect(qp.endsWith('=20\nend')).toBe(true);
  });

  it('reads a Thunderbird tree: mbox files with folder names, resume restarts the file', async () => {
    const mbox = 'From - Thu Feb 26 17:23:40 1998\nSubject: a\n\nA\n\nFrom - Thu Feb 26 17:23:41 1998\nSubject: b\n\nB\n';
    const files = [
      memoryFile('Inbox.sbd/Work', mbox),
      memoryFile('Inbox', mbox),
      memoryFile('Inbox.msf', '// index'),
      memoryFile('notes', 'not mail'),
      memoryFile('x/a.eml', 'Subject: c\n\nC\n'),
    ];
    const all = await collect(files);
    expect(all.map((m) => [m.folder, m.position, m.end, m.raw.toString().split('\n')[0]])).toEqual([
      ['Inbox', 0, 0, 'Subject: a'],
      ['Inbox', 0, 1, 'Subject: b'],
      ['Inbox/Work', 2, 2, 'Subject: a'],
      ['Inbox/Work', 2, 3, 'Subject: b'],
      ['x', 4, 5, 'Subject: c'],
    ]);
    expect((await collect(files, 1)).map((m) => m.position)).toEqual([2, 2, 4]);
  });

  it('reads a lone file as its content says, and unnamed files as the format given', async () => {
    expect((await collect([memoryFile('message.txt', 'Subject: c\n\nC\n')])).map((m) => m.raw.toString())).toEqual(['Subject: c\n\nC\n']);
    const files = [memoryFile('a/1', 'Subject: 1\n\n'), memoryFile('a/2.txt', 'Subject: 2\n\n')];
    expect(await collect(files)).toHaveLength(0);
    const out: SourceMessage[] = [];
    for await (const m of readTree(files, { format: 'eml' })) out.push(m);
    expect(out.map((m) => [m.folder, m.position])).toEqual([
      ['a', 0],
      ['a', 1],
    ]);
  });
});

describeWithFixtures('email', () => {
  describe('.emlx and folder trees', () => {
    it('reads the byte count: 497 and 639 bytes, and the plist flags', () => {
      const plain = readEmlx(readFixture('email', 'emlx-plaintext.emlx'));
      expect(plain.message.length).toBe(497);
      expect(plain.message.toString()).toContain('Message-Id: <7A129E26-2C1F-4517-B6B5-39460ED50E12@example.com>');
      expect([plain.flags, plain.dateReceived]).toEqual([8623489089, 1581000000]);
      expect(readEmlx(readFixture('email', 'emlx-richtext.emlx')).message.length).toBe(639);
    });

    it('reads an Apple Mail tree: 114862 as the expected .eml, 114892 reassembled from Attachments/', async () => {
      const files = await treeFromDisk(fixturePath('email', 'apple-mail'));
      expect(files.map((f) => f.path)).toEqual([
        'Attachments/114892/2.2/short.txt',
        'Attachments/114892/2.4/original.doc',
        'Attachments/114892/2.6/text.txt',
        'Attachments/114892/2.8/image001.png',
        'Messages/114862.emlx',
        'Messages/114892.partial.emlx',
        'expected/114862.eml',
        'expected/114892.eml',
      ]);
      const messages = await collect(files);
      expect(messages.map((m) => [m.path, m.position, m.end, m.folder])).toEqual([
        ['Messages/114862.emlx', 4, 5, ''],
        ['Messages/114892.partial.emlx', 5, 6, ''],
        ['expected/114862.eml', 6, 7, 'expected'],
        ['expected/114892.eml', 7, 8, 'expected'],
      ]);
      expect(messages[0]?.raw.equals(readFixture('email', 'apple-mail', 'expected', '114862.eml'))).toBe(true);
      const partial = messages[1]!.raw.toString('latin1');
      for (const part of ['Short text.', 'iVBORw0KGgoAAAANSUhE', 'gl=C3=BCcklichen', '0M8R4KGxGuE']) expect(partial).toContain(part);
      expect(partial.trimEnd().endsWith('--Apple-Mail=_F073CB14-2AA7-40E0-88F6-8C1A8748438B--')).toBe(true);
      const png = /image001\.png[\s\S]*?\n\n([A-Za-z0-9+/=\n]+)\n--Apple/.exec(partial)?.[1] ?? '';
      expect(Buffer.from(png.replace(/\n/g, ''), 'base64').equals(readFixture('email', 'apple-mail', 'Attachments', '114892', '2.8', 'image001.png'))).toBe(
        true,
      );
    });

    it('keeps a .partial.emlx as it is when its attachments are missing', async () => {
      const bytes = readFixture('email', 'apple-mail', 'Messages', '114892.partial.emlx');
      const [m] = await collect([memoryFile('Messages/114892.partial.emlx', bytes)]);
      expect(m?.raw.equals(readEmlx(bytes).message)).toBe(true);
    });

    it('reads the .eml and mbox fixtures as one tree', async () => {
      const files = (await treeFromDisk(fixturePath('email'))).filter((f) => !f.path.startsWith('apple-mail/'));
      const messages = await collect(files);
      const count = (ext: string): number => messages.filter((m) => m.path?.endsWith(ext)).length;
      expect([count('.eml'), count('.emlx'), count('.mbox')]).toEqual([10, 2, 9 + 6 + 2]);
      expect(files.some((f) => f.path === 'git-sample.mboxrd')).toBe(true);
      expect(count('.mboxrd')).toBe(2);
    });
  });
});
