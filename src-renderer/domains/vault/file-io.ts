/** Vault file limits; the transfer helpers live in lib/files.ts. */
export { base64ToBytes, bytesToBase64, downloadUrl, fileToBase64 } from '../../lib/files';

/** Main enforces the same limits (src-shared/lib/limits.ts); the renderer refuses bigger files before reading them. */
export { MAX_IMAGE_BYTES, MAX_IMPORT_BYTES } from '../../../src-shared/lib/limits';
