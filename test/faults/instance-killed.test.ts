import { afterAll, describe, expect, it } from 'vitest';
import { DEPOSIT, OPEN_ACCOUNT, TRANSFER } from '../domains/bank/bank-operations.js';
import { type ChronicleProcess, startChronicleProcess } from '../support/chronicle-process.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { BalanceFollower } from './helpers/balance-follower.js';
import { balancePositions, bankReadModel, checkpoints, countsBy } from './helpers/bank-checks.js';
import { REBUILD_PROJECTION, RUNTIME_STATES } from './helpers/fault-operations.js';
import { waitUntil } from './helpers/wait-until.js';

const ACCOUNTS = ['KILL-A', 'KILL-B', 'KILL-C', 'KILL-D'];
const WORKERS = 6;
const OPS_PER_WORKER = 24;
const KILL_AFTER_OPS = (WORKERS * OPS_PER_WORKER) / 3;

let database: TestDatabase | undefined;
const servers: ChronicleProcess[] = [];
const followers: BalanceFollower[] = [];

afterAll(async () => {
  for (const follower of followers) follower.close();
  await Promise.all(servers.map((server) => server.stop()));
  await database?.close();
});

async function runtimeStates(server: ChronicleProcess) {
  const { result } = await server.post(RUNTIME_STATES);
  return result.data!.projections;
}

type Op = { kind: 'deposit'; accountNumber: string; amount: number } | { kind: 'transfer'; from: string; to: string; amount: number };

