import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { type ChronicleProcess, startChronicleProcess } from '../support/chronicle-process.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { balancePositions, checkpoints, countsBy, depositedInto } from './helpers/bank-checks.js';
import { RUNTIME_STATES } from './helpers/fault-operations.js';
import { waitUntil } from './helpers/wait-until.js';

const ACCOUNTS = ['SPREAD-A', 'SPREAD-B', 'SPREAD-C'];
const ENV = { DB_POOL_SIZE: '4' };

let database: TestDatabase | undefined;
const servers: ChronicleProcess[] = [];
let loading = false;

afterAll(async () => {
  loading = false;
  await Promise.all(servers.map((server) => server.stop()));
  await database?.close();
});

/** The runtimes an instance leads: every one it does not keep on STANDBY. */
async function ledBy(server: ChronicleProcess): Promise<string[]> {
  const { result } = await server.post(RUNTIME_STATES);
  return result
    .data!.projections.filter((runtime) => runtime.status !== 'STANDBY' && runtime.status !== 'STOPPED')
    .map((runtime) => runtime.name);
}

/** How many runtime locks each session holds, as the server's lock table says. */
async function locksPerSession(db: TestDatabase['db']): Promise<number[]> {
  const { rows } = await sql<{ locks: string }>`
    select count(*) as locks from pg_locks
    where locktype = 'advisory' and objsubid = 1 and granted and mode = 'ExclusiveLock'
      and database = (select oid from pg_database where datname = current_database())
    group by pid
  `.execute(db);
  return rows.map((row) => Number(row.locks)).sort((a, b) => a - b);
}

/**
 * Whether `group` shares the runtimes fairly: each runtime led by exactly one of them, each
 * leading floor or ceil of runtimes / instances, and the lock table agreeing.
 */
async function balanced(group: ChronicleProcess[], names: string[], db: TestDatabase['db']): Promise<boolean> {
  const led = await Promise.all(group.map(ledBy));
  const counts = led.map((runtimes) => runtimes.length);
  const all = led.flat();
  const floor = Math.floor(names.length / group.length);
  const ceil = Math.ceil(names.length / group.length);
  return (
    all.length === names.length &&
    new Set(all).size === names.length &&
    counts.every((count) => count === floor || count === ceil) &&
    JSON.stringify(await locksPerSession(db)) === JSON.stringify([...counts].sort((a, b) => a - b))
  );
}

