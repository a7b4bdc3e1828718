import { describe, expect, it } from 'vitest';
import { errorOf, PASSWORD, testCore } from '../../test/helpers';
import { cardExpiryDate } from './vault-expiries';

/** `vault:expiries` feeds the calendar: card expiry dates in a range, through the router on a real profile. */
describe('vault expiries', () => {
  it('gives the last day of each card expiry month in the range, with the title and date only', async () => {
    const core = testCore();
    await core.client.profile.create({ name: 'P', password: PASSWORD });
    const card = (title: string, expMonth: string, expYear: string) =>
      core.client.vault.create({ item: { type: 'card', title, card: { number: '4111111111111111', code: '123', expMonth, expYear } } });
    const visa = await card('Visa', '2', '2028');
    const amex = await card('Amex', '11', '27');
    await card('Old', '01', '2020');
    await card('No date', '', '');
    await card('Typo', '13', '2027');
    const trashed = await card('Trashed', '05', '2027');
    await core.client.vault.trash({ id: trashed.id });
    await core.client.vault.create({ item: { type: 'note', title: 'Note', secureNote: 'expires 2027-01-01' } });

    const got = await core.client.vault.expiries({ from: '2027-01-01', to: '2028-12-31' });
    expect(got).toEqual([
      { itemId: amex.id, kind: 'card', title: 'Amex', date: '2027-11-30', what: 'Card expires' },
      { itemId: visa.id, kind: 'card', title: 'Visa', date: '2028-02-29', what: 'Card expires' },
    ]);
    // SECURITY: nothing of the card's number or code is in the answer.
    expect(JSON.stringify(got)).not.toMatch(/4111|1111|123/);
    // Both ends of the range count.
    expect((await core.client.vault.expiries({ from: '2028-02-29', to: '2028-02-29' })).map((e) => e.title)).toEqual(['Visa']);
    expect(await core.client.vault.expiries({ from: '2027-12-01', to: '2028-02-28' })).toEqual([]);
    expect((await errorOf(core.client.vault.expiries({ from: '2028-01-02', to: '2028-01-01' }))).code).toBe('INVALID_INPUT');
    expect((await errorOf(core.client.vault.expiries({ from: '2028-1-2', to: '2028-01-01' }))).code).toBe('INVALID_INPUT');
  });

  it('reads month and year as people type them', () => {
    expect(cardExpiryDate('3', '2027')).toBe('2027-03-31');
    expect(cardExpiryDate('04', '27')).toBe('2027-04-30');
    expect(cardExpiryDate('02', '2100')).toBe('2100-02-28');
    expect(cardExpiryDate('12', '2030')).toBe('2030-12-31');
    for (const [m, y] of [
      ['0', '2027'],
      ['13', '2027'],
      ['1', '202'],
      ['x', '2027'],
      ['1', ''],
      ['', '2027'],
    ])
      expect(cardExpiryDate(m!, y!), `${m}/${y}`).toBeNull();
  });
});