describe('three instances on one database, one killed with SIGKILL under load', () => {
  it.skipIf(!concurrent)(
    `loses and duplicates nothing, hands its runtimes over within 5 s, and its subscribers resume elsewhere ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 4 });
      const databaseUrl = database.url!;
      // The first one alone leads every runtime, then hands the two others their shares.
      servers.push(await startChronicleProcess({ databaseUrl }));
      servers.push(...(await Promise.all([startChronicleProcess({ databaseUrl }), startChronicleProcess({ databaseUrl })])));
      const [victim, ...survivors] = servers as [ChronicleProcess, ChronicleProcess, ChronicleProcess];

      const names = (await runtimeStates(victim)).map((runtime) => runtime.name);
      const ledBy = async (server: ChronicleProcess) =>
        (await runtimeStates(server)).filter((runtime) => runtime.status !== 'STANDBY').map((runtime) => runtime.name);
      await waitUntil(
        async () => {
          const led = await Promise.all(servers.map(ledBy));
          return led.every((runtimes) => runtimes.length > 0) && led.flat().sort().join() === [...names].sort().join();
        },
        { what: 'each instance leads its share of the runtimes, and each runtime runs once' },
      );
      const orphaned = await ledBy(victim);

      // Accounts opened and funded on different instances; an instance waits for the projection's leader.
      for (const [index, accountNumber] of ACCOUNTS.entries()) {
        const server = servers[index % 3]!;
        const opened = await server.post(OPEN_ACCOUNT, { input: { accountNumber, holder: accountNumber } });
        expect(opened.result.data?.openAccount.__typename).toBe('Account');
        const funded = await server.post(DEPOSIT, { input: { accountNumber, amount: 1_000_000 } });
        expect(funded.result.data?.deposit).toMatchObject({ __typename: 'Account', balance: 1_000_000 });
      }

      // Every account followed on every instance from the start of the log; those on the victim move on when it dies.
      const alive = () => servers.filter((server) => server.alive).map((server) => server.wsUrl);
      for (const [index, server] of servers.entries()) {
        for (const accountNumber of ACCOUNTS) {
          const follower = new BalanceFollower(accountNumber, server.authorization);
          followers.push(follower);
          // The victim's followers go to the first instance alive: the victim while it lives, then a survivor.
          void follower.followAcross(index === 0 ? alive : () => [server.wsUrl]);
        }
      }

      // Mixed load from several clients, spread over the instances; the first is killed a third of the way in.
      const acknowledged: Op[] = [];
      const unacknowledged: Op[] = [];
      let sent = 0;
      let killedAt = 0;
      const worker = async (id: number) => {
        for (let n = 0; n < OPS_PER_WORKER; n++) {
          const seq = sent++;
          if (seq === KILL_AFTER_OPS) {
            killedAt = Date.now();
            void victim.kill();
          }
          const targets = servers.filter((server) => server.alive);
          const server = targets[(id + n) % targets.length]!;
          const from = ACCOUNTS[(id + n) % ACCOUNTS.length]!;
          const op: Op =
            n % 3 === 2
              ? { kind: 'transfer', from, to: ACCOUNTS[(id + n + 1) % ACCOUNTS.length]!, amount: 1 + (seq % 7) }
              : { kind: 'deposit', accountNumber: from, amount: 10_000 + seq };
          try {
            const typename =
              op.kind === 'deposit'
                ? (await server.post(DEPOSIT, { input: { accountNumber: op.accountNumber, amount: op.amount } })).result.data?.deposit
                    .__typename
                : (await server.post(TRANSFER, { input: { from: op.from, to: op.to, amount: op.amount } })).result.data?.transfer
                    .__typename;
            if (typename === 'Account' || typename === 'Transfer') acknowledged.push(op);
            else unacknowledged.push(op);
          } catch {
            unacknowledged.push(op); // the connection died with the victim
          }
        }
      };
      await Promise.all(Array.from({ length: WORKERS }, (_, id) => worker(id)));
      expect(victim.alive).toBe(false);
      expect(survivors.every((server) => server.alive)).toBe(true);
      expect(acknowledged.length).toBeGreaterThan(WORKERS * OPS_PER_WORKER * 0.8);

      // Every runtime the victim led was taken over by a survivor within 5 s of the kill.
      for (const name of orphaned) {
        // The first survivor to lead it; the other never will, so waiting for both would wait out its timeout.
        const takenOverAt = await Promise.any(
          survivors.map((server) =>
            server.waitForLog((line) => line.msg === 'leading runtime' && line.runtime === name && Number(line.time) >= killedAt, 10_000),
          ),
        ).then(
          (line) => Number(line.time),
          () => Number.POSITIVE_INFINITY,
        );
        expect(takenOverAt - killedAt, `takeover of ${name}`).toBeLessThan(5_000);
      }

      // The log settles: every transfer ends, every runtime reaches the head.
      const db = database.db;
      await waitUntil(
        async () => {
          const { head, checkpoints: stored } = await checkpoints(db);
          return names.every((name) => stored[name] === head);
        },
        { what: 'every runtime has processed the whole log' },
      );

      // Each acknowledged command's events are stored exactly once; an unacknowledged one at most once.
      const deposits = await countsBy(db, 'MoneyDeposited', 'amount');
      for (const op of acknowledged) if (op.kind === 'deposit') expect(deposits.get(String(op.amount)), `deposit ${op.amount}`).toBe(1);
      for (const op of unacknowledged) if (op.kind === 'deposit') expect(deposits.get(String(op.amount)) ?? 0).toBeLessThanOrEqual(1);
      const requested = await countsBy(db, 'TransferRequested', 'transferId');
      const transfers = acknowledged.filter((op) => op.kind === 'transfer').length;
      expect(requested.size).toBeGreaterThanOrEqual(transfers);
      for (const type of ['TransferRequested', 'TransferDebited', 'TransferCredited', 'TransferCompleted']) {
        const counts = await countsBy(db, type, 'transferId');
        expect(
          [...counts.values()].every((count) => count === 1),
          `${type} once per transfer`,
        ).toBe(true);
        expect(new Set(counts.keys()), `${type} for every requested transfer`).toEqual(new Set(requested.keys()));
      }

      // Each runtime now runs in exactly one survivor (the two may have split them between them).
      const leaderOf = async (name: string) => {
        const states = await Promise.all(survivors.map(runtimeStates));
        const leaders = survivors.filter((_, index) => states[index]!.find((runtime) => runtime.name === name)!.status !== 'STANDBY');
        expect(leaders, `${name} runs in exactly one instance`).toHaveLength(1);
        return leaders[0]!;
      };
      for (const name of names) await leaderOf(name);

      // Every projection equals a rebuild from scratch, done by its new leader.
      const projected = await bankReadModel(db);
      for (const name of ['bank-accounts', 'bank-transfers']) {
        const leader = await leaderOf(name);
        const { result } = await leader.post(REBUILD_PROJECTION, { name });
        expect(result.data?.rebuildProjection.__typename).toBe('Projection');
        await waitUntil(
          async () =>
            (await runtimeStates(leader)).some((runtime) => runtime.name === name && runtime.lag === 0 && runtime.status === 'LIVE'),
          { what: `${name} is rebuilt and live` },
        );
      }
      expect(await bankReadModel(db)).toEqual(projected);

      // Every subscriber, including those that lost their server, got each update of its account once, in order.
      for (const follower of followers) {
        const expected = await balancePositions(db, follower.accountNumber);
        await waitUntil(() => follower.received.length >= expected.length, { what: `${follower.accountNumber} has every update` });
        expect(follower.received.map((update) => update.position)).toEqual(expected);
      }
      // The victim's followers did lose their server (a retry may have hit it again before its exit was seen).
      expect(followers.slice(0, ACCOUNTS.length).every((follower) => follower.interruptions >= 1)).toBe(true);
      expect(followers.slice(ACCOUNTS.length).every((follower) => follower.interruptions === 0)).toBe(true);
    },
    120_000,
  );
});
