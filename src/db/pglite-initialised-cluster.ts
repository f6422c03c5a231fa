import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * An empty data directory starts as a copy of a cluster initialised once per PGlite version and kept in
 * `node_modules/.cache/chronicle/`: PGlite's initdb (a second WebAssembly Postgres, initdb, a tarball of the
 * result unpacked file by file) costs 6 to 9 s of CPU, a copy of its 40 MB a tenth of a second. The copy is what
 * PGlite's own initdb would have written (the cluster is made by PGlite with its defaults and shut down cleanly),
 * and is moved into place whole, so a start killed mid-copy leaves the data directory empty, never half a cluster.
 *
 * Returns false, leaving `dataDir` to PGlite, when it is not a plain directory path (`memory://`, `idb://`), already
 * holds anything, or the cache cannot be written.
 */
export async function seedFromInitialisedCluster(dataDir: string): Promise<boolean> {
  if (dataDir.includes('://') || (existsSync(dataDir) && readdirSync(dataDir).length > 0)) return false;
  const cluster = await initialisedCluster().catch(() => undefined);
  if (!cluster) return false;
  const staging = `${dataDir}.seeding-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await mkdir(dirname(dataDir), { recursive: true });
    await cp(cluster, staging, { recursive: true });
    if (existsSync(dataDir)) await rmdir(dataDir);
    await rename(staging, dataDir);
    return true;
  } catch {
    await rm(staging, { recursive: true, force: true });
    return false;
  }
}

/** The cached cluster of the installed PGlite, made first when missing (by whichever process gets there first). */
export async function initialisedCluster(): Promise<string> {
  const { cacheDirectory, version } = installedPglite();
  const cluster = join(cacheDirectory, `pglite-${version}-cluster`);
  if (existsSync(join(cluster, 'PG_VERSION'))) return cluster;

  const building = `${cluster}.building-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await mkdir(cacheDirectory, { recursive: true });
    const pglite = await PGlite.create({ dataDir: building });
    await pglite.close();
    await rename(building, cluster);
  } catch (error) {
    // Another process may have put its cluster in place first: either is as good.
    if (!existsSync(join(cluster, 'PG_VERSION'))) throw error;
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return cluster;
}

/** `node_modules/.cache/chronicle` beside the installed PGlite, and PGlite's version: a new one makes a new cluster. */
function installedPglite(): { cacheDirectory: string; version: string } {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const marker = `${join('node_modules', '@electric-sql', 'pglite')}`;
  const packageDirectory = entry.slice(0, entry.lastIndexOf(marker) + marker.length);
  const { version } = JSON.parse(readFileSync(join(packageDirectory, 'package.json'), 'utf8')) as { version: string };
  const nodeModules = packageDirectory.slice(0, packageDirectory.length - marker.length + 'node_modules'.length);
  return { cacheDirectory: join(nodeModules, '.cache', 'chronicle'), version };
}
