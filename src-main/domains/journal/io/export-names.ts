import { isValidTimeZone } from '../../../../src-shared/lib/local-date';

/** File names for exports: safe on every desktop OS, unique case-insensitively (as lib/zip requires). */

/** `name` without path separators, reserved or control characters, leading/trailing dots and spaces; at most 100 characters. */
export function safeName(name: string, fallback: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '-')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const short = [...cleaned].slice(0, 100).join('').trim();
  return short === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(short) ? fallback : short;
}

/** Hands out names, adding " (2)", " (3)"… before the extension when a name (ignoring case) is taken. */
export class UniqueNames {
  private readonly taken = new Set<string>();
  /** Next number to try per name, so the thousandth "Untitled" costs one check, not a thousand. */
  private readonly next = new Map<string, number>();

  take(path: string): string {
    const dot = path.lastIndexOf('.');
    const hasExt = dot > path.lastIndexOf('/') + 1;
    const [base, ext] = hasExt ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
    const key = (p: string): string => p.normalize('NFC').toLowerCase();
    let candidate = path;
    let n = this.next.get(key(path)) ?? 2;
    while (this.taken.has(key(candidate))) candidate = `${base} (${n++})${ext}`;
    this.next.set(key(path), n);
    this.taken.add(key(candidate));
    return candidate;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone: building one costs far more than using it. */
function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(zone, format);
  }
  return format;
}

/** Calendar date and time of an instant in the entry's zone (UTC when it has none or an unknown one). */
export function localParts(iso: string, timeZone: string | null): { date: string; time: string } {
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = zoneFormat(zone).formatToParts(new Date(iso));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}-${get('minute')}` };
}

/** A path segment for a Markdown link: each segment percent-encoded, so spaces and brackets cannot break the link. */
export const linkSegment = (segment: string): string => encodeURIComponent(segment).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
