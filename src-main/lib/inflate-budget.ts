import { Gunzip, Inflate } from 'fflate';
import { AppError } from '../../src-shared/ipc/result';

/**
 * Decompression with a byte budget (decompression bombs, docs/security.md#imports; used by lib/zip and the
 * KDBX reader): fflate's streaming inflate, counting the output as it comes and throwing TOO_LARGE the moment it passes the budget,
 * so a 400 KB file that would expand to gigabytes costs at most `budget` bytes and a fraction of a second.
 */

/** Shared by every inflate of one parse (a KDBX payload and all its compressed attachments). */
export interface InflateBudget {
  /** Bytes still allowed. */
  left: number;
  /** Says what was too large, in the TOO_LARGE message. */
  what: string;
  /** Replaces the default TOO_LARGE error. */
  tooLarge?: () => AppError;
  /** Replaces the default INVALID_INPUT error for corrupt compressed data. */
  corrupt?: () => AppError;
}

const CHUNK = 64 * 1024;

/** True when the bytes start like a gzip stream (1F 8B, deflate). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** Inflates gzip (`format: 'gzip'`) or raw deflate data, spending the output from `budget`. */
export function inflateWithinBudget(data: Uint8Array, budget: InflateBudget, format: 'gzip' | 'raw' = 'gzip'): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const onData = (chunk: Uint8Array): void => {
    total += chunk.length;
    if (total > budget.left) {
      if (budget.tooLarge) throw budget.tooLarge();
      const mib = Math.floor(budget.left / (1024 * 1024));
      throw new AppError('TOO_LARGE', `${budget.what} expands to more than ${mib} MiB, the most Hearth unpacks (it may be a decompression bomb).`);
    }
    chunks.push(chunk);
  };
  const stream = format === 'gzip' ? new Gunzip(onData) : new Inflate(onData);
  try {
    for (let i = 0; i < data.length; i += CHUNK) stream.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    if (data.length === 0) stream.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw budget.corrupt?.() ?? new AppError('INVALID_INPUT', `${budget.what} is damaged: its compressed data cannot be read.`);
  }
  budget.left -= total;
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
