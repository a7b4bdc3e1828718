import { describe, expect, it } from 'vitest';
import type { ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';
import { parseImport } from '../import';
import { fixture } from '../import/test-fixtures';
import { itWithFixtures } from '../../../test/fixtures';
import { exportBitwardenJson } from './bitwarden-json';
import { sampleItems } from './test-items';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What survives Bitwarden JSON: everything except tags (Bitwarden has none). */
const withoutTags = (items: ImportedItem[]): ImportedItem[] => items.map((i) => ({ ...i, item: { ...i.item, tags: [] } }));

describe('export.exportBitwardenJson', () => {
  it('writes the shape Bitwarden imports: random UUIDs, folders, types 1–4, match numbers, reprompt, history', () => {
    const out = JSON.parse(exportBitwardenJson(sampleItems(), ['Empty folder'])) as {
      encrypted: boolean;
      folders: { id: string; name: string }[];
      items: Record<string, unknown>[];
    };
    expect(out.encrypted).toBe(false);
    expect(out.folders.map((f) => f.name)).toEqual(['Empty folder', 'Email/Work', 'Email', 'Finance']);
    expect(out.folders.every((f) => UUID.test(f.id))).toBe(true);
    expect(out.items.map((i) => i.type)).toEqual([1, 1, 2, 3, 4]);
    const [work] = out.items;
    expect(UUID.test(String(work?.id))).toBe(true);
    expect(work?.folderId).toBe(out.folders[1]?.id);
    expect(work).toMatchObject({ reprompt: 1, favorite: true, creationDate: '2022-06-01T08:00:00.000Z', revisionDate: '2024-05-01T12:00:00.000Z' });
    expect(work?.login).toMatchObject({
      uris: [
        { match: 1, uri: 'https://mail.example.com' },
        { match: null, uri: 'https://webmail.example.com/a,b' },
      ],
      fido2Credentials: [],
    });
    expect(work?.fields).toEqual([
      { name: 'PIN', value: '0042', type: 1, linkedId: null },
      { name: 'Recovery', value: 'line 1\nline 2', type: 0, linkedId: null },
      { name: 'Enabled', value: 'true', type: 2, linkedId: null },
    ]);
    expect(work?.passwordHistory).toEqual([
      { lastUsedDate: '2024-03-01T10:00:00.000Z', password: 'second-old' },
      { lastUsedDate: '2023-01-01T10:00:00.000Z', password: 'first-old' },
    ]);
    expect(out.items[2]).toMatchObject({ secureNote: { type: 0 }, notes: 'Body line 1\nBody line 2' });
    expect(out.items[3]?.card).toMatchObject({ cardholderName: 'Jane Doe', number: '4111111111111111', expMonth: '6', expYear: '2030' });
    expect(out.items[4]?.identity).toMatchObject({ address1: ' 1 North Calle ', middleName: null });
  });

  it('round-trips through Hearth’s importer to the same items (tags aside)', async () => {
    const items = sampleItems();
    const r = await parseImport(utf8(exportBitwardenJson(items, [])));
    expect(r.format).toBe('bitwarden-json');
    expect(r.skipped).toEqual([]);
    expect(r.items).toEqual(withoutTags(items));
    expect(r.folders).toEqual(['Email', 'Email/Work', 'Finance']);
  });

  itWithFixtures('round-trips a real Bitwarden export: import → export → import gives the same items', async () => {
    const first = await parseImport(fixture('bitwarden/keepassxc-bitwarden_export.json'));
    const again = await parseImport(utf8(exportBitwardenJson(first.items, first.folders)));
    expect(again.items).toEqual(first.items);
    expect(again.folders).toEqual(first.folders);
  });
});
