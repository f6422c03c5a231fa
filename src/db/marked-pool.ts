import type { PostgresPool } from 'kysely';
import type pg from 'pg';
import { fromDatabase } from './database-unavailable.js';

/**
 * `pool` as Kysely draws from it, with every error a connection or a query raises marked as the
 * database's own (`fromDatabase`): what tells an outage from any other socket error.
 */
export function markedPool(pool: pg.Pool): PostgresPool {
  pool.on('connect', markQueryErrors);
  return {
    connect: () => pool.connect().catch((error: unknown) => Promise.reject(fromDatabase(error))),
    end: () => pool.end(),
  };
}

function markQueryErrors(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    // A Submittable (a cursor) comes back as itself, and reports its errors its own way.
    return isPromise(result) ? result.catch((error: unknown) => Promise.reject(fromDatabase(error))) : result;
  };
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
