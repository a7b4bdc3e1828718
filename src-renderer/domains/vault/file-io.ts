/** Vault file limits; the transfer helpers live in lib/files.ts. */
export { base64ToBytes, bytesToBase64, downloadBase64, fileToBase64 } from '../../lib/files';

/** Import files are capped at 50 MiB in main; refuse bigger ones before reading them. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** QR images: the contract accepts up to ~21 MiB of bytes. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
