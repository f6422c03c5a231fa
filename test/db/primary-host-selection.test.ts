import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { isDatabaseUnavailable } from '../../src/db/database-unavailable.js';
import { NoPrimaryFound } from '../../src/db/no-primary-found.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import type { LockSession } from '../../src/es/index.js';
import { waitUntil } from '../faults/helpers/wait-until.js';
import { closedPort } from '../support/closed-port.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { type ThrowawayPostgres, createThrowawayPostgres, throwawayPostgresUnavailable } from '../support/throwaway-postgres.js';

const cannot = throwawayPostgresUnavailable();
const skip = !concurrent || cannot !== undefined;
const why = cannot ? `(skipped: ${cannot})` : NEEDS_CONCURRENCY;

let first: ThrowawayPostgres | undefined;
let second: ThrowawayPostgres | undefined;
const opened: Database[] = [];

beforeAll(async () => {
  if (skip) return;
  [first, second] = await Promise.all([createThrowawayPostgres(), createThrowawayPostgres()]);
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.map((database) => database.close()));
  await Promise.all([first?.destroy(), second?.destroy()]);
});

const portOf = (cluster: { url: string }) => Number(new URL(cluster.url).port);
const hostList = (...ports: number[]) => `postgres://postgres@${ports.map((port) => `127.0.0.1:${port}`).join(',')}/postgres`;

function openPrimary(connectionString: string): Database {
  const database = createPostgresDatabase({ connectionString, poolSize: 2, targetSessionAttrs: 'read-write' });
  opened.push(database);
  return database;
}

/** The port of the server a pooled connection of `database` reaches. */
async function servedBy(database: Database): Promise<number> {
  const { rows } = await sql<{ port: number }>`select inet_server_port() as port`.execute(database.db);
  return rows[0]!.port;
}

async function onCluster<T>(cluster: ThrowawayPostgres, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every session of `cluster` refuses writes from now on, as a demoted primary's would (SQLSTATE 25006). */
async function makeReadOnly(cluster: ThrowawayPostgres, readOnly: boolean): Promise<void> {
  await onCluster(cluster, `alter system set default_transaction_read_only = ${readOnly ? 'on' : 'off'}`);
  await onCluster(cluster, 'select pg_reload_conf()');
  await waitUntil(
    async () =>
      (await onCluster<{ ro: string }>(cluster, `select current_setting('transaction_read_only') as ro`))[0]!.ro ===
      (readOnly ? 'on' : 'off'),
    { what: 'the setting is in force', everyMs: 20 },
  );
}

describe(`a DATABASE_URL listing several hosts: the primary is the first that takes writes ${why}`, () => {
  it.skipIf(skip)('skips a host that refuses connections and one that is read-only', async () => {
    await makeReadOnly(second!, true);
    try {
      const database = openPrimary(hostList(await closedPort(), portOf(second!), portOf(first!)));
      expect(await servedBy(database)).toBe(portOf(first!));
    } finally {
      await makeReadOnly(second!, false);
    }
  });

  it.skipIf(skip)(
    'a write refused as read-only (25006) is a retryable outage, and the pool, the lock session and LISTEN move to the next host that takes writes',
    async () => {
      const database = openPrimary(hostList(portOf(first!), portOf(second!)));
      await sql`create table if not exists moves (id serial primary key)`.execute(database.db);
      expect(await servedBy(database)).toBe(portOf(first!));
      const session = await database.openLockSession!();
      const lost: unknown[] = [];
      session.onLost((error) => lost.push(error));
      expect(await session.tryLock('host-selection')).toBe(true);
      const heard: string[] = [];
      const unlisten = await database.listen('host_selection', { onNotify: (payload) => heard.push(payload) });

      await makeReadOnly(first!, true);
      try {
        const refused = await sql`insert into moves default values`.execute(database.db).catch((error: unknown) => error);
        expect(refused).toMatchObject({ code: '25006' });
        expect(isDatabaseUnavailable(refused)).toBe(true);
        expect(lost).toEqual([]);

        await sql`create table if not exists moves (id serial primary key)`.execute(database.db);
        await sql`insert into moves default values`.execute(database.db);
        expect(await servedBy(database)).toBe(portOf(second!));
        // Once the primary is found elsewhere, the lock session on the old one is lost, though its connection
        // still answers: its locks fence nothing any more.
        await waitUntil(() => lost.length > 0, { what: 'the lock session is lost' });
        const next: LockSession = await database.openLockSession!();
        expect(await next.tryLock('host-selection')).toBe(true);
        const locks = await onCluster<{ count: string }>(second!, `select count(*) as count from pg_locks where locktype = 'advisory'`);
        expect(Number(locks[0]!.count)).toBe(1);
        await next.close();
        // LISTEN followed too: a NOTIFY on the new primary is heard.
        await waitUntil(
          async () => {
            await onCluster(second!, `notify host_selection, 'on the new primary'`);
            return heard.includes('on the new primary');
          },
          { what: 'LISTEN hears the new primary', everyMs: 100 },
        );
      } finally {
        await unlisten();
        await session.close();
        await makeReadOnly(first!, false);
      }
    },
  );

  it.skipIf(skip)('no host taking writes is a retryable outage that names the hosts, and the next query finds one that does', async () => {
    const closed = await closedPort();
    await makeReadOnly(second!, true);
    const database = openPrimary(hostList(closed, portOf(second!)));
    try {
      const error = await sql`select 1`.execute(database.db).catch((error: unknown) => error);
      expect(error).toBeInstanceOf(NoPrimaryFound);
      expect((error as Error).message).toBe(`no read-write primary among 127.0.0.1:${closed}, 127.0.0.1:${portOf(second!)}`);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await makeReadOnly(second!, false);
    }
    expect(await servedBy(database)).toBe(portOf(second!));
  });
});
