import type { Database } from './database.js';
import { assertDedicatedSession } from './dedicated-session.js';
import { createPgliteDatabase } from './pglite-database.js';
import { createPostgresDatabase } from './postgres-database.js';
import { PrimaryLocator } from './primary-locator.js';

export interface ConnectOptions {
  /**
   * A postgres:// URL; without one, the embedded PGlite runs under `dataDir`. It may list several
   * hosts (`postgres://h1:5432,h2:5432/db`): the first that is a primary taking writes is used,
   * and looked for again when it fails (a failover).
   */
  databaseUrl?: string | undefined;
  /**
   * Where the connections that need a session of their own go (the leadership locks, LISTEN);
   * `databaseUrl` when absent. Given, `databaseUrl` may be a pooler in transaction mode.
   */
  databaseSessionUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number | undefined;
}

/**
 * Opens the database. On PostgreSQL it first checks that the session URL keeps sessions (see
 * `assertDedicatedSession`). A separate session URL means `databaseUrl` may be a pooler in
 * transaction mode: the pool's connections then keep no session state (see `pooledPerTransaction`).
 */
export async function connect({ databaseUrl, databaseSessionUrl, dataDir, poolSize }: ConnectOptions): Promise<Database> {
  if (!databaseUrl) return createPgliteDatabase(dataDir ? { dataDir } : {});
  const sessionUrl = databaseSessionUrl || databaseUrl;
  const sessionPrimary = await PrimaryLocator.of(sessionUrl, 'read-write').primary();
  await assertDedicatedSession(sessionPrimary, databaseSessionUrl ? 'DATABASE_SESSION_URL' : 'DATABASE_URL (with no DATABASE_SESSION_URL)');
  return createPostgresDatabase({
    connectionString: databaseUrl,
    sessionConnectionString: sessionUrl,
    pooledPerTransaction: sessionUrl !== databaseUrl,
    targetSessionAttrs: 'read-write',
    ...(poolSize ? { poolSize } : {}),
  });
}
