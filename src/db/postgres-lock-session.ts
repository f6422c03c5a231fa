import pg from 'pg';
import type { LockSession } from '../es/index.js';

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

  return {
    async tryLock(name) {
      const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(hashtextextended($1, 0)) as locked`, [
        `chronicle:${name}`,
      ]);
      return rows[0]!.locked;
    },
    async ping() {
      await client.query('select 1');
    },
    onLost(listener) {
      listeners.add(listener);
    },
    async close() {
      closing = true;
      await client.end().catch(() => {});
    },
  };
}
