import type { Database } from './database.js';
import { assertDedicatedSession } from './dedicated-session.js';
import { createPgliteDatabase } from './pglite-database.js';
import { createPostgresDatabase } from './postgres-database.js';

export interface ConnectOptions {
  /** A postgres:// URL; without one, the embedded PGlite runs under `dataDir`. */
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
 * `assertDedicatedSession`), and a separate session URL turns off named prepared statements on
 * the pool: a pooler in transaction mode (PgBouncer before 1.21) would lose them between transactions.
 */
export async function connect({ databaseUrl, databaseSessionUrl, dataDir, poolSize }: ConnectOptions): Promise<Database> {
  if (!databaseUrl) return createPgliteDatabase(dataDir ? { dataDir } : {});
  const sessionUrl = databaseSessionUrl || databaseUrl;
  await assertDedicatedSession(sessionUrl, databaseSessionUrl ? 'DATABASE_SESSION_URL' : 'DATABASE_URL (with no DATABASE_SESSION_URL)');
  return createPostgresDatabase({
    connectionString: databaseUrl,
    sessionConnectionString: sessionUrl,
    preparedStatements: sessionUrl === databaseUrl,
    ...(poolSize ? { poolSize } : {}),
  });
}
