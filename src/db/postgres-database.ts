import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { NotificationHandler } from '../es/index.js';
import type { Database } from './database.js';
import { fromDatabase } from './database-unavailable.js';
import { markedPool } from './marked-pool.js';
import { parseBigint } from './parse-bigint.js';
import { openPostgresLockSession } from './postgres-lock-session.js';
import { prepareMarkedStatements } from './prepared-statements.js';

pg.types.setTypeParser(pg.types.builtins.INT8, parseBigint);

export interface PostgresOptions {
  connectionString: string;
  /** For the connections that keep a session (LISTEN, the lock session); `connectionString` by default. */
  sessionConnectionString?: string;
  poolSize?: number;
  /** Run the statements the engine marks (`preparedAs`) as named prepared statements; off behind a transaction-mode pooler. */
  preparedStatements?: boolean;
}

/** Kysely over a `pg` pool, with LISTEN on a dedicated connection that reconnects by itself. */
export function createPostgresDatabase({
  connectionString,
  sessionConnectionString = connectionString,
  poolSize = 20,
  preparedStatements = true,
}: PostgresOptions): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Nor may a checked-out one (pg emits 'error' on it between two queries of a transaction when the
  // server goes away): its next query fails instead, and the pool discards it when it comes back.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    if (preparedStatements) prepareMarkedStatements(client);
  });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: markedPool(pool) }) });
  const listeners = new Set<() => Promise<void>>();

  return {
    dialect: 'postgres',
    concurrent: true,
    db,
    async listen(channel, handler) {
      const stop = await listenWithReconnect(sessionConnectionString, channel, handler).catch((error: unknown) =>
        Promise.reject(fromDatabase(error)),
      );
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    openLockSession: () => openPostgresLockSession(sessionConnectionString).catch((error: unknown) => Promise.reject(fromDatabase(error))),
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await db.destroy();
    },
  };
}

async function listenWithReconnect(connectionString: string, channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) handler.onNotify(message.payload ?? '');
    });
    next.on('error', () => scheduleReconnect(next));
    next.on('end', () => scheduleReconnect(next));
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
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
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => {});
  };
}
