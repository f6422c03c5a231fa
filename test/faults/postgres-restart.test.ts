import { setTimeout as pause } from 'node:timers/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { type ChronicleProcess, startChronicleProcess } from '../support/chronicle-process.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { type ThrowawayPostgres, createThrowawayPostgres, throwawayPostgresUnavailable } from '../support/throwaway-postgres.js';
import { BalanceFollower } from './helpers/balance-follower.js';
import { balancePositions, checkpoints, countsBy, depositedInto } from './helpers/bank-checks.js';
import { RUNTIME_STATES } from './helpers/fault-operations.js';
import { waitUntil } from './helpers/wait-until.js';

/** One account per server: concurrent deposits never race one aggregate across processes. */
const ACCOUNTS = ['RESTART-0', 'RESTART-1'];
const cannot = throwawayPostgresUnavailable();

let cluster: ThrowawayPostgres | undefined;
let db: Kysely<any> | undefined;
const servers: ChronicleProcess[] = [];
const followers: BalanceFollower[] = [];

afterAll(async () => {
  for (const follower of followers) follower.close();
  await Promise.all(servers.map((server) => server.stop()));
  await db?.destroy();
  await cluster?.destroy();
});

interface Outcome {
  amount: number;
  code: string | undefined;
  retryable: unknown;
  server?: number;
}

async function deposit(server: ChronicleProcess, amount: number): Promise<Outcome> {
  const accountNumber = ACCOUNTS[servers.indexOf(server)]!;
  const { result } = await server.post(DEPOSIT, { input: { accountNumber, amount } });
  if (result.data?.deposit.__typename === 'Account') return { amount, code: 'OK', retryable: undefined };
  const error = result.errors?.[0];
  return { amount, code: error?.extensions?.code as string | undefined, retryable: error?.extensions?.retryable };
}

describe('PostgreSQL restarted under load', () => {
  it.skipIf(!concurrent || cannot !== undefined)(
    `servers stay up, commands fail with a retryable SERVICE_UNAVAILABLE meanwhile, then everything recovers without a restart ${
      cannot ? `(skipped: ${cannot})` : NEEDS_CONCURRENCY
    }`,
    async () => {
      cluster = await createThrowawayPostgres();
      servers.push(await startChronicleProcess({ databaseUrl: cluster.url }));
      servers.push(await startChronicleProcess({ databaseUrl: cluster.url }));
      const pids = servers.map((server) => server.child.pid);

      for (const [index, server] of servers.entries()) {
        const opened = await server.post(OPEN_ACCOUNT, { input: { accountNumber: ACCOUNTS[index]!, holder: 'Restart' } });
        expect(opened.result.data?.openAccount.__typename).toBe('Account');
      }
      // Each server's subscriber follows the account the other server writes to.
      for (const [index, server] of servers.entries()) {
        const follower = new BalanceFollower(ACCOUNTS[1 - index]!, server.authorization);
        followers.push(follower);
        void follower.followAcross(() => [server.wsUrl]);
      }

      // A client per server starts a deposit (each amount unique) every 10 ms, before, during and
      // after the outage, without waiting for the previous answer: a request held up across the
      // outage (a strong wait, say) must not keep the load from meeting the outage.
      const outcomes: Outcome[] = [];
      const inFlight = new Set<Promise<void>>();
      let next = 1;
      let loading = true;
      const client = async (index: number) => {
        while (loading) {
          const request = deposit(servers[index]!, next++).then((outcome) => {
            outcomes.push({ ...outcome, server: index });
          });
          inFlight.add(request);
          void request.finally(() => inFlight.delete(request));
          await pause(10);
        }
      };
      const load = Promise.all(servers.map((_, index) => client(index)));
      await waitUntil(() => outcomes.filter((outcome) => outcome.code === 'OK').length >= 10, { what: 'some deposits went through' });

      await cluster.stop();
      const during = await Promise.all(servers.map((server) => deposit(server, next++)));
      for (const outcome of during) expect(outcome).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      const metTheOutage = (index: number) => outcomes.some((outcome) => outcome.server === index && outcome.code !== 'OK');
      await waitUntil(() => servers.every((_, index) => metTheOutage(index)), { what: 'the load on each server met the outage' });
      await cluster.start();

      // Commands go through again on both servers, without a restart.
      for (const server of servers) {
        await waitUntil(async () => (await deposit(server, next++)).code === 'OK', { what: 'a deposit succeeds again', everyMs: 100 });
      }
      const okAfter = outcomes.filter((outcome) => outcome.code === 'OK').length;
      await waitUntil(() => outcomes.filter((outcome) => outcome.code === 'OK').length >= okAfter + 10, { what: 'the load goes on' });
      loading = false;
      await load;
      await Promise.all(inFlight);

      expect(servers.every((server) => server.alive)).toBe(true);
      expect(servers.map((server) => server.child.pid)).toEqual(pids);
      // Every failure was the typed, retryable one: nothing masked, nothing else.
      const failures = outcomes.filter((outcome) => outcome.code !== 'OK');
      expect(failures.length).toBeGreaterThan(0);
      for (const failure of failures) expect(failure).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });

      // Runtimes recovered: one server leads them all again, and they reach the head.
      db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: cluster.url, max: 2 }) }) });
      const names = (await servers[0]!.post(RUNTIME_STATES)).result.data!.projections.map((runtime) => runtime.name);
      await waitUntil(
        async () => {
          const { head, checkpoints: stored } = await checkpoints(db!);
          return names.every((name) => stored[name] === head);
        },
        { what: 'every runtime has processed the whole log' },
      );
      const states = await Promise.all(servers.map(async (server) => (await server.post(RUNTIME_STATES)).result.data!.projections));
      for (const name of names) {
        const leaders = states.filter((runtimes) => runtimes.find((runtime) => runtime.name === name)!.status !== 'STANDBY');
        expect(leaders, `${name} runs in exactly one instance`).toHaveLength(1);
      }

      // Acknowledged deposits are stored once; the balance the projection shows is the sum of the log.
      const stored = await countsBy(db, 'MoneyDeposited', 'amount');
      for (const outcome of outcomes) if (outcome.code === 'OK') expect(stored.get(String(outcome.amount))).toBe(1);
      for (const accountNumber of ACCOUNTS) {
        const account = await db
          .selectFrom('bank_accounts')
          .select('balance')
          .where('account_number', '=', accountNumber)
          .executeTakeFirstOrThrow();
        expect(Number(account.balance)).toBe(await depositedInto(db, accountNumber));
      }

      // The subscriptions lived through the outage and got every update once, in order.
      for (const follower of followers) {
        const expected = await balancePositions(db, follower.accountNumber);
        await waitUntil(() => follower.received.length >= expected.length, { what: 'the subscriber has every update' });
        expect(follower.received.map((update) => update.position)).toEqual(expected);
        expect(follower.interruptions).toBe(0);
      }
    },
    120_000,
  );
});
