import { sql, type Kysely } from 'kysely';

/** The change streams of every space (sealed envelopes only) and how far each device has read them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('changes')
    .addColumn('seq', 'bigserial', (c) => c.primaryKey())
    .addColumn('space_id', 'uuid', (c) => c.notNull())
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('row_key', 'bytea', (c) => c.notNull())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('deleted', 'boolean', (c) => c.notNull())
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('envelope', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('changes_space_change_unique', ['space_id', 'change_id'])
    .execute();
  await db.schema.createIndex('changes_by_space_seq').on('changes').columns(['space_id', 'seq']).execute();
  await db.schema.createIndex('changes_by_space_row_seq').on('changes').columns(['space_id', 'row_key', 'seq']).execute();
  await sql`CREATE INDEX changes_tombstones_by_space_seq ON changes (space_id, seq) WHERE deleted`.execute(db);

  await db.schema
    .createTable('space_cursors')
    .addColumn('space_id', 'uuid', (c) => c.notNull())
    .addColumn('device_id', 'uuid', (c) => c.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('seen_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('space_cursors_pk', ['space_id', 'device_id'])
    .execute();
}
