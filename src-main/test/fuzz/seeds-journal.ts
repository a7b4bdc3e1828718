import { createTar } from 'nanotar';
import { readZipFiles, writeZip } from '../../lib/zip';
import { exportJsonZip } from '../../domains/journal/io/export-json';
import { exportMarkdownZip } from '../../domains/journal/io/export-markdown';
import { sampleBundle, samplePng } from '../../domains/journal/io/export.test-helpers';
import { SN_BACKUP_FILE } from '../../domains/journal/io/import-standard-notes';
import type { Seed } from './mutate';

/**
 * Fuzz seeds for the journal importers, generated here so the fuzz runs without the shared sample files: Day One JSON
 * and ZIP (with a photo), a Joplin JEX (tar) and a raw Joplin note, a Standard Notes backup ZIP, a Markdown note
 * with front matter, and Hearth's own JSON and Markdown exports (written by its exporters). ZIPs are stored
 * (level 0) as well as deflated, so byte mutations reach the parsers behind the container too.
 */

const enc = new TextEncoder();
const NOW = new Date('2026-12-01T12:00:00.000Z');
const MTIME = NOW.getTime();

const DAYONE = {
  metadata: { version: '1.0' },
  entries: [
    {
      uuid: 'A1B2C3',
      creationDate: '2024-03-01T07:15:00Z',
      modifiedDate: '2024-03-01T08:00:00Z',
      timeZone: 'Europe/Lisbon',
      starred: true,
      tags: ['walk', 'Ünï'],
      text: '# Morning\\n\\nCoffee \\*then\\* a walk.\\n\\n![](dayone-moment://P1)',
      photos: [{ identifier: 'P1', md5: '0123456789abcdef0123456789abcdef', type: 'png' }],
      location: { placeName: 'Tavern', localityName: 'Boise' },
    },
    { uuid: 'D4E5F6', creationDate: '2024-03-02T20:00:00Z', text: 'Second entry' },
  ],
};

const JOPLIN_NOTE =
  'Hello\n\nBody with ![img](:/0123456789abcdef0123456789abcde0)\n\nid: 0123456789abcdef0123456789abcdef\nparent_id: fedcba9876543210fedcba9876543210\n' +
  'created_time: 2024-01-01T00:00:00.000Z\nuser_created_time: 2024-01-01T00:00:00.000Z\nis_todo: 0\ntype_: 1';
const JOPLIN_FOLDER = 'Notebook\n\nid: fedcba9876543210fedcba9876543210\nparent_id: \ncreated_time: 2024-01-01T00:00:00.000Z\ntype_: 2';
const JOPLIN_RESOURCE =
  'img.png\n\nid: 0123456789abcdef0123456789abcde0\nmime: image/png\nfilename: img.png\nfile_extension: png\ncreated_time: 2024-01-01T00:00:00.000Z\ntype_: 4';

const STANDARD_NOTES = {
  version: '004',
  items: [
    {
      uuid: 'n1',
      content_type: 'Note',
      created_at: '2023-08-29T15:47:49.952Z',
      content: { title: 'Ithaka', text: 'As you set out', references: [], appData: {} },
    },
    {
      uuid: 't1',
      content_type: 'Tag',
      created_at: '2023-08-29T15:47:49.952Z',
      content: { title: 'poems', references: [{ uuid: 'n1', content_type: 'Note' }] },
    },
    { uuid: 'p1', content_type: 'SN|UserPreferences', content: {} },
  ],
};

const MARKDOWN = '---\ntitle: "Trip"\ndate: 2024-05-01T10:00:00Z\ntags: [travel, lisbon]\n---\n# Trip\n\nHi #x [link](other.md) ![p](img/p.png)\n';

/** The entries of a ZIP written again without compression, so mutations land in the JSON or Markdown. */
const stored = (zip: Uint8Array): Uint8Array => writeZip(Object.fromEntries(readZipFiles(zip)), { mtime: MTIME, level: 0 });

let cached: Promise<Record<string, Seed[]>> | undefined;

/** Every journal target's seeds, by target (made once per worker: the exports encode pictures). */
export function journalSeeds(): Promise<Record<string, Seed[]>> {
  cached ??= makeSeeds();
  return cached;
}

async function makeSeeds(): Promise<Record<string, Seed[]>> {
  const png = samplePng(4, 4);
  const dayOneJson = enc.encode(JSON.stringify(DAYONE, null, 1));
  const { bundle, read } = sampleBundle();
  const hearthJson = await exportJsonZip(bundle, read, { now: NOW });
  const hearthMd = await exportMarkdownZip(bundle, read, { now: NOW });
  const hearthJsonFiles = readZipFiles(hearthJson);
  const jsonFile = [...hearthJsonFiles].find(([name]) => name.endsWith('.json'));
  const jex = createTar([
    { name: '0123456789abcdef0123456789abcdef.md', data: JOPLIN_NOTE },
    { name: 'fedcba9876543210fedcba9876543210.md', data: JOPLIN_FOLDER },
    { name: '0123456789abcdef0123456789abcde0.md', data: JOPLIN_RESOURCE },
    { name: 'resources/0123456789abcdef0123456789abcde0.png', data: png },
  ]);
  return {
    dayone: [
      { name: 'Journal.json', bytes: dayOneJson },
      { name: 'dayone.zip', bytes: writeZip({ 'Journal.json': dayOneJson, 'photos/0123456789abcdef0123456789abcdef.png': png }, { mtime: MTIME, level: 0 }) },
    ],
    joplin: [
      { name: 'export.jex', bytes: jex },
      { name: '0123456789abcdef0123456789abcdef.md', bytes: enc.encode(JOPLIN_NOTE) },
    ],
    'standard-notes': [{ name: 'sn-backup.zip', bytes: writeZip({ [SN_BACKUP_FILE]: JSON.stringify(STANDARD_NOTES) }, { mtime: MTIME, level: 0 }) }],
    markdown: [
      { name: 'Trip.md', bytes: enc.encode(MARKDOWN) },
      { name: 'notes.zip', bytes: writeZip({ 'Trip.md': MARKDOWN, 'other.md': '# Other\n', 'img/p.png': png }, { mtime: MTIME, level: 0 }) },
    ],
    hearth: [
      { name: 'hearth-journal.zip', bytes: hearthJson },
      { name: 'hearth-journal-stored.zip', bytes: stored(hearthJson) },
      ...(jsonFile ? [{ name: jsonFile[0], bytes: jsonFile[1] }] : []),
      { name: 'hearth-markdown-stored.zip', bytes: stored(hearthMd) },
    ],
  };
}
