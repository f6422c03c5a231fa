import { type Kysely, type RawBuilder, sql } from 'kysely';

/**
 * Runs writes given as common table expressions (`moves as (...), accounts as (update ...)`):
 * PostgreSQL carries out every data-modifying one, whether the query reads it or not.
 */
export async function runWrites(db: Kysely<any>, writes: RawBuilder<unknown>): Promise<void> {
  await sql`with ${writes} select 1`.execute(db);
}
