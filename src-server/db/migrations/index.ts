import type { Migration } from 'kysely';
import * as m0001 from './0001-create-accounts';
import * as m0002 from './0002-create-changes';
import * as m0003 from './0003-create-collections';
import * as m0004 from './0004-create-blob-owners';
import * as m0005 from './0005-add-key-proof';

/**
 * The server's migrations, in order, listed explicitly (the server is bundled into one file, so nothing may scan a
 * folder at run time). Never edit a migration that has shipped: add the next number.
 */
export const serverMigrations: Record<string, Migration> = {
  '0001-create-accounts': m0001,
  '0002-create-changes': m0002,
  '0003-create-collections': m0003,
  '0004-create-blob-owners': m0004,
  '0005-add-key-proof': m0005,
};
