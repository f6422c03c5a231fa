import { type Kysely, sql } from 'kysely';

/** Read tables of the arena slice, kept by the arena-scores projector. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('arenas')
    .addColumn('arena_id', 'text', (c) => c.primaryKey())
    .addColumn('current_week', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('arena_scores')
    .addColumn('arena_id', 'text', (c) => c.notNull())
    .addColumn('week', 'integer', (c) => c.notNull())
    .addColumn('attacker', 'text', (c) => c.notNull())
    .addColumn('kills', 'bigint', (c) => c.notNull())
    .addColumn('reached_position', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('arena_scores_pkey', ['arena_id', 'week', 'attacker'])
    .execute();
  // The ranking: most kills first, then whoever reached that many first.
  await db.schema
    .createIndex('arena_scores_ranking_idx')
    .on('arena_scores')
    .expression(sql`arena_id, week, kills desc, reached_position`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['arena_scores', 'arenas']) await db.schema.dropTable(table).ifExists().execute();
}
