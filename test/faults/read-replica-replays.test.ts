import { parse } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountAggregate } from '../../src/domains/bank/account-aggregate.js';
import { ERASED, erasePersonalData, streamIdOf } from '../../src/es/index.js';
import { createChronicleServer, type ChronicleServer } from '../../src/server/create-server.js';
import { BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { sseSubscription } from '../graphql/helpers/sse.js';
import { TEST_ACTOR } from '../support/test-auth.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { type ThrowawayPostgres, createThrowawayPostgres } from '../support/throwaway-postgres.js';
import { type ThrowawayReplica, createThrowawayReplica, throwawayReplicaUnavailable } from '../support/throwaway-replica.js';
import { type ReplicaInstance, startReplicaInstance } from './helpers/replica-instance.js';
import { waitUntil } from './helpers/wait-until.js';

const cannot = throwawayReplicaUnavailable();
const skip = !concurrent || cannot !== undefined;
const why = cannot ? `(skipped: ${cannot})` : NEEDS_CONCURRENCY;
const ACCOUNT_NUMBER = 'REPLAY-1';

let primary: ThrowawayPostgres | undefined;
let replica: ThrowawayReplica | undefined;
/** Writes the deposits; reads no replica. */
let writer: ReplicaInstance | undefined;
/** Serves the subscriptions, with the replica in `DATABASE_READ_URLS`; started once the log holds deposits 1 to 10. */
let reader: ReplicaInstance | undefined;
let server: ChronicleServer | undefined;
let url: string;
/** The account's opening: a replay after it delivers every deposit. */
let opened: string;
/** What the paused replica holds: the log up to deposit 5. */
let replayedUpTo: number;
/** The next deposit's amount: deposit n is of n cents. */
let next = 1;

interface Update {
  delta: number;
  balance: number;
  position: string;
}

async function deposit(): Promise<number> {
  const amount = next++;
  const { position, result } = await writer!.send(DEPOSIT, { input: { accountNumber: ACCOUNT_NUMBER, amount } });
  expect(result.data?.deposit.__typename).toBe('Account');
  return Number(position);
}

/**
 * Subscribes after `after` while `meanwhile` deposits live, and reads updates up to the deposit of
 * `last` cents; then ends the subscription. What came before it, skipped or not, is the caller's to check.
 */
async function replay(after: string, last: number, meanwhile: () => Promise<unknown>): Promise<Update[]> {
  const updates: Update[] = [];
  const reading = (async () => {
    for await (const event of sseSubscription(url, BALANCE_UPDATED, { accountNumber: ACCOUNT_NUMBER, after })) {
      const payload = JSON.parse(event.data);
      expect(payload.errors).toBeUndefined();
      updates.push(payload.data.balanceUpdated);
      if (payload.data.balanceUpdated.delta === last) return;
    }
  })();
  await Promise.all([reading, meanwhile()]);
  return updates;
}

/** Every deposit from `first` to `last` once, in the log's order: no position skipped or repeated at any handover. */
function expectDeposits(updates: Update[], first: number, last: number): void {
  const amounts = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  expect(updates.map((update) => update.delta)).toEqual(amounts);
  expect(updates.map((update) => update.balance)).toEqual(amounts.map((amount) => (amount * (amount + 1)) / 2));
  const positions = updates.map((update) => Number(update.position));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  expect(new Set(positions).size).toBe(positions.length);
}

/** Replay reads answered by each database while `run` runs. */
async function readsDuring<T>(run: () => Promise<T>): Promise<{ value: T; replica: number; primary: number }> {
  const before = await Promise.all([
    reader!.counted('replayReads', { database: 'replica' }),
    reader!.counted('replayReads', { database: 'primary' }),
  ]);
  const value = await run();
  const after = await Promise.all([
    reader!.counted('replayReads', { database: 'replica' }),
    reader!.counted('replayReads', { database: 'primary' }),
  ]);
  return { value, replica: after[0] - before[0], primary: after[1] - before[1] };
}

/** Scans of `events` the replica itself counted: only replays read that table there. */
async function replicaEventScans(): Promise<number> {
  const client = new pg.Client({ connectionString: replica!.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select coalesce(seq_scan, 0) + coalesce(idx_scan, 0) as scans from pg_stat_user_tables where relname = 'events'",
    );
    return Number(rows[0].scans);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (skip) return;
  primary = await createThrowawayPostgres();
  replica = await createThrowawayReplica(primary);
  writer = await startReplicaInstance(primary, undefined);
  const open = await writer.send(OPEN_ACCOUNT, { input: { accountNumber: ACCOUNT_NUMBER, holder: 'Replay' } });
  expect(open.result.data?.openAccount.__typename).toBe('Account');
  opened = open.position!;
  for (let n = 1; n <= 5; n++) replayedUpTo = await deposit();
  await replica.caughtUp();
  await replica.pauseReplay();
  for (let n = 6; n <= 10; n++) await deposit();
  // Started now, its feed remembers none of these: a replay from before them reads the store.
  reader = await startReplicaInstance(primary, replica);
  server = createChronicleServer(reader.app, { graphiql: false, drainTimeoutMs: 5_000, defaultActor: TEST_ACTOR });
  url = new URL('/graphql', await server.listen(0, '127.0.0.1')).href;
}, 120_000);

afterAll(async () => {
  await server?.drain();
  await writer?.app.stop();
  await replica?.destroy();
  await primary?.destroy();
});

describe(`subscription replays on a streaming replica ${why}`, () => {
  it.skipIf(skip)(
    'a replay reads the lagging replica as far as it has replayed the log, the primary past that, then goes live: every deposit once, in order',
    async () => {
      const {
        value: updates,
        replica: fromReplica,
        primary: fromPrimary,
      } = await readsDuring(() =>
        replay(opened, 15, async () => {
          for (let n = 11; n <= 15; n++) await deposit();
        }),
      );
      expectDeposits(updates, 1, 15);
      expect(Number(updates[4]!.position)).toBe(replayedUpTo);
      expect(fromReplica).toBeGreaterThanOrEqual(1);
      expect(fromPrimary).toBeGreaterThanOrEqual(1);
    },
  );

  it.skipIf(skip)('a replay from past what the lagging replica holds reads only the primary', async () => {
    const {
      value: updates,
      replica: fromReplica,
      primary: fromPrimary,
    } = await readsDuring(() => replay(String(replayedUpTo), 16, () => deposit()));
    expectDeposits(updates, 6, 16);
    expect(fromReplica).toBe(0);
    expect(fromPrimary).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(skip)(
    'an erasure the lagging replica has not replayed counts in a replay read from it: keys come from the primary',
    async () => {
      await erasePersonalData(writer!.app, TEST_ACTOR.subject);
      const accountEvents = parse(
        `subscription { events(after: "0", streamId: "${streamIdOf(accountAggregate, ACCOUNT_NUMBER)}") { type data } }`,
      );
      const { value: opening, replica: fromReplica } = await readsDuring(async () => {
        for await (const event of sseSubscription(url, accountEvents)) return JSON.parse(event.data);
      });
      expect(opening.errors).toBeUndefined();
      expect(opening.data.events).toEqual({ type: 'AccountOpened', data: expect.objectContaining({ holder: ERASED }) });
      expect(fromReplica).toBe(1);
    },
  );

  it.skipIf(skip)('once the replica has caught up, a replay reads only the replica, and the replica counts the reads', async () => {
    await replica!.resumeReplay();
    await replica!.caughtUp();
    const scans = await replicaEventScans();
    const { value: updates, replica: fromReplica, primary: fromPrimary } = await readsDuring(() => replay(opened, 17, () => deposit()));
    expectDeposits(updates, 1, 17);
    expect(fromReplica).toBeGreaterThanOrEqual(1);
    expect(fromPrimary).toBe(0);
    // The replica's own statistics, flushed by its backends within seconds: it did read the events.
    await waitUntil(async () => (await replicaEventScans()) > scans, { what: 'the replica counts scans of events' });
  });

  it.skipIf(skip)('a replica that stops answering is left out: the replay reads the primary, and misses nothing', async () => {
    await replica!.stop();
    try {
      const { value: updates, replica: fromReplica, primary: fromPrimary } = await readsDuring(() => replay(opened, 18, () => deposit()));
      expectDeposits(updates, 1, 18);
      expect(fromReplica).toBe(0);
      expect(fromPrimary).toBeGreaterThanOrEqual(1);
    } finally {
      await replica!.start();
    }
  });
});
