import { type Kysely, sql } from 'kysely';
import { RETIRED_CHECKPOINT, retireCheckpoint } from './checkpoints.js';
import { ProjectionVersions, type ProjectionVersion, keptVersion } from './projection-versions.js';
import { LIVE_SCHEMA } from './version-tables.js';

/** PostgreSQL's `lock_not_available`, what a lock wait past `lock_timeout` raises. */
const LOCK_NOT_AVAILABLE = '55P03';

/** How long the switch waits for a live table's lock before giving up and trying again later. */
const TABLE_LOCK_TIMEOUT = '200ms';

/**
 * Puts a version built beside the live one in its place, in one transaction: readers see the old
 * tables until the commit and the new ones after, never both, never a part. False (and nothing
 * changed) while the built version is behind the live one, or the live tables stay busy.
 *
 * Locks, in order: both checkpoint rows (a live batch in a transaction holds its row before any
 * table, so the switch waits for it to commit, and the next one waits for the switch), then the
 * live tables, waiting at most `TABLE_LOCK_TIMEOUT`: a live batch written as one statement locks
 * its tables before its checkpoint row, so waiting for it longer would be a deadlock. Readers and
 * writers queue behind the switch and, once it commits, find the new tables (PostgreSQL looks a
 * name up again after waiting for its lock). The live version's checkpoint ends at
 * `RETIRED_CHECKPOINT`, which fences any runtime still writing it, in this instance or another.
 *
 * A version of a newer code version does not drop the live tables: they move into a schema of their
 * own with their checkpoint under a new name (`keptVersion`), where instances still running the old
 * code go on keeping and reading them until none is left (`dropKeptVersion`).
 */
export async function switchToVersion(
  db: Kysely<any>,
  tables: readonly string[],
  live: ProjectionVersion,
  building: ProjectionVersion,
): Promise<boolean> {
  try {
    return await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ name: string; position: string | number }>`
        select name, position from checkpoints where name in (${live.checkpoint}, ${building.checkpoint}) order by name for update
      `.execute(trx);
      await sql`select set_config('lock_timeout', ${TABLE_LOCK_TIMEOUT}, true)`.execute(trx);
      for (const table of tables) await sql`lock table ${sql.id(LIVE_SCHEMA, table)} in access exclusive mode`.execute(trx);
      const positionOf = (name: string) => Number(rows.find((row) => row.name === name)?.position ?? 0);
      const liveAt = positionOf(live.checkpoint);
      if (liveAt < RETIRED_CHECKPOINT && positionOf(building.checkpoint) < liveAt) return false;
      const keep = building.codeVersion > live.codeVersion ? keptVersion(live) : undefined;
      if (!(await ProjectionVersions.promote(trx, live, building, keep))) return false;
      const liveIndexes = await indexesOf(trx, LIVE_SCHEMA, tables);
      if (keep) {
        // Its indexes and constraints go with each table and keep their names, which need only be unique in a schema.
        await sql`create schema if not exists ${sql.id(keep.schema)}`.execute(trx);
        for (const table of tables) await sql`alter table ${sql.id(LIVE_SCHEMA, table)} set schema ${sql.id(keep.schema)}`.execute(trx);
        await sql`
          insert into checkpoints (name, position) values (${keep.checkpoint}, ${liveAt})
          on conflict (name) do update set position = excluded.position, updated_at = now()
        `.execute(trx);
      } else {
        await sql`drop table ${sql.join(tables.map((table) => sql.id(LIVE_SCHEMA, table)))}`.execute(trx);
      }
      for (const table of tables) await sql`alter table ${sql.id(building.schema, table)} set schema ${sql.id(LIVE_SCHEMA)}`.execute(trx);
      await keepIndexNames(trx, liveIndexes, await indexesOf(trx, LIVE_SCHEMA, tables));
      await sql`drop schema ${sql.id(building.schema)} cascade`.execute(trx);
      await retireCheckpoint(trx, live.checkpoint);
      return true;
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return false;
    throw error;
  }
}

interface IndexName {
  name: string;
  /** The table and the definition after `USING`: the same for an index and its copy made by `like ... including all`. */
  shape: string;
}

async function indexesOf(trx: Kysely<any>, schema: string, tables: readonly string[]): Promise<IndexName[]> {
  const { rows } = await sql<{ name: string; table_name: string; definition: string; is_constraint: boolean }>`
    select i.relname as name, t.relname as table_name, pg_get_indexdef(x.indexrelid) as definition,
      exists (select 1 from pg_constraint c where c.conindid = x.indexrelid) as is_constraint
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = ${schema} and t.relname in (${sql.join(tables)})
  `.execute(trx);
  // Indexes behind constraints (primary keys, unique constraints) are renamed with their constraint; `like` names those the same.
  return rows
    .filter((row) => !row.is_constraint)
    .map((row) => ({ name: row.name, shape: `${row.table_name} ${row.definition.slice(row.definition.indexOf(' USING '))}` }));
}

/** The switched-in tables' indexes take the names the live ones had (`like` makes up its own), so migrations can still name them. */
async function keepIndexNames(trx: Kysely<any>, before: IndexName[], after: IndexName[]): Promise<void> {
  const unclaimed = [...before];
  for (const index of after) {
    const at = unclaimed.findIndex((candidate) => candidate.shape === index.shape);
    const [original] = at < 0 ? [] : unclaimed.splice(at, 1);
    if (original && original.name !== index.name) {
      await sql`alter index ${sql.id(LIVE_SCHEMA, index.name)} rename to ${sql.id(original.name)}`.execute(trx);
    }
  }
}
