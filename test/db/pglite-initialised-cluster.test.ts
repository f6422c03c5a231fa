import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase } from '../../src/db/pglite-database.js';
import { initialisedCluster, seedFromInitialisedCluster } from '../../src/db/pglite-initialised-cluster.js';
import { dialect } from '../support/test-database.js';

const scratch = mkdtempSync(join(tmpdir(), 'chronicle-cluster-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function systemIdentifier(query: (text: string) => Promise<{ rows: unknown[] }>): Promise<string> {
  const { rows } = await query('select system_identifier::text as id from pg_control_system()');
  return (rows[0] as { id: string }).id;
}

// The embedded dialect's own concern: once, in the pglite project.
describe.skipIf(dialect !== 'pglite')('an empty PGlite data directory (PGlite only: runs in the pglite project)', () => {
  it('starts as a copy of the cached initialised cluster, not a new initdb, and keeps what is written to it', async () => {
    const cluster = await initialisedCluster();
    const cached = await PGlite.create({ dataDir: cluster });
    const cachedId = await systemIdentifier((text) => cached.query(text));
    await cached.close();

    const dataDir = join(scratch, 'fresh', '.data');
    const database = await createPgliteDatabase({ dataDir });
    try {
      // A copy shares the cluster's system identifier; initdb would have made a new one.
      expect(await systemIdentifier(async (text) => sql.raw(text).execute(database.db))).toBe(cachedId);
      await sql`create table kept (value text)`.execute(database.db);
      await sql`insert into kept values ('written')`.execute(database.db);
    } finally {
      await database.close();
    }
    expect(readdirSync(join(scratch, 'fresh')).filter((name) => name.includes('.seeding-'))).toEqual([]);

    const reopened = await createPgliteDatabase({ dataDir });
    try {
      const { rows } = await sql<{ value: string }>`select value from kept`.execute(reopened.db);
      expect(rows).toEqual([{ value: 'written' }]);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('puts the cluster beside files already there (the development secret), and leaves a cluster alone', async () => {
    const dataDir = join(scratch, 'with-secret');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'dev-auth-secret'), 'mine');
    // What a start killed while seeding left: some of the cluster's entries, no PG_VERSION.
    mkdirSync(join(dataDir, 'base'));
    writeFileSync(join(dataDir, 'base', 'half-copied'), '');
    expect(await seedFromInitialisedCluster(dataDir)).toBe(true);
    expect(readFileSync(join(dataDir, 'dev-auth-secret'), 'utf8')).toBe('mine');
    expect(existsSync(join(dataDir, 'base', 'half-copied'))).toBe(false);
    expect(readdirSync(dataDir).sort()).toEqual(['dev-auth-secret', ...readdirSync(await initialisedCluster())].sort());

    expect(await seedFromInitialisedCluster(dataDir)).toBe(false);
    expect(await seedFromInitialisedCluster('memory://somewhere')).toBe(false);
    expect(existsSync('memory:')).toBe(false);
    expect(readdirSync(scratch).filter((name) => name.includes('.seeding-'))).toEqual([]);
  });

  it('seeds an empty directory that exists, as a whole', async () => {
    const dataDir = join(scratch, 'made-by-hand');
    mkdirSync(dataDir);
    expect(await seedFromInitialisedCluster(dataDir)).toBe(true);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(readdirSync(scratch).filter((name) => name.includes('.seeding-'))).toEqual([]);
  });
});
