import type { CustomFieldInput, ItemInput } from '../../../../src-shared/domains/vault/vault.schemas';

/**
 * 1PUX section fields → Hearth. A field's `value` is an object with one key naming its kind:
 * `{ concealed: "…" }`, `{ string: "…" }`, `{ totp: "…" }`, `{ monthYear: 202206 }`,
 * `{ email: { email_address } }`, `{ address: { street, city, state, zip, country } }`, …
 */

/** One section field, flattened. */
export interface OpField {
  id: string;
  title: string;
  kind: string;
  text: string;
  hidden: boolean;
  raw: unknown;
}

/** 1Password credit-card type codes → the brand names Bitwarden uses. */
const CARD_BRANDS: Record<string, string> = {
  visa: 'Visa',
  mc: 'Mastercard',
  mastercard: 'Mastercard',
  amex: 'Amex',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  maestro: 'Maestro',
  unionpay: 'UnionPay',
  carteblanche: 'Carte Blanche',
  laser: 'Laser',
  solo: 'Solo',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Reads a field's typed value; null for kinds with no text (files, references) or a malformed value. */
export function readOpField(field: { id?: string | null; title?: string | null; value?: unknown }): OpField | null {
  if (!isRecord(field.value)) return null;
  const [kind, raw] = Object.entries(field.value)[0] ?? [];
  if (kind === undefined) return null;
  const base = { id: field.id ?? '', title: field.title ?? field.id ?? '', kind, raw, hidden: false };
  switch (kind) {
    case 'concealed':
    case 'creditCardNumber':
    case 'totp':
      return { ...base, text: asText(raw), hidden: true };
    case 'sshKey':
      return { ...base, text: isRecord(raw) ? asText(raw.privateKey) : asText(raw), hidden: true };
    case 'email':
      return { ...base, text: isRecord(raw) ? asText(raw.email_address) : asText(raw) };
    case 'date':
      return { ...base, text: typeof raw === 'number' ? new Date(raw * 1000).toISOString().slice(0, 10) : asText(raw) };
    case 'monthYear': {
      const ym = monthYear(raw);
      return { ...base, text: ym ? `${ym.month.padStart(2, '0')}/${ym.year}` : '' };
    }
    case 'address':
      return { ...base, text: isRecord(raw) ? [raw.street, raw.city, raw.state, raw.zip, raw.country].map(asText).filter(Boolean).join(', ') : '' };
    case 'file':
    case 'reference':
      return null;
    default:
      return { ...base, text: asText(raw) };
  }
}

/** `202206` → { month: '6', year: '2022' } (month without a leading zero, as Bitwarden stores it). */
export function monthYear(raw: unknown): { month: string; year: string } | null {
  const s = asText(raw);
  if (!/^\d{6}$/.test(s)) return null;
  const month = String(Number(s.slice(4)));
  return Number(month) >= 1 && Number(month) <= 12 ? { month, year: s.slice(0, 4) } : null;
}

/** A field as a Hearth custom field ('' values dropped by the caller). */
export function toCustomField(f: OpField): CustomFieldInput {
  return { name: f.title, type: f.hidden ? 'hidden' : 'text', value: f.text };
}

/** Credit card (category 002): known field ids fill `card`; the rest come back as custom fields. */
export function takeCardFields(fields: OpField[]): { card: NonNullable<ItemInput['card']>; rest: OpField[] } {
  const card: NonNullable<ItemInput['card']> = {};
  const rest: OpField[] = [];
  for (const f of fields) {
    if (f.id === 'cardholder') card.holder = f.text;
    else if (f.id === 'type') card.brand = CARD_BRANDS[f.text.toLowerCase()] ?? f.text;
    else if (f.id === 'ccnum') card.number = f.text;
    else if (f.id === 'cvv') card.code = f.text;
    else if (f.id === 'expiry' && monthYear(f.raw)) {
      const ym = monthYear(f.raw);
      card.expMonth = ym?.month;
      card.expYear = ym?.year;
    } else rest.push(f);
  }
  return { card, rest };
}

const IDENTITY_IDS: Record<string, keyof NonNullable<ItemInput['identity']>> = {
  firstname: 'firstName',
  initial: 'middleName',
  lastname: 'lastName',
  company: 'company',
  email: 'email',
  username: 'username',
  defphone: 'phone',
  cellphone: 'phone',
  homephone: 'phone',
  busphone: 'phone',
};

/** Identity (category 004): names, company, contact and the structured address fill `identity`. */
export function takeIdentityFields(fields: OpField[]): { identity: NonNullable<ItemInput['identity']>; rest: OpField[] } {
  const identity: NonNullable<ItemInput['identity']> = {};
  const rest: OpField[] = [];
  for (const f of fields) {
    const key = IDENTITY_IDS[f.id];
    if (f.kind === 'address' && isRecord(f.raw) && !identity.address1) {
      identity.address1 = asText(f.raw.street);
      identity.city = asText(f.raw.city);
      identity.state = asText(f.raw.state);
      identity.postalCode = asText(f.raw.zip);
      identity.country = asText(f.raw.country);
    } else if (key && !identity[key]) identity[key] = f.text;
    else rest.push(f);
  }
  return { identity, rest };
}
