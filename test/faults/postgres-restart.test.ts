import { setTimeout as pause } from 'node:timers/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { type ChronicleProcess, startChronicleProcess } from '../support/chronicle-process.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { type ThrowawayPostgres, createThrowawayPostgres, throwawayPostgresUnavailable } from '../support/throwaway-postgres.js';
import { BalanceFollower } from './helpers/balance-follower.js';
import { balancePositions, checkpoints, countsBy } from './helpers/bank-checks.js';
import { RUNTIME_STATES } from './helpers/fault-operations.js';
import { waitUntil } from './helpers/wait-until.js';

const ACCOUNT = 'RESTART-1';
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
}

async function deposit(server: ChronicleProcess, amount: number): Promise<Outcome> {
  const { result } = await server.post(DEPOSIT, { input: { accountNumber: ACCOUNT, amount } });
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

      const opened = await servers[0]!.post(OPEN_ACCOUNT, { input: { accountNumber: ACCOUNT, holder: 'Restart' } });
      expect(opened.result.data?.openAccount.__typename).toBe('Account');
      for (const server of servers) {
        const follower = new BalanceFollower(ACCOUNT, server.authorization);
        followers.push(follower);
        void follower.followAcross(() => [server.wsUrl]);
      }

      // Two clients deposit (each amount unique) on both servers, before, during and after the outage.
      const outcomes: Outcome[] = [];
      let next = 1;
      let loading = true;
      const client = async (server: ChronicleProcess) => {
        while (loading) {
          outcomes.push(await deposit(server, next++));
          await pause(10);
        }
      };
      const load = Promise.all(servers.map(client));
      await waitUntil(() => outcomes.filter((outcome) => outcome.code === 'OK').length >= 10, { what: 'some deposits went through' });

      await cluster.stop();
      const during = await Promise.all(servers.map((server) => deposit(server, next++)));
      for (const outcome of during) expect(outcome).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      await cluster.start();

      // Commands go through again on both servers, without a restart.
      for (const server of servers) {
        await waitUntil(async () => (await deposit(server, next++)).code === 'OK', { what: 'a deposit succeeds again', everyMs: 100 });
      }
      const okAfter = outcomes.filter((outcome) => outcome.code === 'OK').length;
      await waitUntil(() => outcomes.filter((outcome) => outcome.code === 'OK').length >= okAfter + 10, { what: 'the load goes on' });
      loading = false;
      await load;

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
      const states = await Promise.all(
        servers.map(async (server) => (await server.post(RUNTIME_STATES)).result.data!.projections),
      );
      for (const name of names) {
        const leaders = states.filter((runtimes) => runtimes.find((runtime) => runtime.name === name)!.status !== 'STANDBY');
        expect(leaders, `${name} runs in exactly one instance`).toHaveLength(1);
      }

      // Acknowledged deposits are stored once; the balance the projection shows is the sum of the log.
      const stored = await countsBy(db, 'MoneyDeposited', 'amount');
      for (const outcome of outcomes) if (outcome.code === 'OK') expect(stored.get(String(outcome.amount))).toBe(1);
      const account = await db.selectFrom('bank_accounts').select('balance').where('account_number', '=', ACCOUNT).executeTakeFirstOrThrow();
      const sum = [...stored.keys()].reduce((total, amount) => total + Number(amount), 0);
      expect(Number(account.balance)).toBe(sum);

      // The subscriptions lived through the outage and got every update once, in order.
      const expected = await balancePositions(db, ACCOUNT);
      for (const follower of followers) {
        await waitUntil(() => follower.received.length >= expected.length, { what: 'the subscriber has every update' });
        expect(follower.received.map((update) => update.position)).toEqual(expected);
        expect(follower.interruptions).toBe(0);
      }
    },
    120_000,
  );
});
