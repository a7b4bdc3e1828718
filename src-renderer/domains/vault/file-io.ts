/**
 * Browser-mode file transfer for import, export and QR images: files are read in memory and sent as
 * base64 (main parses them; nothing is written to disk by the renderer), and exports come back as
 * base64 to download. In Electron, main opens its own dialogs instead.
 */

const CHUNK = 0x8000;

/** Base64 of a byte array, without building one huge argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads a picked file as base64. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** Offers base64 content as a downloaded file, then wipes the decoded copy. */
export function downloadBase64(fileName: string, base64: string, type = 'application/octet-stream'): void {
  const bytes = base64ToBytes(base64);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  bytes.fill(0);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Import files are capped at 50 MiB in main; refuse bigger ones before reading them. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** QR images: the contract accepts up to ~21 MiB of bytes. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
