import { describe, expect, it } from 'vitest';
import { parseImport } from './index';
import { byTitle, fixture, PASS_IMPORT_REFERENCE } from './test-fixtures';
import { describeWithFixtures } from '../../../test/fixtures';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describeWithFixtures('chrome csv (pass-import-chrome.csv)', () => {
  it('imports 14 rows, ragged rows included, 2 of them notes', async () => {
    const r = await parseImport(fixture('browsers/pass-import-chrome.csv'));
    expect(r.format).toBe('chrome-csv');
    expect(r.items).toHaveLength(14);
    expect(r.skipped).toEqual([]);
    expect(
      r.items
        .filter((i) => i.item.type === 'note')
        .map((i) => i.item.title)
        .sort(),
    ).toEqual(['empty entry', 'note']);
    for (const [title, [username, password]] of Object.entries(PASS_IMPORT_REFERENCE)) {
      expect(byTitle(r.items, title).item.login).toMatchObject({ username, password });
    }
    expect(byTitle(r.items, 'dpbx@klivak.xb').item.notes).toBe('This is a garbage address');
    expect(byTitle(r.items, 'dpbx@klivak.xb').item.login?.urls).toEqual([]);
    expect(byTitle(r.items, 'dpbx@fner.ws').item.notes).toBe('For financial purpose only!');
    expect(byTitle(r.items, 'note').item.secureNote.split('\n')).toHaveLength(2);
    expect(byTitle(r.items, 'aib').item.login?.urls).toEqual([{ url: 'https://onlinebanking.aib.ie', match: null }]);
  });
});

describeWithFixtures('firefox csv (pass-import-firefox.csv)', () => {
  it('imports 14 logins titled by host, with ms-epoch dates, never keyed on the shared guid', async () => {
    const r = await parseImport(fixture('browsers/pass-import-firefox.csv'));
    expect(r.format).toBe('firefox-csv');
    expect(r.items).toHaveLength(14);
    expect(r.items.map((i) => i.item.title)).toEqual([
      'mastodon.social',
      'twitter.com',
      'news.ycombinator.com',
      'ovh.com',
      'ovh.com',
      'aib',
      'afoqwdr.tx',
      'klivak.xb',
      'mnyfymt.ws',
      'fner.ws',
      'space title',
      'empty entry',
      'empty password',
      'note',
    ]);
    const mastodon = byTitle(r.items, 'mastodon.social');
    expect(mastodon.item.login).toMatchObject({ username: 'ostqxi', password: "D<INNeT?#?Bf4%`zA/4i!/'$T" });
    expect(mastodon.item.login?.urls).toEqual([{ url: 'mastodon.social', match: null }]);
    expect(mastodon.createdAt).toBe('2020-09-13T12:26:40.000Z');
    expect(mastodon.updatedAt).toBe('2020-09-13T12:26:40.000Z');
    expect(r.items.filter((i) => i.item.title === 'ovh.com').map((i) => i.item.login?.username)).toEqual(['jsdkyvbwjn', 'bynbyjhqjz']);
  });

  it('skips Firefox-internal chrome:// logins with a reason', async () => {
    const csv =
      '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"\n' +
      '"chrome://FirefoxAccounts","u","p","Firefox Accounts credentials",,"{x}","1","1","1"\n';
    const r = await parseImport(utf8(csv));
    expect(r.items).toEqual([]);
    expect(r.skipped.map((s) => s.row)).toEqual([2]);
    expect(r.skipped[0]?.reason).toContain('chrome://');
  });
});

describe('safari csv (inline sample: no fixture exists)', () => {
  // Shape of Bitwarden's safari-csv spec data (fixtures README, "Gaps"), written here as the one allowed inline sample.
  const SAFARI =
    'Title,URL,Username,Password,Notes,OTPAuth\r\n' +
    'example.com (example_user),https://example.com,example_user,example_p@ssword,"Example note\nMore notes on new line",otpauth://totp/test?secret=examplesecret\r\n';

  it('is sniffed as Safari and maps title, URL, username, password, notes and OTP', async () => {
    const r = await parseImport(utf8(SAFARI));
    expect(r.format).toBe('safari-csv');
    expect(r.items).toHaveLength(1);
    const item = byTitle(r.items, 'example.com (example_user)').item;
    expect(item.login).toEqual({
      username: 'example_user',
      password: 'example_p@ssword',
      urls: [{ url: 'https://example.com', match: null }],
      totp: 'otpauth://totp/test?secret=examplesecret',
    });
    expect(item.notes).toBe('Example note\nMore notes on new line');
  });

  it('derives a missing title from the URL host, else skips the row with its row number', async () => {
    const csv = 'Title,URL,Username,Password,Notes,OTPAuth\n,https://www.example.org/login,u,p,,\n,,,,,\n';
    const r = await parseImport(utf8(csv));
    expect(r.items.map((i) => i.item.title)).toEqual(['example.org']);
    expect(r.skipped).toEqual([{ row: 3, reason: 'no title, URL, username or notes' }]);
  });
});
