import type { Kysely } from 'kysely';
import * as m0001 from './0001-create-settings';
import * as m0002 from './0002-create-vault';
import * as m0003 from './0003-create-batches';
import * as m0004 from './0004-batches-freshness-rule';
import * as m0005 from './0005-create-vault-strength-cache';

export interface Migration {
  /** `NNNN-verb-noun`, contiguous and never renamed once released. */
  name: string;
  up: (db: Kysely<any>) => Promise<void>;
}

/** Explicit, ordered list (no folder scanning: the app is bundled into asar). */
export const migrations: readonly Migration[] = [
  { name: '0001-create-settings', up: m0001.up },
  { name: '0002-create-vault', up: m0002.up },
  { name: '0003-create-batches', up: m0003.up },
  { name: '0004-batches-freshness-rule', up: m0004.up },
  { name: '0005-create-vault-strength-cache', up: m0005.up },
];
