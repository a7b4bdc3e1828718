/** Path helpers for files inside an import (always "/"-separated and relative; see archive.ts). */

export const dirname = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
export const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
export const stem = (path: string): string => basename(path).replace(/\.[^.]*$/, '');

/** `target` relative to the folder `dir`, with `.` and `..` applied; null when it climbs out of the import. */
export function resolveRelative(dir: string, target: string): string | null {
  const parts = dir === '' ? [] : dir.split('/');
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

/** A link destination as a path: `<…>` unwrapped, `#fragment`/`?query` and a title dropped, %XX decoded. */
export function linkPath(destination: string): string | null {
  let d = destination.trim();
  if (d.startsWith('<') && d.includes('>')) d = d.slice(1, d.indexOf('>'));
  else d = d.split(/\s+/)[0] ?? '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(d) || d.startsWith('#') || d.startsWith('/')) return null;
  d = d.replace(/[#?].*$/, '');
  try {
    return decodeURIComponent(d);
  } catch {
    return d;
  }
}
