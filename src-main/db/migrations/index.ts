import type { Kysely } from 'kysely';
import * as m0001 from './0001-create-settings';
import * as m0002 from './0002-create-vault';
import * as m0003 from './0003-create-batches';
import * as m0004 from './0004-batches-freshness-rule';
import * as m0005 from './0005-create-vault-strength-cache';
import * as m0006 from './0006-one-settings-table';
import * as m0007 from './0007-create-change-log';
import * as m0008 from './0008-create-blobs';
import * as m0009 from './0009-create-journal';
import * as m0010 from './0010-create-files';
import * as m0011 from './0011-create-calendar';
import * as m0012 from './0012-create-goals';
import * as m0013 from './0013-create-email';
import * as m0014 from './0014-batches-shelf-index';
import * as m0015 from './0015-create-sync';
import * as m0016 from './0016-sync-blob-copies';

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
  { name: '0006-one-settings-table', up: m0006.up },
  { name: '0007-create-change-log', up: m0007.up },
  { name: '0008-create-blobs', up: m0008.up },
  { name: '0009-create-journal', up: m0009.up },
  { name: '0010-create-files', up: m0010.up },
  { name: '0011-create-calendar', up: m0011.up },
  { name: '0012-create-goals', up: m0012.up },
  { name: '0013-create-email', up: m0013.up },
  { name: '0014-batches-shelf-index', up: m0014.up },
  { name: '0015-create-sync', up: m0015.up },
  { name: '0016-sync-blob-copies', up: m0016.up },
];
