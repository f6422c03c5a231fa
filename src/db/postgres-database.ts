import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { NotificationHandler } from '../es/index.js';
import type { Database } from './database.js';
import { fromDatabase, isConnectionFailure } from './database-unavailable.js';
import { PROBE_THE_SERVER, endSessionWhenClientDies } from './dead-client-detection.js';
import type { TargetSessionAttrs } from './host-list.js';
import { openLockSessionOnPrimary } from './lock-session-on-primary.js';
import { parseBigint } from './parse-bigint.js';
import { openPostgresLockSession } from './postgres-lock-session.js';
import { prepareMarkedStatements } from './prepared-statements.js';
import { PrimaryLocator } from './primary-locator.js';
import { PrimaryPool } from './primary-pool.js';

pg.types.setTypeParser(pg.types.builtins.INT8, parseBigint);

export interface PostgresOptions {
  /** One host, or several libpq-style (`postgres://h1:5432,h2:5432/db`): see `targetSessionAttrs`. */
  connectionString: string;
  /** For the connections that keep a session (LISTEN, the lock session); `connectionString` by default. */
  sessionConnectionString?: string;
  poolSize?: number;
  /**
   * `connectionString` is a pooler that lends a server connection per transaction (PgBouncer's
   * transaction mode): the pool's connections then keep nothing in their session, neither named
   * prepared statements (`preparedAs`) nor session settings, which would stay with whichever server
   * connection ran them.
   */
  pooledPerTransaction?: boolean;
  /**
   * Which listed host to use, unless the connection string says (`?target_session_attrs=`): `read-write`
   * for the primary (the first host not in recovery nor read-only, found again after a failover),
   * `any` (the default) for the first that answers.
   */
  targetSessionAttrs?: TargetSessionAttrs;
}

/**
 * Kysely over a `pg` pool, with LISTEN on a dedicated connection that reconnects by itself. The
 * pool, LISTEN and the lock session each go to the host their locator names, and move with it.
 */
export function createPostgresDatabase({
  connectionString,
  sessionConnectionString = connectionString,
  poolSize = 20,
  pooledPerTransaction = false,
  targetSessionAttrs = 'any',
}: PostgresOptions): Database {
  const poolHosts = PrimaryLocator.of(connectionString, targetSessionAttrs);
  const sessionHosts =
    sessionConnectionString === connectionString ? poolHosts : PrimaryLocator.of(sessionConnectionString, targetSessionAttrs);
  const openPool = (url: string) => {
    const pool = new pg.Pool({ connectionString: url, max: poolSize, ...PROBE_THE_SERVER });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    // Nor may a checked-out one (pg emits 'error' on it between two queries of a transaction when the
    // server goes away): its next query fails instead, and the pool discards it when it comes back.
    pool.on('connect', (client) => {
      client.on('error', () => {});
      // Behind a transaction-mode pooler the server's client is the pooler: watching it is the pooler's business.
      if (pooledPerTransaction) return;
      // Sent before any other query: the server ends the session, rolling back and freeing its row locks,
      // soon after this instance goes silent (a partition). Failing, it fails the next query too.
      void endSessionWhenClientDies(client).catch(() => {});
      prepareMarkedStatements(client);
    });
    return pool;
  };
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new PrimaryPool(poolHosts, openPool) }) });
  const listeners = new Set<() => Promise<void>>();

  return {
    dialect: 'postgres',
    concurrent: true,
    db,
    async listen(channel, handler) {
      const stop = await listenWithReconnect(sessionHosts, channel, handler).catch((error: unknown) => Promise.reject(fromDatabase(error)));
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    openLockSession: () => openLockSessionOnPrimary(sessionHosts, (url) => openPostgresLockSession(url)),
    async onSession(work) {
      const pool = new pg.Pool({ connectionString: await sessionHosts.primary(), max: 1 });
      const session = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
      try {
        return await work(session);
      } finally {
        await session.destroy();
      }
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await db.destroy();
    },
  };
}

/** LISTEN on the host `hosts` names, reconnecting (to wherever that is then) when the connection fails or the primary moves. */
async function listenWithReconnect(hosts: PrimaryLocator, channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let stopFollowing = () => {};

  const connect = async (): Promise<void> => {
    const url = await hosts.primary();
    const next = new pg.Client({ connectionString: url, ...PROBE_THE_SERVER });
    next.on('notification', (message) => {
      if (message.channel === channel) handler.onNotify(message.payload ?? '');
    });
    next.on('error', () => scheduleReconnect(next));
    next.on('end', () => scheduleReconnect(next));
    try {
      await next.connect();
      await endSessionWhenClientDies(next);
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      if (isConnectionFailure(error)) hosts.lost(url);
      void next.end().catch(() => {});
      throw error;
    }
    client = next;
    stopFollowing();
    stopFollowing = hosts.whenMoved(url, () => scheduleReconnect(next));
  };

  const scheduleReconnect = (failed: pg.Client) => {
    if (stopped || client !== failed || retryTimer) return;
    client = undefined;
    failed.end().catch(() => {});
    const attempt = (delay: number) => {
      retryTimer = setTimeout(async () => {
        retryTimer = undefined;
        if (stopped) return;
        try {
          await connect();
          handler.onReconnect?.();
        } catch {
          attempt(Math.min(delay * 2, 5_000));
        }
      }, delay);
    };
    attempt(100);
  };

  await connect();
  return async () => {
    stopped = true;
    stopFollowing();
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => {});
  };
}
