/**
 * A fresh ArrayBuffer holding exactly these bytes. Never hand kdbxweb `view.buffer`: a Node Buffer
 * (fs.readFile, an HTTP body, IPC) is often a window into a larger pooled ArrayBuffer, and
 * `Buffer#slice` does not copy, so `.buffer` would be the whole pool.
 */
export function exactArrayBuffer(view: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(view.byteLength);
  copy.set(view);
  return copy.buffer;
}
