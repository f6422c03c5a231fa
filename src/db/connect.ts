import type { Database } from './database.js';
import { createPgliteDatabase } from './pglite-database.js';
import { createPostgresDatabase } from './postgres-database.js';

export interface ConnectOptions {
  /** A postgres:// URL; without one, the embedded PGlite runs under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number | undefined;
}

export async function connect({ databaseUrl, dataDir, poolSize }: ConnectOptions): Promise<Database> {
  if (databaseUrl) return createPostgresDatabase({ connectionString: databaseUrl, ...(poolSize ? { poolSize } : {}) });
  return createPgliteDatabase(dataDir ? { dataDir } : {});
}
