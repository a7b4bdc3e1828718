/**
 * Browser-side file transfer, shared by every module: picked files are read in memory and sent to main
 * as base64 (main parses them; the renderer never writes to disk), and what main renders comes back as
 * base64 to download. In Electron, main opens its own dialogs instead.
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

/** Offers base64 content as a downloaded file, then wipes the decoded copy. */
export function downloadBase64(fileName: string, base64: string, type = 'application/octet-stream'): void {
  const bytes = base64ToBytes(base64);
  downloadBlob(fileName, new Blob([bytes], { type }));
  bytes.fill(0);
}

/** Offers text as a downloaded file. */
export function downloadText(fileName: string, text: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/**
 * What to tell the user after `downloadText`/`downloadBase64`, so a download always says where it went:
 * in browser mode the browser saves it with its own download settings; under Electron (no download
 * handler in main) a save dialog asks where.
 */
export function downloadNotice(what: string, fileName: string): string {
  const inElectron = typeof window !== 'undefined' && Reflect.has(window, BRIDGE_KEY);
  return inElectron ? `${what}: choose where to save “${fileName}”.` : `${what} downloaded as “${fileName}”. Find it in your browser's downloads.`;
}
