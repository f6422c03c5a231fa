import { type Kysely, sql } from 'kysely';

/**
 * The calculator read model: one row per calculator that received a command, kept by the
 * `calculators` projector. Values are decimals with 9 places, as the aggregate rounds them,
 * and the range [0, 10000] the aggregate guarantees is checked here too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calculators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('value', 'numeric(14, 9)', (c) => c.notNull().check(sql`value >= 0 and value <= 10000`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calculators').ifExists().execute();
}
