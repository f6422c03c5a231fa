import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsOf } from '../../src/app/domain-module.js';
import { domains } from '../../src/app/domains.js';
import { assertDedicatedSession } from '../../src/db/dedicated-session.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { openPostgresLockSession } from '../../src/db/postgres-lock-session.js';
import { ACCOUNT, DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { type ChronicleProcess, startChronicleProcess } from '../support/chronicle-process.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { createThrowawayPgbouncer, type ThrowawayPgbouncer, throwawayPgbouncerUnavailable } from '../support/throwaway-pgbouncer.js';
import { BalanceFollower } from './helpers/balance-follower.js';
import { balancePositions, bankReadModel, checkpoints, countsBy } from './helpers/bank-checks.js';
import { REBUILD_PROJECTION, RUNTIME_STATES } from './helpers/fault-operations.js';
import { waitUntil } from './helpers/wait-until.js';

const cannot = throwawayPgbouncerUnavailable();
const skip = !concurrent || cannot !== undefined;
const why = !concurrent ? NEEDS_CONCURRENCY : cannot ? `(skipped: ${cannot})` : '';

const SHARED = 'PGB-SHARED';
const WORKERS = 4;
const DEPOSITS_PER_WORKER = 10;
/** Far beyond the test's waits: an instance hears of another's commits only by NOTIFY. */
const POLL_INTERVAL_MS = '60000';

let database: TestDatabase | undefined;
let bouncer: ThrowawayPgbouncer | undefined;
/** The test database through PgBouncer in transaction mode. */
let pooledUrl: string;
const servers: ChronicleProcess[] = [];
const followers: BalanceFollower[] = [];

beforeAll(async () => {
  if (skip) return;
  database = await createTestDatabase({ poolSize: 2 });
  // Fewer server connections than the instances' pools hold clients: transactions really share them.
  bouncer = await createThrowawayPgbouncer(process.env.CHRONICLE_TEST_ADMIN_URL!, { poolSize: 4 });
  pooledUrl = bouncer.urlFor(database.url!);
}, 60_000);

afterAll(async () => {
  for (const follower of followers) follower.close();
  await Promise.all(servers.map((server) => server.stop()));
  await bouncer?.destroy();
  await database?.close();
});

/** Kysely's migration lock (`LOCK_ID` of its PostgresAdapter), a session advisory lock. */
const KYSELY_MIGRATION_LOCK = '3853314791062309107';

/** How many sessions of `db`'s database hold Kysely's migration lock now. */
async function migrationLocksHeld(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ held: number }>`
    select count(*)::int as held from pg_locks
    where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())
      and ((classid::bigint << 32) | objid::bigint) = ${KYSELY_MIGRATION_LOCK}::bigint
  `.execute(db);
  return rows[0]!.held;
}

