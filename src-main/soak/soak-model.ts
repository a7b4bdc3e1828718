/**
 * The soak's model of what the profile must hold: every acknowledged write, as record ids and a short state
 * string per kind (never plaintext: a title like `v12`, a quantity, a status). The driver and the worker apply
 * the same acknowledgements to their copies; after a SIGKILL the next worker compares the database with the
 * driver's copy, allowing only the one operation that was in flight when the kill landed to have happened or not.
 */

/** The record kinds the soak writes, one or more per module. */
export const KINDS = ['vault', 'batch', 'entry', 'attachment', 'file', 'event', 'task'] as const;
export type Kind = (typeof KINDS)[number];

/** Ids made once per profile that later operations need. */
export interface SoakSetup {
  journalId: string;
  calendarId: string;
  productId: string;
  /** The batches' production and arrival date (batches.update takes every field). */
  batchDate: string;
}

export interface Model {
  setup: SoakSetup | null;
  /** Live records: kind → id → state. */
  records: Record<Kind, Record<string, string>>;
  /** SHA-256 (hex) of each live library file's content: the bytes are checked, not just the row. */
  fileHashes: Record<string, string>;
  /** Email messages stored (the sum of acknowledged imports). */
  emailMessages: number;
  /** The last acknowledged settings.clipboardClearSeconds, or null before the first. */
  clipboardSeconds: number | null;
  /** Next revision number: makes every written state unique. */
  nextRev: number;
}

/** One write, as announced before it runs (`begin`) and acknowledged after it committed (`ack`). */
export interface WriteOp {
  kind: Kind | 'email' | 'settings';
  action: 'create' | 'update' | 'delete';
  /** The record (unknown for a create until its ack). */
  id?: string;
  /** The record's state after the write (create, update), the settings value, or the messages of an import. */
  state?: string;
  rev: number;
  /** A library file's content hash (file creates). */
  hash?: string;
  /** Email imports: the messages in the file (the most an interrupted import can have stored). */
  messages?: number;
}

export function emptyModel(): Model {
  const records = Object.fromEntries(KINDS.map((k) => [k, {}])) as Record<Kind, Record<string, string>>;
  return { setup: null, records, fileHashes: {}, emailMessages: 0, clipboardSeconds: null, nextRev: 1 };
}

/** Applies an acknowledged write to `model` (in place). */
export function applyAck(model: Model, op: WriteOp): void {
  model.nextRev = Math.max(model.nextRev, op.rev + 1);
  if (op.kind === 'email') {
    model.emailMessages += Number(op.state ?? 0);
    return;
  }
  if (op.kind === 'settings') {
    model.clipboardSeconds = Number(op.state);
    return;
  }
  const table = model.records[op.kind];
  if (op.id === undefined) throw new Error(`ack of ${op.kind} ${op.action} without an id`);
  if (op.action === 'delete') {
    delete table[op.id];
    delete model.fileHashes[op.id];
  } else {
    table[op.id] = op.state ?? '';
    if (op.hash !== undefined) model.fileHashes[op.id] = op.hash;
  }
}

/** What a worker read from the database after opening it. */
export interface Actual {
  records: Record<Kind, Record<string, string>>;
  emailMessages: number;
  clipboardSeconds: number;
}

/**
 * Compares the database with the model. `inflight` is the write that was running when the worker was killed
 * (it may or may not have committed). Returns the failures (empty: every acknowledged write is there, every
 * acknowledged delete is gone, nothing else appeared) and the model to continue from (the actual state).
 */
export function reconcile(model: Model, actual: Actual, inflight: WriteOp | null): { failures: string[]; next: Model } {
  const failures: string[] = [];
  const is = (kind: WriteOp['kind'], action: WriteOp['action'], id?: string) =>
    inflight !== null && inflight.kind === kind && inflight.action === action && (id === undefined || inflight.id === id);
  const next: Model = { ...model, records: emptyModel().records, fileHashes: {} };
  for (const kind of KINDS) {
    const want = model.records[kind];
    const have = actual.records[kind];
    let extra = 0;
    for (const [id, state] of Object.entries(want)) {
      if (!(id in have)) {
        if (!is(kind, 'delete', id)) failures.push(`${kind} ${id} (acknowledged, state ${state}) is missing`);
      } else if (have[id] !== state && !(is(kind, 'update', id) && inflight?.state === have[id])) {
        failures.push(`${kind} ${id}: acknowledged state ${state}, found ${have[id]}`);
      }
    }
    for (const [id, state] of Object.entries(have)) {
      if (id in want) continue;
      extra++;
      if (!is(kind, 'create') || extra > 1 || (inflight?.state !== undefined && inflight.state !== state)) {
        failures.push(`${kind} ${id} (state ${state}) was never acknowledged`);
      }
      if (kind === 'file' && inflight?.hash !== undefined) next.fileHashes[id] = inflight.hash;
    }
    next.records[kind] = { ...have };
    for (const id of Object.keys(have)) if (model.fileHashes[id] !== undefined) next.fileHashes[id] = model.fileHashes[id];
  }
  const most = model.emailMessages + (is('email', 'create') ? (inflight?.messages ?? 0) : 0);
  if (actual.emailMessages < model.emailMessages || actual.emailMessages > most) {
    failures.push(`email: ${actual.emailMessages} messages stored, expected ${model.emailMessages}${most > model.emailMessages ? `–${most}` : ''}`);
  }
  next.emailMessages = actual.emailMessages;
  const seconds = model.clipboardSeconds;
  if (seconds !== null && actual.clipboardSeconds !== seconds && !(is('settings', 'update') && inflight?.state === String(actual.clipboardSeconds))) {
    failures.push(`settings: clipboardClearSeconds ${actual.clipboardSeconds}, acknowledged ${seconds}`);
  }
  next.clipboardSeconds = actual.clipboardSeconds;
  if (inflight) next.nextRev = Math.max(next.nextRev, inflight.rev + 1);
  return { failures, next };
}

/** Total live records (for the report). */
export const recordCount = (model: Model): number => KINDS.reduce((n, k) => n + Object.keys(model.records[k]).length, 0) + model.emailMessages;
