import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsOf } from '../../src/app/domain-module.js';
import { domains } from '../../src/app/domains.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Counts the statements sent through the Kysely it is plugged into. */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return node;
  }
  async transformResult<T>({ result }: { result: T }): Promise<T> {
    return result;
  }
}

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('migrating an up-to-date database (every start of an existing one)', () => {
  it('reads the migrations run and stops there: no catalog introspection, no migration lock', async () => {
    const counter = new StatementCounter();
    const counted: Database = { ...database, db: database.db.withPlugin(counter) };

    const result = await migrateToLatest(counted, migrationsOf(domains));

    expect(result).toEqual({ results: [] });
    // Whether the migration table exists, and what it holds. Kysely's migrator went on to introspect the catalog for
    // its tables and lock its lock table in a transaction: 6 statements besides begin and commit.
    expect(counter.count).toBe(2);
  });

  it('still runs a listed migration the database has not run', async () => {
    let ran = 0;
    const result = await migrateToLatest(database, {
      ...migrationsOf(domains),
      '9999-added-later': {
        async up() {
          ran += 1;
        },
      },
    });
    expect(ran).toBe(1);
    expect(result.results?.map((r) => `${r.migrationName} ${r.status}`)).toEqual(['9999-added-later Success']);
  });
});
