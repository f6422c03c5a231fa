import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/**
 * A data directory without a cluster starts as a copy of one initialised once per PGlite version and kept in
 * `node_modules/.cache/chronicle/`: PGlite's initdb (a second WebAssembly Postgres, initdb, a tarball of the
 * result unpacked file by file) costs 6 to 9 s of CPU, a copy of its 40 MB a tenth of a second. The copy is what
 * PGlite's own initdb would have written (the cluster is made by PGlite with its defaults and shut down cleanly).
 * Files already in the directory stay (the development auth secret lives there too); the cluster's own entries
 * are staged beside it and moved in one by one, `PG_VERSION` last, so a start killed midway leaves no cluster,
 * and the next start seeds it again over what the killed one moved in.
 *
 * Returns false, leaving `dataDir` to PGlite, when it is not a plain directory path (`memory://`, `idb://`),
 * already holds a cluster, or the cache cannot be written.
 */
export async function seedFromInitialisedCluster(dataDir: string): Promise<boolean> {
  if (dataDir.includes('://') || existsSync(join(dataDir, 'PG_VERSION'))) return false;
  const cluster = await initialisedCluster().catch(() => undefined);
  if (!cluster) return false;
  const staging = `${dataDir}.seeding-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  try {
    await mkdir(dataDir, { recursive: true });
    await cp(cluster, staging, { recursive: true });
    for (const name of (await readdir(staging)).filter((entry) => entry !== 'PG_VERSION')) {
      await rm(join(dataDir, name), { recursive: true, force: true });
      await rename(join(staging, name), join(dataDir, name));
    }
    await rename(join(staging, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  } finally {
    await rm(staging, { recursive: true, force: true });
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