/** Makes PgBouncer open `count` server connections to `url`'s database, by holding that many transactions at once. */
async function openServerConnections(url: string, count: number): Promise<void> {
  const clients = Array.from({ length: count }, () => new pg.Client(url));
  try {
    await Promise.all(clients.map((client) => client.connect()));
    await Promise.all(clients.map((client) => client.query('begin')));
    await Promise.all(clients.map((client) => client.query('select 1')));
    await Promise.all(clients.map((client) => client.query('commit')));
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

async function runtimeStates(server: ChronicleProcess) {
  const { result } = await server.post(RUNTIME_STATES);
  return result.data!.projections;
}

async function balanceOn(server: ChronicleProcess, accountNumber: string): Promise<number | null | undefined> {
  const { result } = await server.post(ACCOUNT, { accountNumber });
  expect(result.errors).toBeUndefined();
  return result.data?.account?.balance;
}

describe(`PgBouncer in transaction mode ${why}`, () => {
  it.skipIf(skip)('the pool of an instance behind it sets nothing on the session of the server connections it borrows', async () => {
    const pooled = createPostgresDatabase({
      connectionString: pooledUrl,
      sessionConnectionString: database!.url!,
      pooledPerTransaction: true,
    });
    try {
      await sql`select 1`.execute(pooled.db);
    } finally {
      await pooled.close();
    }
    // The next client gets the server connection released last: the one the pool used.
    const next = new pg.Client(pooledUrl);
    await next.connect();
    try {
      const { rows } = await next.query<{ tcp_user_timeout: string }>('show tcp_user_timeout');
      expect(rows[0]!.tcp_user_timeout).toBe('0');
    } finally {
      await next.end();
    }
  });

  it.skipIf(skip)(
    'loses what a session carries: a lock taken through it is not exclusive and a named prepared statement collides; the start check tells it from a direct connection',
    async () => {
      const [one, other] = [await openPostgresLockSession(pooledUrl), await openPostgresLockSession(pooledUrl)];
      try {
        // Both "hold" the lock: PgBouncer lent the first one's server connection, lock and all, to the second.
        expect([await one.tryLock('pgbouncer-probe'), await other.tryLock('pgbouncer-probe')]).toEqual([true, true]);
      } finally {
        await Promise.all([one.close(), other.close()]);
      }
      const [first, second] = [new pg.Client(pooledUrl), new pg.Client(pooledUrl)];
      await Promise.all([first.connect(), second.connect()]);
      try {
        const statement = { name: 'pgbouncer_probe', text: 'select $1::int as n', values: [1] };
        await first.query(statement);
        await expect(second.query(statement)).rejects.toThrow(/prepared statement "pgbouncer_probe" already exists/);
      } finally {
        await Promise.all([first.end(), second.end()]);
      }

      await expect(assertDedicatedSession(pooledUrl, 'DATABASE_URL')).rejects.toThrow(
        /DATABASE_URL does not give a connection a database session of its own/,
      );
      await expect(assertDedicatedSession(database!.url!, 'DATABASE_URL')).resolves.toBeUndefined();
    },
  );

  it.skipIf(skip)(
    'migrations take their session lock on the session URL: through the pooler it would stay on a server connection',
    async () => {
      const own = await createTestDatabase({ poolSize: 1 });
      // Round robin: each transaction of the migrator's connection lands on another server connection, as on a busy pooler.
      const shuffling = await createThrowawayPgbouncer(process.env.CHRONICLE_TEST_ADMIN_URL!, { poolSize: 3, roundRobin: true });
      try {
        const url = shuffling.urlFor(own.url!);
        await openServerConnections(url, 3);
        const database = createPostgresDatabase({ connectionString: url, sessionConnectionString: own.url!, pooledPerTransaction: true });
        try {
          // One migration the database has not run, or the migrator would not even start (the database is up to date).
          const probe = {
            async up(db: Kysely<any>) {
              await sql`select 1`.execute(db);
            },
          };
          await migrateToLatest(database, { ...migrationsOf(domains), '9999-pgbouncer-probe': probe });
        } finally {
          await database.close();
        }
        // Through PgBouncer, the unlock would run on another server connection than the lock and leave it held, and the
        // next instance to migrate would wait for it (Kysely waits up to an hour).
        expect(await migrationLocksHeld(own.db)).toBe(0);
      } finally {
        await shuffling.destroy();
        await own.close();
      }
    },
  );

  it.skipIf(skip)(
    'an instance whose DATABASE_URL goes through it, with no DATABASE_SESSION_URL, refuses to start and says what to set',
    async () => {
      const refused = await startChronicleProcess({ databaseUrl: pooledUrl, env: { DB_POOL_SIZE: '2' } }).then(
        async (server) => {
          await server.kill();
          return new Error('it started');
        },
        (error: Error) => error,
      );
      expect(refused.message).toMatch(/process exited before the expected log line/);
      expect(refused.message).toMatch(/set DATABASE_SESSION_URL to a direct connection to PostgreSQL/);
      // It stopped before taking any lock or appending anything.
      expect(await checkpoints(database!.db)).toMatchObject({ head: 0 });
    },
  );

  it.skipIf(skip)(
    'with DATABASE_SESSION_URL direct, two instances share the log through it: concurrent deposits, reads of their writes, NOTIFY, leadership, catch-up and a rebuild',
    async () => {
      const env = { DATABASE_SESSION_URL: database!.url!, DB_POOL_SIZE: '4', POLL_INTERVAL_MS };
      servers.push(await startChronicleProcess({ databaseUrl: pooledUrl, env }));
      servers.push(await startChronicleProcess({ databaseUrl: pooledUrl, env }));
      const [one, two] = servers as [ChronicleProcess, ChronicleProcess];
      const names = (await runtimeStates(one)).map((runtime) => runtime.name);

      // Leadership is exclusive: the locks live on the direct sessions, not on PgBouncer's shared connections.
      // (The instances may share the runtimes out between them: each is led by one, never by both.)
      const ledTwice: string[] = [];
      const leadersOf = async (): Promise<Map<string, ChronicleProcess[]>> => {
        const states = await Promise.all(
          servers.filter((server) => server.alive).map(async (server) => ({ server, runtimes: await runtimeStates(server) })),
        );
        const leaders = new Map(names.map((name) => [name, [] as ChronicleProcess[]]));
        for (const { server, runtimes } of states)
          for (const runtime of runtimes) if (runtime.status !== 'STANDBY') leaders.get(runtime.name)!.push(server);
        for (const [name, led] of leaders) if (led.length > 1) ledTwice.push(name);
        return leaders;
      };
      await waitUntil(async () => [...(await leadersOf()).values()].every((led) => led.length === 1), {
        what: 'every runtime is led by one instance',
      });
      const leader = (await leadersOf()).get('bank-accounts')![0]!;
      const other = leader === one ? two : one;

      const accounts = [SHARED, ...Array.from({ length: WORKERS }, (_, id) => `PGB-${id}`)];
      for (const accountNumber of accounts) {
        const opened = await leader.post(OPEN_ACCOUNT, { input: { accountNumber, holder: accountNumber } });
        expect(opened.result.data?.openAccount.__typename).toBe('Account');
      }
      // A subscriber on the other instance, from the start of the log.
      const follower = new BalanceFollower(SHARED, other.authorization);
      followers.push(follower);
      void follower.follow(other.wsUrl);

      // A deposit on the leader reaches the other's subscriber long before its next poll: by NOTIFY on its direct LISTEN connection.
      const first = await leader.post(DEPOSIT, { input: { accountNumber: SHARED, amount: 1 } });
      expect(first.result.data?.deposit).toMatchObject({ __typename: 'Account', balance: 1 });
      await waitUntil(() => follower.received.length === 1, {
        what: "the other instance's subscriber has the first deposit",
        timeoutMs: 5_000,
      });

      // Concurrent clients on both instances: each deposits into its own account, reads it back on the other
      // instance at once, and deposits into the shared one.
      const amounts: number[] = [1];
      const totals = Array.from({ length: WORKERS }, () => 0);
      let sharedTotal = 1;
      const worker = async (id: number) => {
        for (let n = 0; n < DEPOSITS_PER_WORKER; n++) {
          const [writer, reader] = n % 2 === id % 2 ? [leader, other] : [other, leader];
          const own = 10_000 * (id + 1) + n;
          totals[id]! += own;
          const deposited = await writer.post(DEPOSIT, { input: { accountNumber: `PGB-${id}`, amount: own } });
          expect(deposited.result.data?.deposit, `deposit ${own}`).toMatchObject({ __typename: 'Account', balance: totals[id] });
          expect(await balanceOn(reader, `PGB-${id}`), `balance after ${own} read on the other instance`).toBe(totals[id]);
          const shared = 500_000 + 100 * id + n;
          const toShared = await writer.post(DEPOSIT, { input: { accountNumber: SHARED, amount: shared } });
          expect(toShared.result.data?.deposit.__typename, `deposit ${shared}`).toBe('Account');
          amounts.push(own, shared);
          sharedTotal += shared;
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, (_, id) => worker(id)));

      // Every deposit stored once, every runtime at the head, the subscriber has every update in order.
      const db = database!.db;
      const deposits = await countsBy(db, 'MoneyDeposited', 'amount');
      expect([...deposits.values()].reduce((sum, count) => sum + count, 0)).toBe(amounts.length);
      for (const amount of amounts) expect(deposits.get(String(amount)), `deposit ${amount}`).toBe(1);
      await waitUntil(
        async () => {
          const { head, checkpoints: stored } = await checkpoints(db);
          return names.every((name) => stored[name] === head);
        },
        { what: 'every runtime has processed the whole log' },
      );
      const expected = await balancePositions(db, SHARED);
      await waitUntil(() => follower.received.length >= expected.length, { what: 'the subscriber has every update', timeoutMs: 5_000 });
      expect(follower.received.map((update) => update.position)).toEqual(expected);
      expect(await balanceOn(other, SHARED)).toBe(sharedTotal);

      // A rebuild through the pooler (its switch sets lock_timeout for its transaction only) ends with the same tables.
      const projected = await bankReadModel(db);
      const rebuilt = await leader.post(REBUILD_PROJECTION, { name: 'bank-accounts' });
      expect(rebuilt.result.data?.rebuildProjection.__typename).toBe('Projection');
      await waitUntil(
        async () =>
          (await runtimeStates(leader)).some(
            (runtime) => runtime.name === 'bank-accounts' && runtime.lag === 0 && runtime.status === 'LIVE',
          ),
        { what: 'bank-accounts is rebuilt and live' },
      );
      expect(await bankReadModel(db)).toEqual(projected);

      // The leader leaves; its locks go with its direct session, and the other instance takes every runtime over.
      await leader.stop();
      await waitUntil(async () => [...(await leadersOf()).values()].every((led) => led[0] === other), {
        what: 'the remaining instance leads every runtime',
      });
      expect(ledTwice, 'runtimes ever seen led by both instances').toEqual([]);
      const after = await other.post(DEPOSIT, { input: { accountNumber: 'PGB-0', amount: 7 } });
      expect(after.result.data?.deposit).toMatchObject({ __typename: 'Account', balance: totals[0]! + 7 });
    },
    180_000,
  );
});