describe('leadership spread over instances', () => {
  it.skipIf(!concurrent)(
    `three instances share the runtimes, a fourth takes its share, a killed one's are shared out, and every deposit is projected once ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 4 });
      const db = database.db;
      const databaseUrl = database.url!;
      servers.push(...(await Promise.all([0, 1, 2].map(() => startChronicleProcess({ databaseUrl, env: ENV })))));
      const names = (await servers[0]!.post(RUNTIME_STATES)).result.data!.projections.map((runtime) => runtime.name);
      expect(names.length).toBeGreaterThanOrEqual(8);

      for (const accountNumber of ACCOUNTS) {
        const opened = await servers[0]!.post(OPEN_ACCOUNT, { input: { accountNumber, holder: accountNumber } });
        expect(opened.result.data?.openAccount.__typename).toBe('Account');
      }

      // Deposits throughout, each amount unique, spread over the instances alive; two clients.
      const acknowledged: number[] = [];
      const unacknowledged: number[] = [];
      let next = 1;
      loading = true;
      const client = async (id: number) => {
        for (let n = 0; loading; n++) {
          const amount = next++;
          const targets = servers.filter((server) => server.alive);
          if (targets.length === 0) return;
          const server = targets[(id + n) % targets.length]!;
          const accountNumber = ACCOUNTS[amount % ACCOUNTS.length]!;
          try {
            const { result } = await server.post(DEPOSIT, { input: { accountNumber, amount } });
            (result.data?.deposit.__typename === 'Account' ? acknowledged : unacknowledged).push(amount);
          } catch {
            unacknowledged.push(amount); // the connection died with its instance
          }
        }
      };
      const load = Promise.all([0, 1].map(client));

      // Not all led by the first to start: each of the three leads its share.
      let since = Date.now();
      await waitUntil(() => balanced(servers, names, db), { what: 'three instances share the runtimes', timeoutMs: 30_000 });
      const balancedThreeMs = Date.now() - since;
      for (const server of servers) expect((await ledBy(server)).length).toBeGreaterThanOrEqual(Math.floor(names.length / 3));

      // A fourth joins later and takes its share.
      const fourth = await startChronicleProcess({ databaseUrl, env: ENV });
      servers.push(fourth);
      since = Date.now();
      await waitUntil(() => balanced(servers, names, db), { what: 'the fourth instance takes its share', timeoutMs: 30_000 });
      const balancedFourMs = Date.now() - since;
      expect((await ledBy(fourth)).length).toBeGreaterThanOrEqual(Math.floor(names.length / 4));

      // One of the first three is killed: the other three share what it led.
      const victim = servers[1]!;
      const orphaned = await ledBy(victim);
      expect(orphaned.length).toBeGreaterThan(0);
      const killedAt = Date.now();
      await victim.kill();
      const survivors = servers.filter((server) => server.alive);
      await waitUntil(() => balanced(survivors, names, db), { what: "the survivors share the victim's runtimes", timeoutMs: 30_000 });
      const balancedAfterKillMs = Date.now() - killedAt;
      const takeovers = await Promise.all(
        orphaned.map((name) =>
          Promise.any(
            survivors.map((server) =>
              server.waitForLog((line) => line.msg === 'leading runtime' && line.runtime === name && Number(line.time) >= killedAt, 10_000),
            ),
          ).then((line) => Number(line.time) - killedAt),
        ),
      );
      for (const [index, ms] of takeovers.entries()) expect(ms, `takeover of ${orphaned[index]}`).toBeLessThan(5_000);

      loading = false;
      await load;
      expect(acknowledged.length).toBeGreaterThan(20);
      console.info(
        `spread leadership over ${names.length} runtimes: balanced over three in ${balancedThreeMs} ms, over four in ${balancedFourMs} ms, ` +
          `after a kill in ${balancedAfterKillMs} ms (takeovers ${Math.min(...takeovers)}-${Math.max(...takeovers)} ms); ` +
          `${acknowledged.length} deposits acknowledged, ${unacknowledged.length} not`,
      );

      // Every runtime reaches the head.
      await waitUntil(
        async () => {
          const { head, checkpoints: stored } = await checkpoints(db);
          return names.every((name) => stored[name] === head);
        },
        { what: 'every runtime has processed the whole log' },
      );

      // Each acknowledged deposit is stored once, an unacknowledged one at most once...
      const deposits = await countsBy(db, 'MoneyDeposited', 'amount');
      for (const amount of acknowledged) expect(deposits.get(String(amount)), `deposit ${amount}`).toBe(1);
      for (const amount of unacknowledged) expect(deposits.get(String(amount)) ?? 0).toBeLessThanOrEqual(1);
      // ...and projected once: one row per balance change, and the balance is the sum of the log.
      for (const accountNumber of ACCOUNTS) {
        const rows = await db
          .selectFrom('bank_transactions')
          .select('position')
          .where('account_number', '=', accountNumber)
          .orderBy('position')
          .execute();
        expect(rows.map((row) => Number(row.position))).toEqual(await balancePositions(db, accountNumber));
        const account = await db
          .selectFrom('bank_accounts')
          .select('balance')
          .where('account_number', '=', accountNumber)
          .executeTakeFirstOrThrow();
        expect(Number(account.balance)).toBe(await depositedInto(db, accountNumber));
      }
    },
    240_000,
  );
});
