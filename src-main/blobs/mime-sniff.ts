/**
 * The MIME type of stored content, from its first bytes (magic numbers via `file-type`), never from a file
 * name or a type the sender claims: a PNG named `notes.txt` is image/png, and an executable named
 * `photo.jpg` is not an image. Content with no signature is `text/plain` when its sample is clean UTF-8
 * text, else `application/octet-stream`.
 */
/** file-type reads at most 4,100 bytes for most formats; a little more lets container formats be recognised. */
export const SNIFF_BYTES = 16 * 1024;

/** Text subtypes a caller may name for content that sniffs as plain text (sniffing cannot tell CSV from text). */
const TEXT_REFINEMENTS = new Set(['text/csv', 'text/markdown', 'application/json', 'text/calendar', 'text/vcard']);

export async function sniffMime(sample: Uint8Array, declared?: string): Promise<string> {
  // ESM-only package, loaded on first use: require(esm) from the CommonJS main bundle (Node ≥ 22.12, Electron ≥ 34).
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(sample);
  if (found) return found.mime;
  if (!looksLikeText(sample)) return 'application/octet-stream';
  // SECURITY: a declared type only refines plain text, and never to an active type (html, svg, script).
  return declared && TEXT_REFINEMENTS.has(declared) ? declared : 'text/plain';
}

function looksLikeText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  // The sample may end inside a multi-byte character: drop up to 3 trailing continuation/lead bytes.
  let end = sample.length;
  for (let i = 0; i < 3 && end > 0 && (sample[end - 1]! & 0x80) !== 0; i++) end--;
  const head = sample.subarray(0, end);
  for (const b of head) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head);
    return true;
  } catch {
    return false;
  }
}

/** Collects the first {@link SNIFF_BYTES} of a stream as it passes. */
export class SniffSample {
  readonly #parts: Buffer[] = [];
  #length = 0;

  take(chunk: Buffer): void {
    if (this.#length >= SNIFF_BYTES) return;
    const part = chunk.subarray(0, SNIFF_BYTES - this.#length);
    this.#parts.push(Buffer.from(part));
    this.#length += part.length;
  }

  bytes(): Buffer {
    return Buffer.concat(this.#parts);
  }
}
