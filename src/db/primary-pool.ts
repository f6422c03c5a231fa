import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { fromDatabase, isConnectionFailure } from './database-unavailable.js';
import type { PrimaryLocator } from './primary-locator.js';

/**
 * The pool Kysely draws from, always on the primary the locator names: one `pg.Pool` per primary,
 * made by `open`. A connection that cannot be made, or a query failing as a lost connection or a
 * read-only server, tells the locator, so the next connection goes to wherever the primary is
 * now; the old primary's pool is ended (its connections close as they are given back). Every
 * error a connection or a query raises is marked as the database's own (`fromDatabase`): what
 * tells an outage from any other socket error.
 */
export class PrimaryPool implements PostgresPool {
  private current: { url: string; pool: pg.Pool } | undefined;
  private readonly ending = new Set<Promise<void>>();

  constructor(
    private readonly locator: PrimaryLocator,
    private readonly open: (url: string) => pg.Pool,
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    const url = await this.locator.primary();
    try {
      return await this.poolOn(url).connect();
    } catch (error) {
      throw this.failed(url, error);
    }
  }

  async end(): Promise<void> {
    const last = this.current;
    this.current = undefined;
    await Promise.all([last?.pool.end(), ...this.ending]);
  }

  private poolOn(url: string): pg.Pool {
    if (this.current?.url === url) return this.current.pool;
    if (this.current) this.retire(this.current.pool);
    const pool = this.open(url);
    pool.on('connect', (client) => this.watchQueries(client, url));
    this.current = { url, pool };
    return pool;
  }

  private retire(pool: pg.Pool): void {
    const ended = pool.end().catch(() => {});
    this.ending.add(ended);
    void ended.finally(() => this.ending.delete(ended));
  }

  private watchQueries(client: pg.PoolClient, url: string): void {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const result = query(...args);
      // A Submittable (a cursor) comes back as itself, and reports its errors its own way.
      return isPromise(result) ? result.catch((error: unknown) => Promise.reject(this.failed(url, error))) : result;
    };
  }

  /** Marks `error` as the database's and, when it means the primary is gone, tells the locator; returns it. */
  private failed(url: string, error: unknown): unknown {
    if (isConnectionFailure(error)) this.locator.lost(url);
    return fromDatabase(error);
  }
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
