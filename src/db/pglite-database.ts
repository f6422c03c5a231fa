import { PGlite, types } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from './database.js';
import { parseBigint } from './parse-bigint.js';
import { seedFromInitialisedCluster } from './pglite-initialised-cluster.js';

export interface PgliteOptions {
  /** A directory to keep the data in (an empty one starts as a copy of a cached initialised cluster); in memory when omitted. */
  dataDir?: string;
  /** Start from a dump made by `dump()` instead of an empty cluster (skips initdb). */
  loadDataDir?: Blob;
}

export interface PgliteDatabase extends Database {
  /** The whole data directory as a tarball, for `loadDataDir`. */
  dump(): Promise<Blob>;
}

/** Real Postgres in-process: one connection, so Kysely queues every query and transaction behind it. */
export async function createPgliteDatabase({ dataDir, loadDataDir }: PgliteOptions = {}): Promise<PgliteDatabase> {
  if (dataDir && !loadDataDir) await seedFromInitialisedCluster(dataDir);
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: { [types.INT8]: parseBigint },
  });
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });

  return {
    dialect: 'pglite',
    concurrent: false,
    db,
    async listen(channel, handler) {
      const unlisten = await pglite.listen(channel, (payload) => handler.onNotify(payload));
      return unlisten;
    },
    async close() {
      await db.destroy();
    },
    dump: () => pglite.dumpDataDir('none'),
  };
}
