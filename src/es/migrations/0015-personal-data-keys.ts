import { type Kysely, sql } from 'kysely';

/**
 * `personal_data_keys`: one random AES-256 data key per subject, which encrypts that subject's
 * personal fields in events and snapshots (crypto-shredding). Erasing a subject sets `data_key`
 * to null and stamps `erased_at`; the row stays as a tombstone, so nothing about the subject is
 * ever encrypted under a new key again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('personal_data_keys')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'uuid', (c) => c.notNull().unique())
    .addColumn('data_key', 'bytea')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('erased_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('personal_data_keys').execute();
}
