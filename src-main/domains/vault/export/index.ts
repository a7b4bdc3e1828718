/**
 * Vault exporters: pure functions from `ImportedItem`s to file contents (bytes or text). They never
 * touch the disk; the vault service writes the result through the atomic-file helper after the
 * re-prompt and plaintext warning (docs/security.md#encrypted-export).
 */
export { exportKdbx, KDBX_EXPORT_KDF } from './kdbx';
export { exportBitwardenJson } from './bitwarden-json';
export { exportCsv, type CsvExportMode } from './csv';
