import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../src-shared/ipc/result';

/**
 * Tickets: how a front door reaches one stored file without the bytes ever crossing IPC or JSON
 * (docs/security.md#blob-tickets). SECURITY: 32 random bytes, minted in main by an operation (which passed
 * the router's lock guard and, in browser mode, the token check); kept only as their SHA-256 (a lookup
 * leaks nothing about a stored ticket through timing); bound to one blob or one upload; short-lived;
 * upload tickets work once; every ticket dies when the profile locks.
 */
export type TicketGrant =
  { kind: 'download'; blobId: string; name: string; mime: string; disposition: 'attachment' | 'inline' } | { kind: 'upload'; maxBytes: number };

interface Entry {
  grant: TicketGrant;
  expiresAt: number;
}

export const DOWNLOAD_TICKET_MS = 10 * 60 * 1000;
export const UPLOAD_TICKET_MS = 10 * 60 * 1000;
/** Live tickets kept at most; minting past it drops the oldest (a renderer in a loop cannot grow main). */
const MAX_TICKETS = 10_000;

const digest = (ticket: string): string => createHash('sha256').update(ticket).digest('hex');

export class TicketBook {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  mint(grant: TicketGrant, ttlMs: number): { ticket: string; expiresAt: string } {
    this.#prune();
    if (this.#entries.size >= MAX_TICKETS) this.#entries.delete(this.#entries.keys().next().value!);
    const ticket = randomBytes(32).toString('base64url');
    const expiresAt = this.#now() + ttlMs;
    this.#entries.set(digest(ticket), { grant, expiresAt });
    return { ticket, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The grant of a live ticket of `kind`; an upload ticket is used up here. FORBIDDEN otherwise, with one message for every cause. */
  redeem<K extends TicketGrant['kind']>(ticket: string, kind: K): Extract<TicketGrant, { kind: K }> {
    const key = digest(ticket);
    const entry = this.#entries.get(key);
    if (!entry || entry.expiresAt <= this.#now() || entry.grant.kind !== kind) {
      if (entry && entry.expiresAt <= this.#now()) this.#entries.delete(key);
      throw new AppError('FORBIDDEN', 'This file link has expired or is not valid. Try again from the app.');
    }
    if (kind === 'upload') this.#entries.delete(key);
    return entry.grant as Extract<TicketGrant, { kind: K }>;
  }

  /** On lock: every outstanding ticket stops working. */
  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #prune(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
