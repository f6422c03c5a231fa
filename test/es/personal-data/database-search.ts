import { type Kysely, sql } from 'kysely';

/**
 * Every table of every schema the app uses (all but PostgreSQL's own) that holds `text` in any
 * column of any row, each row read as one `::text`: where a plaintext could still be found.
 */
export async function tablesHolding(db: Kysely<any>, text: string): Promise<string[]> {
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2
  `.execute(db);
  const holding: string[] = [];
  for (const { schema, name } of tables) {
    const { rows } = await sql<{ found: boolean }>`
      select exists (select 1 from ${sql.id(schema, name)} t where t::text like ${`%${text}%`}) as found
    `.execute(db);
    if (rows[0]!.found) holding.push(`${schema}.${name}`);
  }
  return holding;
}

/** How many tables the search reads: a search of nothing proves nothing. */
export async function tableCount(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
  `.execute(db);
  return rows[0]!.count;
}
