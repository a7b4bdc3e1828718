import { AppError } from '../../../../src-shared/ipc/result';
import { parseBitwardenJson } from './bitwarden-json';
import type { ImportCollector } from './collector';
import { isCsvFormat, parseCsvImport } from './csv-formats';
import { isKeePass1 } from './kdbx-engine';
import { parseKdbx, parseKeePassXml } from './keepass';
import { assertImportSize, decodeText } from './limits';
import { parseOnePux } from './onepassword-1pux';
import { sniffFormat } from './sniff';
import type { ImportFormat, ImportParseResult, ParseImportOptions } from './types';

/**
 * Vault importers: pure functions from the bytes of an export file to normalised `ImportedItem`s.
 * No database, no IPC, no disk. The vault service shows the result as a dry-run preview (with
 * {@link findDuplicates}) and writes the accepted items in one transaction.
 */

export type { ImportFormat, ImportParseResult, ParseImportOptions, SkippedRow } from './types';
export { sniffFormat } from './sniff';
export { findDuplicates, type ExistingItemKey } from './duplicates';
export { IMPORT_LIMITS } from './limits';

/**
 * Parses an export file. `format` defaults to 'auto' (sniffed from the content).
 * Errors (AppError): INVALID_INPUT for unrecognised or malformed files, WRONG_PASSWORD for a missing or
 * wrong KDBX / Bitwarden password, UNSUPPORTED for account-restricted Bitwarden exports and KeePass 1
 * files, TOO_LARGE above 50 MiB, 100k items, or the ZIP / KDF / inflate limits (decompression bombs).
 * Main runs it in a worker thread (the `vault.import.parse` job), never on its own event loop.
 */
export async function parseImport(bytes: Uint8Array, opts: ParseImportOptions = {}): Promise<ImportParseResult> {
  assertImportSize(bytes);
  const format = opts.format === undefined || opts.format === 'auto' ? detect(bytes, opts.fileName) : opts.format;
  const collector = await parseAs(format, bytes, opts);
  return collector.result();
}

function detect(bytes: Uint8Array, fileName: string | undefined): ImportFormat {
  const format = sniffFormat(bytes, fileName);
  if (format) return format;
  if (isKeePass1(bytes)) {
    throw new AppError('UNSUPPORTED', 'KeePass 1 (.kdb) databases are not supported. Open it in KeePassXC, save it as a .kdbx database, and import that.');
  }
  if (bytes.byteLength === 0) throw new AppError('INVALID_INPUT', 'The file is empty.');
  throw new AppError(
    'INVALID_INPUT',
    'Hearth does not recognise this file. It reads Bitwarden (JSON or CSV), KeePass (KDBX, XML or KeePassXC CSV), 1Password (1PUX or CSV) and Chrome, Firefox or Safari password CSV exports.',
  );
}

async function parseAs(format: ImportFormat, bytes: Uint8Array, opts: ParseImportOptions): Promise<ImportCollector> {
  if (format === 'kdbx') return parseKdbx(bytes, opts.password, opts.keyFile);
  if (format === '1password-1pux') return parseOnePux(bytes);
  if (format === 'hearth') throw new AppError('UNSUPPORTED', 'Hearth exports are restored from the vault settings, not through this importer.');
  const text = decodeText(bytes);
  if (format === 'bitwarden-json') return parseBitwardenJson(text, opts.password);
  if (format === 'keepass-xml') return parseKeePassXml(text);
  if (isCsvFormat(format)) return parseCsvImport(format, text, opts.csvUnescapeFormulas !== false);
  throw new AppError('UNSUPPORTED', 'This import format is not supported.');
}
