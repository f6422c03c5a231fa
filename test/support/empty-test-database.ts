import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/**
 * A database of the dialect under test without a single table, for tests of the migrations
 * themselves; dropped again by `close`. It is a copy of the migrated template with its schema
 * emptied: an embedded cluster made from nothing takes many seconds to initialise.
 */
export async function createEmptyTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const database = await createTestDatabase(options);
  await sql`drop schema public cascade`.execute(database.db);
  await sql`create schema public`.execute(database.db);
  return database;
}
