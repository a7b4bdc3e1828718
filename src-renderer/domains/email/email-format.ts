import type { Address } from '../../../src-shared/domains/email/email.schemas';

/** How the email page writes addresses, dates, sizes and search highlights. Pure, so the list and the view agree. */

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The name when there is one, else the address; a message without a sender says so. */
export const addressLabel = (a: Address | undefined): string => a?.name.trim() || a?.address || '(no sender)';

/** "Ana Lima <ana@example.org>" (just the address when there is no name). */
export const addressFull = (a: Address): string => (a.name.trim() && a.address ? `${a.name.trim()} <${a.address}>` : addressLabel(a));

export const addressList = (list: readonly Address[]): string => list.map(addressFull).join(', ');

const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The list's date column: the time for today, "12 Mar" this year, "12 Mar 2019" before; '' without a date. */
export function listDate(iso: string | null, now = new Date()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  if (d.toDateString() === now.toDateString()) return time.format(d);
  return d.getFullYear() === now.getFullYear() ? dayMonth.format(d) : dayMonthYear.format(d);
}

/** "11 Apr 2024, 09:19" for the message header; "No date" without one. */
export function fullDate(iso: string | null): string {
  if (!iso) return 'No date';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : full.format(d);
}

/** 1.2 MB, 340 KB, 12 bytes (decimal units, as the Files page writes them). */
export function sizeLabel(bytes: number): string {
  if (bytes < 1000) return plural(bytes, 'byte');
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  for (; value >= 1000 && unit < units.length - 1; unit += 1) value /= 1000;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export interface TextPart {
  text: string;
  mark: boolean;
}

/** Splits a search highlight (matches between \u0002 and \u0003) into plain and marked parts, for React text nodes. */
export function highlightParts(highlight: string): TextPart[] {
  const parts: TextPart[] = [];
  let mark = false;
  let text = '';
  for (const ch of highlight) {
    if (ch === '\u0002' || ch === '\u0003') {
      if (text) parts.push({ text, mark });
      text = '';
      mark = ch === '\u0002';
    } else text += ch;
  }
  if (text) parts.push({ text, mark });
  return parts;
}

/** The search operators, for the hint under the search box. */
export const SEARCH_OPERATORS = ['from:', 'to:', 'subject:', 'has:attachment', 'before:', 'after:', 'label:', '"a phrase"'] as const;

/** A folder path's last part ("Archive/2019" → "2019"), and its depth for indenting. */
export function folderName(path: string): { name: string; depth: number } {
  const parts = path.split('/').filter(Boolean);
  return { name: parts.at(-1) ?? path, depth: Math.max(0, parts.length - 1) };
}
