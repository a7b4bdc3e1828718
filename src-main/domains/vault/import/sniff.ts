import { classifyCsvHeader } from './csv-formats';
import { readCsvHeader } from '../../../../src-shared/lib/csv-table';
import { isKdbx } from './kdbx-engine';
import { assertJsonDepth, IMPORT_LIMITS } from './limits';
import type { ImportFormat } from './types';
import { isZip, readZipDirectory } from '../../../lib/zip';

/**
 * Recognises an import file from its content; `fileName` only breaks ties (a damaged `.1pux`).
 * Order: magic bytes (KDBX signature, ZIP with `export.data`), then text: JSON keys, the XML root
 * element, the CSV header. Returns null for anything else. Never throws.
 */
export function sniffFormat(bytes: Uint8Array, fileName?: string): ImportFormat | null {
  try {
    if (bytes.byteLength > IMPORT_LIMITS.maxBytes) return null;
    if (isKdbx(bytes)) return 'kdbx';
    if (isZip(bytes)) return sniffZip(bytes, fileName);
    const text = decodeLenient(bytes).trimStart();
    if (text.startsWith('{')) return sniffJson(text);
    if (text.startsWith('<')) return xmlRootName(text) === 'KeePassFile' ? 'keepass-xml' : null;
    return classifyCsvHeader(readCsvHeader(text));
  } catch {
    return null;
  }
}

function sniffZip(bytes: Uint8Array, fileName: string | undefined): ImportFormat | null {
  try {
    if (readZipDirectory(bytes, false).some((e) => e.name === 'export.data')) return '1password-1pux';
  } catch {
    // fall through to the file name
  }
  return fileName?.toLowerCase().endsWith('.1pux') ? '1password-1pux' : null;
}

function decodeLenient(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Bitwarden JSON has `items` (unencrypted) or `encrypted: true` with `data` (encrypted envelope). */
function sniffJson(text: string): ImportFormat | null {
  assertJsonDepth(text);
  const root: unknown = JSON.parse(text);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return null;
  if ('items' in root && Array.isArray(root.items)) return 'bitwarden-json';
  if ('encrypted' in root && root.encrypted === true && 'data' in root) return 'bitwarden-json';
  return null;
}

/** Name of the first element, skipping the XML declaration, comments and processing instructions. */
export function xmlRootName(text: string): string | null {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) i = text.indexOf('?>', i) + 2;
    else if (text.startsWith('<!--', i)) i = text.indexOf('-->', i) + 3;
    else if (text.startsWith('<!', i)) i = text.indexOf('>', i) + 1;
    else break;
    if (i <= 1) return null;
  }
  return /^<([A-Za-z_][\w.-]*)/.exec(text.slice(i, i + 200))?.[1] ?? null;
}
