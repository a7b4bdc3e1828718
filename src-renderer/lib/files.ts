/**
 * Browser-side file transfer, shared by every module: picked files are read in memory and sent to main
 * as base64 (main parses them; the renderer never writes to disk), and files main makes (label PDFs, vault
 * exports, the customer site) are downloaded from main's file store by ticket URL. In Electron, main opens
 * its own dialogs where it can (vault import and export).
 */

import { BRIDGE_KEY } from '../../src-shared/ipc/channels';

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

/** Offers a blob as a downloaded file. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Offers a stored file as a download from its ticket URL (`/api/blob/<ticket>`, from an op such as
 * `batches.printLabels` or `blobs.ticket`). The browser streams it from main to disk: the bytes never pass
 * through IPC, JSON or this page's memory. The same relative URL works on app://bundle and in browser mode.
 */
export function downloadUrl(fileName: string, url: string): void {
  if (!/^\/api\/blob\/[A-Za-z0-9_-]{43}$/.test(url)) throw new Error('Not a file link from Hearth.');
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Offers text as a downloaded file. */
export function downloadText(fileName: string, text: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/**
 * What to tell the user after `downloadText`/`downloadUrl`, so a download always says where it went:
 * in browser mode the browser saves it with its own download settings; under Electron (no download
 * handler in main) a save dialog asks where.
 */
export function downloadNotice(what: string, fileName: string): string {
  const inElectron = typeof window !== 'undefined' && Reflect.has(window, BRIDGE_KEY);
  return inElectron ? `${what}: choose where to save “${fileName}”.` : `${what} downloaded as “${fileName}”. Find it in your browser's downloads.`;
}
