import { z } from 'zod';
import { AppError } from '../../ipc/result';
import type { DateType } from './batch-status';
import { toGtin14, validateGtin } from './gtin';
import { fromGs1Date, toGs1Date } from './gs1-date';

/**
 * GS1 Digital Link URIs for batch QR codes (docs/formats.md#label-qr-payloads; GS1 Digital Link: URI Syntax):
 *
 *   https://{domain}{/path}/01/{GTIN-14}/10/{lot}?11={YYMMDD}&17={YYMMDD}
 *
 * The GTIN is the primary key, the lot (AI 10) a key qualifier in the path, and the dates data
 * attributes in the query, always in ascending AI order (11, 15, 17) so a batch always yields the same
 * URI. Use-by products carry AI 17 (expiration date), best-before products AI 15.
 * Lots use the GS1 AI encodable character set 82 (no space, no '#'); every character outside the
 * URI unreserved set (A–Z a–z 0–9 - . _ ~) is percent-encoded: '/' → %2F, '%' → %25.
 * Pure: no node:*, no DOM (`encodeURIComponent` and `decodeURIComponent` only).
 */

/** Longest lot (AI 10 is X..20). */
export const GS1_LOT_MAX_LENGTH = 20;
/** One character of GS1 character set 82 (General Specifications Figure 7.11-1). */
const CSET82_CHAR = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]$/;
const CSET82_LIST = `letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _`;
const MAX_URI_CHARS = 2048;
const MAX_PATH_CHARS = 100;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PATH_SEGMENT = /^[A-Za-z0-9._~-]{1,64}$/;

const invalid = (message: string): AppError => new AppError('INVALID_INPUT', message);

/** Why `lot` cannot be a GS1 batch/lot (AI 10), or null when it can. */
export function lotError(lot: string): string | null {
  if (lot.length === 0) return 'The lot code is empty.';
  for (const ch of lot) {
    if (!CSET82_CHAR.test(ch)) {
      const what = ch === ' ' ? 'spaces' : /\s/.test(ch) ? 'line breaks or tabs' : `"${ch}"`;
      return `A GS1 lot code cannot contain ${what}; use ${CSET82_LIST}.`;
    }
  }
  if (lot.length > GS1_LOT_MAX_LENGTH) {
    return `A GS1 lot code has at most ${GS1_LOT_MAX_LENGTH} characters; this one has ${lot.length}.`;
  }
  // WHATWG URL parsers collapse "." and ".." path segments even when percent-encoded.
  if (lot === '.' || lot === '..') return 'A lot code cannot be "." or "..".';
  return null;
}

