/** Small pure helpers shared by the importers and exporters: hosts, folders, tags, dates. */

/**
 * Host name of a URL or bare host (`mastodon.social`), lower case, without a leading `www.`;
 * '' when it has none (notes, `androidapp://`, free text).
 */
export function hostOf(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '') return '';
  const candidates = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? [trimmed] : [`https://${trimmed}`];
  for (const candidate of candidates) {
    try {
      const host = new URL(candidate).hostname.toLowerCase();
      if (host !== '') return host.replace(/^www\./, '');
    } catch {
      // not a URL: fall through
    }
  }
  return '';
}

/**
 * Folder path in Hearth's form: segments separated by `/`, each trimmed, empty segments dropped.
 * Backslashes count as separators, as in Bitwarden's importer.
 */
export function normalizeFolder(path: string): string {
  return path
    .replaceAll('\\', '/')
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join('/');
}

/** Drops the first segment of a KeePass group path (the database's root group): `Root/Email` → `Email`. */
export function stripRootGroup(path: string): string {
  const parts = normalizeFolder(path).split('/');
  return parts.slice(1).join('/');
}

/** Tags: trimmed, non-empty, at most 100 characters, unique, at most 100 of them. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const t = tag.trim().slice(0, 100).trim();
    if (t !== '') out.add(t);
    if (out.size >= 100) break;
  }
  return [...out];
}

const ISO_MIN = Date.UTC(1970, 0, 1);
const ISO_MAX = Date.UTC(9999, 11, 31);

/**
 * ISO 8601 UTC timestamp (`2017-01-01T00:00:00.000Z`) from a Date, an ISO-ish string or an epoch
 * number in the given unit; undefined for anything unparseable or outside 1970–9999.
 */
export function toIsoTimestamp(value: unknown, unit: 'ms' | 's' = 'ms'): string | undefined {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = unit === 's' ? value * 1000 : value;
  else if (typeof value === 'string' && value.trim() !== '') {
    const t = value.trim();
    ms = /^\d+$/.test(t) ? Number(t) * (unit === 's' ? 1000 : 1) : Date.parse(t);
  } else return undefined;
  if (!Number.isFinite(ms) || ms < ISO_MIN || ms > ISO_MAX) return undefined;
  return new Date(ms).toISOString();
}

/** First non-empty line of a text, cut to `max` characters (used as a last-resort title). */
export function firstLine(text: string, max = 100): string {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, max).trim();
}

/** True for 'true', '1', 'yes' and 'on' (any case). */
export function isTruthy(value: string): boolean {
  return ['true', '1', 'yes', 'on', 'y'].includes(value.trim().toLowerCase());
}
