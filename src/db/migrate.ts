import { DEFAULT_MIGRATION_TABLE, type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Database } from './database.js';

/**
 * Brings the schema up to date with `migrations`: the app's list, the engine's and those of the
 * slices it runs (`migrationsOf` in app/domain-module.ts). Kysely's migrator takes a session advisory
 * lock (on a session of its own, `onSession`), so several instances starting at once run each migration exactly once.
 *
 * Slices come and go from the app's list, so a database may have run migrations the list lacks, or
 * lack ones named before the last it ran. Kysely refuses both by default; here:
 * - A migration the database ran that is no longer listed (its slice was removed) stays recorded as
 *   run, by a stand-in that never runs: the slice's tables and data are left as they are, never
 *   dropped, and listing the slice again runs nothing twice. (Kysely has no option for this; its
 *   `allowUnorderedMigrations` still refuses a missing one.)
 * - `allowUnorderedMigrations` runs a pending migration named before the last one run (a slice
 *   added to a database that ran later ones): pending migrations run in name order, which is safe
 *   because a slice's migration depends only on the engine's and on the slice's own earlier ones.
 * The run migrations are read before taking the lock: an instance with a shorter list that starts
 * while another first runs the migrations it lacks fails with Kysely's "is missing" and, restarted, goes on.
 */
export async function migrateToLatest(database: Database, migrations: Readonly<Record<string, Migration>>): Promise<MigrationResultSet> {
  const run = await migrationsRun(database);
  // Every start of an up-to-date database ends here: Kysely's migrator would find nothing to run only after
  // introspecting the catalog for its tables and taking its lock in a transaction, about a second on a busy PGlite.
  const ran = new Set(run);
  if (Object.keys(migrations).every((name) => ran.has(name))) return { results: [] };
  const unlisted = run.filter((name) => !Object.hasOwn(migrations, name));
  const stillRecorded = Object.fromEntries(unlisted.map((name) => [name, notListed(name)]));
  const migrate = (db: Kysely<any>) =>
    new Migrator({
      db,
      provider: { getMigrations: async () => ({ ...stillRecorded, ...migrations }) },
      allowUnorderedMigrations: true,
    }).migrateToLatest();
  // On a session of its own: the migrator holds a session advisory lock around its transaction.
  const result = await (database.onSession ? database.onSession(migrate) : migrate(database.db));
  if (result.error) throw result.error;
  return result;
}

/** The names in Kysely's migration table; none before the first migration creates it. */
async function migrationsRun(database: Database): Promise<string[]> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass(${DEFAULT_MIGRATION_TABLE}) is not null as present`.execute(
    database.db,
  );
  if (!rows[0]?.present) return [];
  const run = await database.db.selectFrom(DEFAULT_MIGRATION_TABLE).select('name').execute();
  return run.map((row) => row.name as string);
}

/** Stands for a migration run by an earlier list; already run, so Kysely never calls it. */
function notListed(name: string): Migration {
  return {
    async up() {
      throw new Error(`Migration ${name} is not listed: it can only stand for one the database already ran`);
    },
  };
}