/** Percent-encodes everything outside the RFC 3986 unreserved set, upper-case hex (`AB/12` → `AB%2F12`). */
export function percentEncodeStrict(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Why `domain` is not a bare host name such as `shop.example` (lower-cased first), or null. */
export function domainError(domain: string): string | null {
  const host = domain.trim().toLowerCase();
  if (host === '') return 'Enter a domain, like shop.example.';
  if (/[:/?#@\s\\]/.test(host)) return 'Enter the domain only, like shop.example: no https://, port or path.';
  if (host.length > 253) return 'A domain has at most 253 characters.';
  const labels = host.split('.');
  if (labels.length < 2) return 'A domain needs a dot, like shop.example.';
  if (!labels.every((l) => HOST_LABEL.test(l))) {
    return 'A domain uses letters, digits and inner hyphens between dots (punycode for accented names).';
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return 'Enter a domain name, not an IP address.';
  return null;
}

/** Why `path` (the shop's own prefix before `/01/`, e.g. `/b`) is unusable, or null. Empty is fine. */
export function pathError(path: string): string | null {
  const trimmed = path.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return null;
  if (trimmed.length > MAX_PATH_CHARS) return `Keep the path under ${MAX_PATH_CHARS} characters; long links make bigger QR codes.`;
  for (const segment of trimmed.split('/')) {
    if (!PATH_SEGMENT.test(segment) || segment === '.' || segment === '..') {
      return 'Path parts use letters, digits, "-", "_", "." and "~", separated by single slashes.';
    }
  }
  return null;
}

/** Schema for the Digital Link domain setting. */
export const DigitalLinkDomain = z
  .string()
  .max(253)
  .superRefine((value, ctx) => {
    const error = domainError(value);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });

/** Schema for the optional path prefix setting. */
export const DigitalLinkPath = z
  .string()
  .max(MAX_PATH_CHARS + 2)
  .superRefine((value, ctx) => {
    const error = pathError(value);
    if (error) ctx.addIssue({ code: 'custom', message: error });
  });

/** What a batch Digital Link carries. */
export interface DigitalLinkInput {
  domain: string;
  path?: string | null;
  gtin: string;
  lot?: string | null;
  /** AI 11. */
  productionDate?: string | null;
  /** AI 17 for use-by products, AI 15 for best-before products. */
  expiryDate?: string | null;
  dateType: DateType;
}

/** Builds the Digital Link URI of a batch; throws `INVALID_INPUT` for a bad domain, path, GTIN, lot or date. */
export function buildDigitalLink(input: DigitalLinkInput): string {
  const domainProblem = domainError(input.domain);
  if (domainProblem) throw invalid(domainProblem);
  const pathProblem = pathError(input.path ?? '');
  if (pathProblem) throw invalid(pathProblem);
  const gtin14 = toGtin14(input.gtin);
  const prefix = (input.path ?? '').trim().replace(/^\/+|\/+$/g, '');
  let uri = `https://${input.domain.trim().toLowerCase()}${prefix ? `/${prefix}` : ''}/01/${gtin14}`;
  if (input.lot != null) {
    const lotProblem = lotError(input.lot);
    if (lotProblem) throw invalid(lotProblem);
    uri += `/10/${percentEncodeStrict(input.lot)}`;
  }
  const query: string[] = [];
  if (input.productionDate) query.push(`11=${toGs1Date(input.productionDate)}`);
  if (input.expiryDate) query.push(`${input.dateType === 'best-before' ? '15' : '17'}=${toGs1Date(input.expiryDate)}`);
  return query.length > 0 ? `${uri}?${query.join('&')}` : uri;
}

/** The batch identity read back from a Digital Link URI. Dates are YYYY-MM-DD. */
export interface ParsedDigitalLink {
  gtin14: string;
  /** AI 10, decoded; null when the link names the product only. */
  lot: string | null;
  /** AI 11. */
  productionDate?: string;
  /** AI 17 (use-by / expiration). */
  expiryDate?: string;
  /** AI 15. */
  bestBeforeDate?: string;
}

/** Options for `parseDigitalLink`. */
export interface ParseDigitalLinkOptions {
  /** The current four-digit year, for GS1's century rule on YYMMDD; without it years are 20YY. */
  referenceYear?: number;
}

const URI_PARTS = /^(https?):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;
const GTIN_CODES = new Set(['01', 'gtin']);
/** GTIN key qualifiers in the order the standard requires: 22 (variant), 10 (lot), 21 (serial). */
const QUALIFIER_RANK = new Map([
  ['22', 0],
  ['cpv', 0],
  ['10', 1],
  ['lot', 1],
  ['21', 2],
  ['ser', 2],
]);
const LOT_RANK = 1;

function percentDecode(raw: string, what: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalid(`The ${what} in this link has a malformed %-escape.`);
  }
}

/** Matches `01/{gtin}[/22/x][/10/x][/21/x]` from `start` to the end of the path, or null. */
function matchKeyPath(segments: readonly string[], start: number): { gtin: string; lotRaw: string | null } | null {
  const gtin = segments[start + 1];
  if (gtin === undefined || !/^(\d{8}|\d{12,14})$/.test(gtin)) return null;
  let lastRank = -1;
  let lotRaw: string | null = null;
  for (let i = start + 2; i < segments.length; i += 2) {
    const code = segments[i];
    const value = segments[i + 1];
    const rank = code === undefined ? undefined : QUALIFIER_RANK.get(code);
    if (rank === undefined || value === undefined || value === '' || rank <= lastRank) return null;
    lastRank = rank;
    if (rank === LOT_RANK) lotRaw = value;
  }
  return { gtin, lotRaw };
}

function findKeyPath(path: string): { gtin: string; lotRaw: string | null } {
  const segments = path.split('/').slice(1);
  if (segments[segments.length - 1] === '') segments.pop();
  // From the right: the key path ends the URI path, and the shop's own prefix may contain anything.
  for (let i = segments.length - 2; i >= 0; i--) {
    if (!GTIN_CODES.has(segments[i] ?? '')) continue;
    const match = matchKeyPath(segments, i);
    if (match) return match;
  }
  throw invalid('This is not a GS1 Digital Link for a product: no /01/<GTIN> in the address.');
}

function decodeLot(raw: string): string {
  const lot = percentDecode(raw, 'lot');
  const problem = lotError(lot);
  if (problem) throw invalid(`The lot in this link is not valid. ${problem}`);
  return lot;
}

/**
 * Reads a GS1 Digital Link URI (ours, id.gs1.org or any other resolver, with or without a path before
 * the key) back into GTIN, lot and dates, for "scan to find". Accepts the numeric AIs and the
 * convenience names (`gtin`, `lot`, `exp`), `&` or `;` between query attributes, and GTIN-8/12/13/14.
 * Unknown query parameters and fragments are ignored. Compressed Digital Links are not supported.
 * Throws `INVALID_INPUT` for anything else.
 */
export function parseDigitalLink(uri: string, options: ParseDigitalLinkOptions = {}): ParsedDigitalLink {
  const text = typeof uri === 'string' ? uri.trim() : '';
  if (text.length > MAX_URI_CHARS) throw invalid('This link is too long to be a batch code.');
  const parts = URI_PARTS.exec(text);
  if (!parts || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(parts[2] ?? '')) {
    throw invalid('This is not a web address (https://…), so it cannot be a GS1 Digital Link.');
  }
  const key = findKeyPath(parts[3] ?? '');
  const gtin = validateGtin(key.gtin);
  if (!gtin.valid || gtin.gtin14 === undefined) throw invalid(`The GTIN in this link is not valid. ${gtin.error ?? ''}`.trim());
  const result: ParsedDigitalLink = { gtin14: gtin.gtin14, lot: key.lotRaw === null ? null : decodeLot(key.lotRaw) };
  readQuery(parts[4] ?? '', result, options);
  return result;
}

function readQuery(query: string, result: ParsedDigitalLink, options: ParseDigitalLinkOptions): void {
  const seen = new Set<string>();
  for (const pair of query.split(/[&;]/)) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = percentDecode(eq === -1 ? pair : pair.slice(0, eq), 'query');
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    const ai = rawKey === 'exp' ? '17' : rawKey;
    if (!['10', '11', '15', '17'].includes(ai)) continue;
    if (seen.has(ai)) throw invalid(`This link repeats AI ${ai}.`);
    seen.add(ai);
    if (ai === '10') {
      // The grammar allows the lot as a query attribute too; the path form wins when both are present.
      if (result.lot === null) result.lot = decodeLot(rawValue);
      continue;
    }
    const date = readDate(ai, percentDecode(rawValue, 'query'), options);
    if (ai === '11') result.productionDate = date;
    else if (ai === '15') result.bestBeforeDate = date;
    else result.expiryDate = date;
  }
}

function readDate(ai: string, value: string, options: ParseDigitalLinkOptions): string {
  try {
    // GS1: DD = 00 means "month only"; the end of the month for best-before/expiry, the start for production.
    return fromGs1Date(value, { referenceYear: options.referenceYear, dayZero: ai === '11' ? 'start-of-month' : 'end-of-month' });
  } catch (error) {
    throw invalid(`AI ${ai} in this link is not a date: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
}
