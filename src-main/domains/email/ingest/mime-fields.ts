import { decodeWords, type Address as PostalAddress, type Email } from 'postal-mime';
import type { Address } from '../../../../src-shared/domains/email/email.schemas';

/**
 * The header fields the archive keeps, from postal-mime's result (a full parse, or the header block alone for
 * an unparsed message): ids without angle brackets, addresses flattened out of groups, the Date as UTC ms,
 * Gmail's thread id and labels.
 */
export interface HeaderFields {
  messageId: string;
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  dateMs: number | null;
  dateHeader: string;
  inReplyTo: string;
  references: string[];
  gmailThreadId: string;
  labels: string[];
}

export function headerFields(email: Email | null): HeaderFields {
  const header = (key: string): string => email?.headers.find((h) => h.key === key)?.value ?? '';
  const dateHeader = header('date');
  return {
    messageId: messageIds(email?.messageId ?? '')[0] ?? '',
    subject: email?.subject ?? '',
    from: addresses(email?.from ? [email.from] : [])[0] ?? { name: '', address: '' },
    to: addresses(email?.to ?? []),
    cc: addresses(email?.cc ?? []),
    replyTo: addresses(email?.replyTo ?? []),
    dateMs: parseDate(dateHeader),
    dateHeader,
    inReplyTo: messageIds(email?.inReplyTo ?? '')[0] ?? '',
    references: messageIds(email?.references ?? ''),
    gmailThreadId: header('x-gm-thrid').trim(),
    labels: gmailLabels(header('x-gmail-labels')),
  };
}

/** Mailboxes, group members included (a group's name is dropped: it is not an address). */
function addresses(list: PostalAddress[]): Address[] {
  return list.flatMap((a) => (a.group ? a.group : [a])).map((m) => ({ name: m.name ?? '', address: m.address ?? '' }));
}

/** Message-IDs in a Message-ID, In-Reply-To or References value: the `<…>` ones, else the words, without brackets. */
export function messageIds(value: string): string[] {
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] ?? '');
  if (bracketed.length) return bracketed;
  return value.split(/[\s,]+/).filter((w) => w !== '' && w.includes('@'));
}

const ZONE = /(?:[+-]\d{4}|\b(?:UT|UTC|GMT|[ECMP][SD]T|Z))\s*$/i;

/** The Date header as UTC ms (RFC 5322, its obsolete forms and the asctime form of From_ lines); null when unreadable. A date without a zone is read as UTC. */
export function parseDate(value: string): number | null {
  const clean = value
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!clean) return null;
  const ms = Date.parse(ZONE.test(clean) ? clean : `${clean} GMT`);
  return Number.isFinite(ms) ? ms : null;
}

/** X-Gmail-Labels: comma-separated, a label holding a comma or quote is written in double quotes (`"a, b",Inbox`); RFC 2047 words decoded. */
export function gmailLabels(value: string): string[] {
  const labels: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quoted && c === '\\' && i + 1 < value.length) current += value[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      labels.push(current);
      current = '';
    } else current += c;
  }
  labels.push(current);
  return [...new Set(labels.map((l) => decodeWordsSafe(l.trim())).filter((l) => l !== ''))];
}

/** RFC 2047 encoded words decoded; the value as written when they are malformed. */
export function decodeWordsSafe(value: string): string {
  try {
    return decodeWords(value);
  } catch {
    return value;
  }
}
