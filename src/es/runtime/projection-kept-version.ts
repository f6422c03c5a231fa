import { type Kysely, sql } from 'kysely';
import { retireCheckpoint } from './checkpoints.js';
import { type ProjectionVersion, ProjectionVersions } from './projection-versions.js';

/** PostgreSQL's `lock_not_available`, what a lock wait past `lock_timeout` raises. */
const LOCK_NOT_AVAILABLE = '55P03';

/** How long the drop waits for a reader of the kept tables before giving up until the next poll. */
const TABLE_LOCK_TIMEOUT = '1s';

/**
 * Drops the tables of a version kept for an older code version once no instance runs that code,
 * in one transaction: its checkpoint row first (a batch of the old code in flight commits before,
 * the next one finds the checkpoint at `RETIRED_CHECKPOINT` and writes nothing), then the schema.
 * False, with nothing changed, when it was dropped already or its tables stayed busy.
 */
export async function dropKeptVersion(db: Kysely<any>, version: ProjectionVersion): Promise<boolean> {
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`select position from checkpoints where name = ${version.checkpoint} for update`.execute(trx);
      if (!(await ProjectionVersions.forgetKept(trx, version))) return false;
      await sql`select set_config('lock_timeout', ${TABLE_LOCK_TIMEOUT}, true)`.execute(trx);
      await sql`drop schema if exists ${sql.id(version.schema)} cascade`.execute(trx);
      await retireCheckpoint(trx, version.checkpoint);
      return true;
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return false;
    throw error;
  }
}
