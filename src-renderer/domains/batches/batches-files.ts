/**
 * Files in and out of the batches screens. Browser mode downloads what main renders (label PDFs, CSV,
 * customer pages); picked files (CSV, label images) are read in memory and sent to main as text or
 * base64. Under Electron the label PDF will go to the OS print dialog instead (main-side, exact page size).
 */

const CHUNK = 0x8000;

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Largest image accepted for scan to find (main checks again). */
export const MAX_SCAN_IMAGE_BYTES = 20 * 1024 * 1024;
/** Largest CSV accepted (main checks again). */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export const fileToBase64 = async (file: Blob): Promise<string> => bytesToBase64(new Uint8Array(await file.arrayBuffer()));

function download(fileName: string, blob: Blob): void {
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

export const downloadBase64 = (fileName: string, base64: string, type: string): void => download(fileName, new Blob([base64ToBytes(base64)], { type }));
export const downloadText = (fileName: string, text: string, type: string): void => download(fileName, new Blob([text], { type }));
