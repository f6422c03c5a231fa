import { type Kysely, sql } from 'kysely';

/**
 * Whether any session holds the runtime lock `name` in this database now: the session advisory
 * lock a `LockSession` takes for it (src/db/postgres-lock-session.ts keys it by
 * `hashtextextended('chronicle:' || name, 0)`, which pg_locks shows split in two 32-bit halves).
 */
export async function isLockHeld(db: Kysely<any>, name: string): Promise<boolean> {
  const { rows } = await sql<{ held: boolean }>`
    select exists (
      select 1 from pg_locks
      where locktype = 'advisory' and granted and objsubid = 1
        and database = (select oid from pg_database where datname = current_database())
        and ((classid::bigint << 32) | objid::bigint) = hashtextextended(${`chronicle:${name}`}, 0)
    ) as held
  `.execute(db);
  return rows[0]?.held === true;
}
