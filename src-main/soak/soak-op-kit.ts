import { pick } from '../bench/measure';
import type { AppClient } from '../../src-shared/ipc/channels';
import type { Kind, Model, WriteOp } from './soak-model';

/**
 * What the soak's operations are made of: the context a worker gives them (typed client, upload, seeded random,
 * the model, the write/read wrappers that announce and acknowledge) and small helpers to pick records.
 */

export interface OpContext {
  client: AppClient;
  /** Puts bytes into the encrypted store through an upload ticket; returns the blob id. */
  upload(bytes: Buffer): Promise<string>;
  rand: () => number;
  model: Model;
  canary: string;
  scratch: string;
  /** Runs `work` as one acknowledged write: `begin`, the write, then `ack` with the id it returns. */
  write(name: string, op: Omit<WriteOp, 'rev'>, work: () => Promise<string | void>): Promise<void>;
  /** Runs a read (counted, logged, never changes the model). */
  read(name: string, work: () => Promise<unknown>): Promise<void>;
}

export interface SoakOp {
  name: string;
  weight: number;
  /** Whether the op can run on the model now (an update needs a record). */
  can?: (m: Model) => boolean;
  run: (c: OpContext) => Promise<void>;
}

/** Records per kind the soak keeps: above it creates give way to deletes, so memory and checks stay bounded. */
export const CAP = 60;

export const ids = (m: Model, kind: Kind): string[] => Object.keys(m.records[kind]);
export const has = (kind: Kind) => (m: Model) => ids(m, kind).length > 0;
export const room = (kind: Kind) => (m: Model) => ids(m, kind).length < CAP;
export const full = (kind: Kind) => (m: Model) => ids(m, kind).length >= CAP / 2;
export const any = (c: OpContext, kind: Kind): string => pick(c.rand, ids(c.model, kind));
export const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

/** The vault password a record in state `v<rev>` holds. */
export const vaultPassword = (canary: string, state: string): string => `${canary}-pw-${state}`;
export const login = (c: OpContext, state: string) => ({
  type: 'login' as const,
  title: state,
  notes: `${c.canary} notes`,
  login: { username: 'soak', password: vaultPassword(c.canary, state), urls: [] },
});

export const setup = (m: Model) => {
  if (!m.setup) throw new Error('the soak profile has no setup');
  return m.setup;
};
