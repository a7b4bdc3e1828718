/**
 * File names of an email export: archive folder paths and subjects made safe as file and folder names on every
 * system (Windows' reserved characters and names, trailing dots, control characters, length), unique even on a
 * case-insensitive disk, and never able to leave the export folder.
 */

/** Longest file or folder name written (bytes matter on some systems; these are characters, well below 255). */
const MAX_SEGMENT = 100;
const MAX_SUBJECT = 80;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** One path segment (a folder name or a file's stem): safe characters only, never '', '.' or '..'. */
export function safeSegment(text: string, max = MAX_SEGMENT, fallback = '_'): string {
  let s = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f\p{Cf}]/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
  s = [...s].slice(0, max).join('');
  s = s.replace(/[. ]+$/, '');
  if (s === '' || /^\.+$/.test(s)) s = fallback;
  if (WINDOWS_RESERVED.test(s)) s = `_${s}`;
  return s;
}

/**
 * The relative paths ('Archive/2019') of the exported folders, each segment made safe, and different from
 * each other ignoring case ('Work' and 'work' → 'Work' and 'work (2)'), in the order given.
 */
export function folderPaths(paths: readonly string[]): string[] {
  const taken = new Set<string>();
  return paths.map((p) => {
    const segments = p.split('/').map((s) => safeSegment(s));
    const last = segments.pop() ?? '_';
    const parent = segments.join('/');
    let candidate = parent === '' ? last : `${parent}/${last}`;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${parent === '' ? '' : `${parent}/`}${last} (${n})`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** `000042 Re_ Lunch on Friday.eml`: the number keeps names unique and in the folder's order. */
export function emlName(n: number, subject: string): string {
  return `${String(n).padStart(6, '0')} ${safeSegment(subject, MAX_SUBJECT, 'no subject')}.eml`;
}
