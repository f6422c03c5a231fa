import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/database-unavailable.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { closedPort } from '../support/closed-port.js';
import { concurrent, createTestDatabase, NEEDS_CONCURRENCY } from '../support/test-database.js';

const socketError = (code: string, syscall = 'write') => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });

describe('a database outage is recognised by where the error came from', () => {
  it('the pool failing to reach the server is one', async () => {
    const database = createPostgresDatabase({ connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/chronicle` });
    try {
      const error = await sql`select 1`.execute(database.db).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(error).toBeDefined();
      expect(isDatabaseUnavailable(error)).toBe(true);
      // Still one when something on the way wraps it.
      expect(isDatabaseUnavailable(new Error('the store failed', { cause: error }))).toBe(true);
    } finally {
      await database.close();
    }
  });

  it.skipIf(!concurrent)(`the server ending a connection in the middle of a transaction is one ${NEEDS_CONCURRENCY}`, async () => {
    const database = await createTestDatabase({ poolSize: 1 });
    const admin = new pg.Client({ connectionString: process.env.CHRONICLE_TEST_ADMIN_URL! });
    await admin.connect();
    try {
      const error = await database.db
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
          await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
          await sql`select 1`.execute(trx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(error).toBeDefined();
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await admin.end();
      await database.close();
    }
  });

  it('a statement the database refuses is not one', async () => {
    const database = await createTestDatabase();
    try {
      const error = await sql`select 1 / 0`.execute(database.db).catch((error: unknown) => error);
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(error)).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('the same socket errors raised anywhere else are not: a client hanging up, a service that refuses', () => {
    for (const code of ['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT']) expect(isDatabaseUnavailable(socketError(code))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('fetch failed', { cause: socketError('ECONNREFUSED', 'connect') }))).toBe(false);
    expect(isDatabaseUnavailable(new AggregateError([socketError('ECONNREFUSED', 'connect')]))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});
