import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { ExportBundle, ReadAttachment } from './model';

/** A real PNG (pngjs) and a real JPEG (jpeg-js) of `w`×`h` pixels, a colour gradient. */
export function samplePng(w = 40, h = 20): Uint8Array {
  const png = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) png.data.set([(i * 7) % 256, 120, 200, 255], i * 4);
  return new Uint8Array(PNG.sync.write(png));
}

export function sampleJpeg(w = 320, h = 160): Uint8Array {
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([200, (i % w) % 256, 60, 255], i * 4);
  return new Uint8Array(jpeg.encode({ data, width: w, height: h }, 80).data);
}

/** Two journals, four entries with every exported field, two pictures and a PDF-like file. */
export function sampleBundle(): { bundle: ExportBundle; read: ReadAttachment; blobs: Map<string, Uint8Array> } {
  const blobs = new Map<string, Uint8Array>([
    ['blob-png', samplePng()],
    ['blob-jpg', sampleJpeg()],
    ['blob-doc', new TextEncoder().encode('%PDF-1.4 not really')],
  ]);
  const bundle: ExportBundle = {
    journals: [
      {
        id: 'J1',
        name: 'Daily / Life',
        color: '#c0392b',
        icon: 'book',
        metrics: [
          { name: 'sleep', kind: 'number' },
          { name: 'exercised', kind: 'boolean' },
        ],
      },
      { id: 'J2', name: 'Trips', color: '#2980b9', icon: 'plane' },
    ],
    entries: [
      {
        id: 'E1',
        journalId: 'J1',
        title: 'Morning pages',
        entryAt: '2024-03-01T07:15:00.000Z',
        timeZone: 'Europe/Lisbon',
        createdAt: '2024-03-01T07:15:00.000Z',
        updatedAt: '2024-03-01T07:45:00.000Z',
        tags: ['journal', 'Ünïcödé tag'],
        starred: true,
        mood: 4,
        metrics: { sleep: 7.5, exercised: true },
        location: "Uncle's Tavern, Boise, Idaho, United States",
        body: '# Heading inside\n\nSlept well. Coffee ☕ then a **walk** by the river.\n\n- [ ] call Mum\n- [x] water the plants\n\n![sunrise](attachment:A1)\n\n> small steps\n\n<script>alert(1)</script>',
        attachments: [{ id: 'A1', name: 'sun rise (1).png', mime: 'image/png', size: 0, blobId: 'blob-png' }],
      },
      {
        id: 'E2',
        journalId: 'J1',
        title: 'Morning pages',
        entryAt: '2024-03-01T20:00:00.000Z',
        timeZone: null,
        createdAt: '2024-03-01T20:00:00.000Z',
        updatedAt: '2024-03-01T20:00:00.000Z',
        tags: [],
        starred: false,
        mood: null,
        metrics: {},
        location: null,
        body: '\nStarts with a blank line. A second entry with the same title on the same day.',
        attachments: [],
      },
      {
        id: 'E3',
        journalId: 'J2',
        title: null,
        entryAt: '2024-04-10T18:30:00.000Z',
        timeZone: 'America/Denver',
        createdAt: '2024-04-10T18:30:00.000Z',
        updatedAt: '2024-04-12T20:00:00.000Z',
        tags: ['travel', '2024'],
        starred: false,
        mood: 1,
        metrics: { steps: 12000 },
        location: 'Lisbon',
        body: 'Day 1 in Lisbon. Tram 28.\n\n![](attachment:A2)\n\nTickets: [tickets.pdf](attachment:A3)\n\n```\ncode #not-a-tag\n```',
        attachments: [
          { id: 'A2', name: 'tram.jpg', mime: 'image/jpeg', size: 0, blobId: 'blob-jpg' },
          { id: 'A3', name: 'tickets.pdf', mime: 'application/pdf', size: 0, blobId: 'blob-doc' },
        ],
      },
      {
        id: 'E4',
        journalId: 'J2',
        title: 'Empty',
        entryAt: '2025-01-01T00:00:00.000Z',
        timeZone: 'Etc/UTC',
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
        tags: [],
        starred: false,
        mood: null,
        metrics: {},
        location: null,
        body: '',
        attachments: [],
      },
    ],
  };
  for (const e of bundle.entries) for (const a of e.attachments) a.size = blobs.get(a.blobId)?.length ?? 0;
  const read: ReadAttachment = async (blobId) => {
    const bytes = blobs.get(blobId);
    if (!bytes) throw new Error(`no blob ${blobId}`);
    return bytes;
  };
  return { bundle, read, blobs };
}
