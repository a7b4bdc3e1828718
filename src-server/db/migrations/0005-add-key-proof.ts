import type { Kysely } from 'kysely';

/**
 * A second verifier per account: SHA-256 of the key proof, an HKDF output of the data key (src-main/sync/keys.ts).
 * A device that holds the data key proves it to change the account's password, which also covers a password reset
 * with the recovery key, when the old password is gone. Null for accounts made before this column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('key_proof_hash', 'text').execute();
}
