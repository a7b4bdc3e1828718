import type { Kysely } from 'kysely';

/** Which space may read which blob: a blob is content-addressed and shared by every space that uploaded it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('blob_owners')
    .addColumn('space_id', 'uuid', (c) => c.notNull())
    .addColumn('blob_id', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_owners_pk', ['space_id', 'blob_id'])
    .execute();
  await db.schema.createIndex('blob_owners_by_blob').on('blob_owners').column('blob_id').execute();
}
