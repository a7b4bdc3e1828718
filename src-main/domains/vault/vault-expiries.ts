import type { Kysely } from 'kysely';
import type { Expiry } from '../../../src-shared/domains/vault/vault.schemas';
import { AppError } from '../../../src-shared/ipc/result';
import type { Database } from '../../db/database';
import type { PublicData } from './vault-mapping';

/** A card's expiry (month and year as typed: '3' or '03', '2027' or '27') → the last day of that month, or null. */
export function cardExpiryDate(expMonth: string, expYear: string): string | null {
  const month = Number(expMonth.trim());
  let year = Number(expYear.trim());
  if (!/^\d{1,2}$/.test(expMonth.trim()) || !/^\d{2}(\d{2})?$/.test(expYear.trim()) || month < 1 || month > 12) return null;
  if (year < 100) year += 2000;
  // Day 0 of the next month is the last day of this one (UTC, so no zone moves it).
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * Expiry dates of live vault items in [from, to], for the calendar. Read from the items' public data (card expiry is
 * not sealed), so the vault key is not needed. SECURITY: only the title and the date leave; never the card number.
 * Identities have no expiry fields yet (IDENTITY_KEYS holds none), so only cards answer.
 */
export async function vaultExpiries(db: Kysely<Database>, range: { from: string; to: string }): Promise<Expiry[]> {
  if (range.to < range.from) throw new AppError('INVALID_INPUT', 'The range must end on or after its start.');
  const rows = await db
    .selectFrom('vault_items')
    .select(['id', 'title', 'public_data'])
    .where('type', '=', 'card')
    .where('deleted_at', 'is', null)
    .where('purged_at', 'is', null)
    .execute();
  const out: Expiry[] = [];
  for (const row of rows) {
    let card: PublicData['card'];
    try {
      card = (JSON.parse(row.public_data) as PublicData).card;
    } catch {
      continue;
    }
    const date = card ? cardExpiryDate(card.expMonth, card.expYear) : null;
    if (date && date >= range.from && date <= range.to) out.push({ itemId: row.id, kind: 'card', title: row.title, date, what: 'Card expires' });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}
