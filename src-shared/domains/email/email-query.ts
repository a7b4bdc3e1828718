import { AppError } from '../../ipc/result';
import { wordsOf } from '../../lib/fts-query';

/**
 * The email search box's language (Gmail-like), parsed the same way in main (to build the query) and in the
 * renderer (to show the parts as chips): words, "quoted phrases", `-word` to exclude, and operators
 * `from:` `to:` (also `cc:`) `subject:` `has:attachment` `has:invite` `label:` `in:` `before:` `after:`
 * (`YYYY-MM-DD`, or `YYYY/MM/DD` as Gmail writes it). An operator's value may be quoted (`label:"Category updates"`);
 * a word with an unknown `name:` is searched as words. A date that does not exist is INVALID_INPUT.
 */

export const EMAIL_QUERY_OPERATORS = ['from', 'to', 'subject', 'has', 'label', 'in', 'before', 'after'] as const;
export type EmailQueryOp = 'text' | (typeof EMAIL_QUERY_OPERATORS)[number];

export interface EmailQueryPart {
  op: EmailQueryOp;
  /** As typed (without quotes); for has: 'attachment' or 'invite'; for dates 'YYYY-MM-DD'. */
  value: string;
  /** The searchable words of the value (text, from, to, subject), as FTS5's unicode61 splits them. */
  words: string[];
  /** Quoted, or several words in one token ("e-mail"): matched as adjacent words. */
  phrase: boolean;
  /** Written with a leading `-`: messages matching it are left out. */
  negated: boolean;
  /** The query's last word, unquoted: matched as a prefix (typing "invo" finds "invoice"). */
  prefix: boolean;
}

/** Parts after this many are ignored (a pasted paragraph stays a fast query). */
export const MAX_QUERY_PARTS = 24;

const ALIASES: Record<string, EmailQueryOp> = { cc: 'to', bcc: 'to' };
const HAS_VALUES: Record<string, string> = {
  attachment: 'attachment',
  attachments: 'attachment',
  invite: 'invite',
  invitation: 'invite',
  calendar: 'invite',
};

/** 'YYYY-MM-DD' or 'YYYY/MM/DD' (month and day may have one digit) as 'YYYY-MM-DD', when that day exists. */
export function queryDate(value: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function operatorOf(name: string | undefined): EmailQueryOp | null {
  if (name === undefined) return null;
  const lower = name.toLowerCase();
  if ((EMAIL_QUERY_OPERATORS as readonly string[]).includes(lower)) return lower as EmailQueryOp;
  return ALIASES[lower] ?? null;
}

function operatorPart(op: EmailQueryOp, value: string, quoted: boolean, negated: boolean): EmailQueryPart | null {
  const base = { op, negated, prefix: false };
  if (op === 'before' || op === 'after') {
    const date = queryDate(value);
    if (!date) throw new AppError('INVALID_INPUT', `"${op}:" needs a date like 2024-01-31 ("${value.slice(0, 40)}" is not one).`);
    return { ...base, value: date, words: [], phrase: false };
  }
  if (op === 'has') {
    const v = HAS_VALUES[value.toLowerCase()];
    if (!v) throw new AppError('INVALID_INPUT', `"has:" takes attachment or invite ("${value.slice(0, 40)}" is not one of them).`);
    return { ...base, value: v, words: [], phrase: false };
  }
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (op === 'label' || op === 'in') return { ...base, value: trimmed, words: [], phrase: false };
  const words = wordsOf(trimmed);
  if (words.length === 0) return null;
  return { ...base, value: trimmed, words, phrase: quoted || words.length > 1 };
}

/** The parts of what a person typed, in order. Throws INVALID_INPUT for an impossible date or an unknown `has:`. */
export function parseEmailQuery(input: string): EmailQueryPart[] {
  const parts: EmailQueryPart[] = [];
  // -? then an optional `name:` then a "quoted value" (an unclosed quote runs to the end) or a bare token.
  for (const m of input.normalize('NFC').matchAll(/(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g)) {
    const negated = m[1] === '-';
    const quoted = m[3] !== undefined;
    const value = m[3] ?? m[4] ?? '';
    const op = operatorOf(m[2]);
    let part: EmailQueryPart | null;
    if (op) part = operatorPart(op, value, quoted, negated);
    else {
      const raw = m[2] === undefined ? value : `${m[2]}:${value}`;
      const words = wordsOf(raw);
      part = words.length === 0 ? null : { op: 'text', value: raw, words, phrase: quoted || words.length > 1, negated, prefix: false };
    }
    if (part) parts.push(part);
    if (parts.length >= MAX_QUERY_PARTS) break;
  }
  // The last word typed is a prefix, unless it is quoted or excluded.
  const last = parts[parts.length - 1];
  if (last && !last.negated && (last.op === 'text' || last.op === 'from' || last.op === 'to' || last.op === 'subject') && !isQuotedAtEnd(input)) {
    last.prefix = true;
  }
  return parts;
}

const isQuotedAtEnd = (input: string): boolean => /"\s*$/.test(input);
