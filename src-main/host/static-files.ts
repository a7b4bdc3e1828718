import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MIME_TYPES } from './csp';

/**
 * SECURITY: resolves a request path inside the renderer bundle, refusing anything that escapes it
 * (`..`, encoded separators, NUL, symlinks pointing outside). Used by app:// and browser mode alike.
 */
export async function resolveBundleFile(bundleDir: string, urlPath: string): Promise<{ file: string; mime: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = await fs.realpath(bundleDir);
  const candidate = path.resolve(root, relative);
  if (!isInside(root, candidate)) return null;
  let real: string;
  try {
    real = await fs.realpath(candidate);
    if (!isInside(root, real) || !(await fs.stat(real)).isFile()) return null;
  } catch {
    return null;
  }
  return { file: real, mime: MIME_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream' };
}

export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
