import pg from 'pg';
import type { LockSession } from '../es/index.js';
import { endSessionWhenClientDies } from './dead-client-detection.js';
import { fleetKey, leadershipKey, surveyLocks } from './postgres-lock-survey.js';

export interface PostgresLockSessionOptions {
  /** A query on the session that takes longer than this counts as a lost session. */
  queryTimeoutMs?: number;
}

/**
 * Session advisory locks on a dedicated connection (never a pooled one: a pooled connection would
 * carry its locks to whoever borrows it next). Lock keys are 64-bit hashes of the name, computed by
 * the server; advisory locks are per database, so two databases on one server never collide.
 */
export async function openPostgresLockSession(
  connectionString: string,
  { queryTimeoutMs = 5_000 }: PostgresLockSessionOptions = {},
): Promise<LockSession> {
  const client = new pg.Client({
    connectionString,
    keepAlive: true,
    connectionTimeoutMillis: queryTimeoutMs,
    query_timeout: queryTimeoutMs,
    application_name: 'chronicle-leadership',
  });
  const listeners = new Set<(error: unknown) => void>();
  let closing = false;
  let lost = false;
  const lose = (error: unknown) => {
    if (closing || lost) return;
    lost = true;
    for (const listener of listeners) listener(error);
  };
  client.on('error', lose);
  client.on('end', () => lose(new Error('lock session ended')));
  await client.connect();
  // The server ends this session, freeing its locks for another instance, soon after this one goes silent (a partition).
  await endSessionWhenClientDies(client).catch(async (error: unknown) => {
    await client.end().catch(() => {});
    throw error;
  });
  let fleet: string | undefined;

  return {
    async tryLock(name) {
      const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(hashtextextended($1, 0)) as locked`, [
        leadershipKey(name),
      ]);
      return rows[0]!.locked;
    },
    async unlock(name) {
      await client.query('select pg_advisory_unlock(hashtextextended($1, 0))', [leadershipKey(name)]);
    },
    async join(next) {
      if (next === fleet) return;
      // Shared: every instance of the fleet holds it at once, and pg_locks lists each of them.
      await client.query('select pg_advisory_lock_shared(hashtextextended($1, 0))', [fleetKey(next)]);
      if (fleet !== undefined) await client.query('select pg_advisory_unlock_shared(hashtextextended($1, 0))', [fleetKey(fleet)]);
      fleet = next;
    },
    survey: (of, names) => surveyLocks(client, of, names),
    onLost(listener) {
      listeners.add(listener);
    },
    async close() {
      closing = true;
      await client.end().catch(() => {});
    },
  };
}
