import type pg from 'pg';
import type { LockSurvey } from '../es/index.js';

/** The advisory lock key of a runtime's leadership (exclusive) and of a fleet's presence (shared). */
export const leadershipKey = (name: string) => `chronicle:${name}`;
export const fleetKey = (fleet: string) => `chronicle-fleet:${fleet}`;

/**
 * Reads `pg_locks` once (one snapshot of the server's lock table): the sessions holding `fleet`'s
 * shared presence lock, and the holder of each runtime's exclusive lock. Sessions are named by
 * their backend pid, unique among live sessions. A bigint advisory key shows as its high half in
 * `classid`, its low half in `objid`, with `objsubid` 1.
 */
export async function surveyLocks(client: pg.Client, fleet: string, names: readonly string[]): Promise<LockSurvey> {
  const { rows } = await client.query<{ role: 'self' | 'peer' | 'holder'; name: string | null; pid: number }>(
    `with advisory as (
       select pid, mode, (classid::bigint << 32) | objid::bigint as key
       from pg_locks
       where locktype = 'advisory' and objsubid = 1 and granted
         and database = (select oid from pg_database where datname = current_database())
     ), wanted as (
       select name, hashtextextended(lock, 0) as key from unnest($2::text[], $3::text[]) as runtime(name, lock)
     )
     select 'self' as role, null as name, pg_backend_pid() as pid
     union all
     select 'peer', null, pid from advisory where key = hashtextextended($1, 0) and mode = 'ShareLock'
     union all
     select 'holder', wanted.name, advisory.pid from wanted join advisory using (key) where advisory.mode = 'ExclusiveLock'`,
    [fleetKey(fleet), names, names.map(leadershipKey)],
  );
  const survey: LockSurvey = { self: '', peers: [], holders: new Map() };
  for (const row of rows) {
    if (row.role === 'self') survey.self = String(row.pid);
    else if (row.role === 'peer') survey.peers.push(String(row.pid));
    else survey.holders.set(row.name!, String(row.pid));
  }
  return survey;
}
