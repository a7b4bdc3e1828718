import { describe, expect, it } from 'vitest';
import type { ImportedItem } from '../../../../src-shared/domains/vault/vault.schemas';
import { parseImport } from '../import';
import { parseCsv } from '../../../../src-shared/lib/csv';
import { fixture } from '../import/test-fixtures';
import { itWithFixtures } from '../../../test/fixtures';
import { exportCsv } from './csv';
import { sampleItems } from './test-items';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * What CSV keeps: no tags, history, dates or URL match rules, and every custom field comes back
 * hidden; a note's body and plain notes share one column.
 */
function csvView(items: ImportedItem[]): ImportedItem[] {
  return items.map(({ item }) => ({
    item: {
      ...item,
      tags: [],
      fields: item.fields.map((f) => ({ ...f, type: 'hidden' as const })),
      ...(item.login ? { login: { ...item.login, urls: item.login.urls.map((u) => ({ ...u, match: null })) } } : {}),
    },
    passwordHistory: [],
  }));
}

describe('export.exportCsv', () => {
  it('writes the Bitwarden header and, in spreadsheet-safe mode, neutralises formulas and quotes every field', () => {
    const text = exportCsv(sampleItems(), { mode: 'spreadsheet-safe' });
    const [header, , formula] = parseCsv(text);
    expect(header?.fields).toEqual([
      'folder',
      'favorite',
      'type',
      'name',
      'notes',
      'fields',
      'reprompt',
      'login_uri',
      'login_username',
      'login_password',
      'login_totp',
    ]);
    expect(formula?.fields.slice(8, 10)).toEqual(["'@admin", "'=1+2"]);
    expect(formula?.fields[4]).toBe("'-dash first\r\ncarriage");
    expect(formula?.fields[3]).toBe('Formula =HYPERLINK("x")');
    expect(text.split('\r\n')[0]).toBe(
      '"folder","favorite","type","name","notes","fields","reprompt","login_uri","login_username","login_password","login_totp"',
    );
    for (const record of parseCsv(text)) {
      for (const value of record.fields) expect(value).not.toMatch(/^[=+\-@\t\r\0]/);
    }
  });

  it('writes raw mode verbatim, quoting only where RFC 4180 requires', () => {
    const text = exportCsv(sampleItems(), { mode: 'raw' });
    expect(text.startsWith('folder,favorite,type,name,')).toBe(true);
    expect(parseCsv(text)[2]?.fields.slice(8, 10)).toEqual(['@admin', '=1+2']);
  });

  it.each(['spreadsheet-safe', 'raw'] as const)('round-trips through Hearth’s importer in %s mode', async (mode) => {
    const items = sampleItems();
    const r = await parseImport(utf8(exportCsv(items, { mode })));
    expect(r.format).toBe('bitwarden-csv');
    expect(r.skipped).toEqual([]);
    expect(r.items).toEqual(csvView(items));
  });

  it('keeps a value that really starts with an apostrophe: exact in safe mode, and in raw mode with csvUnescapeFormulas false', async () => {
    const [base] = sampleItems();
    if (!base?.item.login) throw new Error('sample login missing');
    const tricky: ImportedItem = { ...base, item: { ...base.item, login: { ...base.item.login, password: "'=literal" } } };
    const safe = await parseImport(utf8(exportCsv([tricky], { mode: 'spreadsheet-safe' })));
    expect(safe.items[0]?.item.login?.password).toBe("'=literal");
    const raw = utf8(exportCsv([tricky], { mode: 'raw' }));
    expect((await parseImport(raw, { csvUnescapeFormulas: false })).items[0]?.item.login?.password).toBe("'=literal");
    expect((await parseImport(raw)).items[0]?.item.login?.password).toBe('=literal');
  });

  itWithFixtures('round-trips the pass-import reference CSV: import → export → import', async () => {
    const first = await parseImport(fixture('bitwarden/pass-import-bitwarden.csv'));
    const again = await parseImport(utf8(exportCsv(first.items, { mode: 'spreadsheet-safe' })));
    expect(again.items).toEqual(first.items);
  });
});
