import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import { createChronicle } from '../../src/app/create-chronicle.js';
import { loadConfig } from '../../src/config.js';
import { createChronicleYoga } from '../../src/graphql/create-yoga.js';
import { ACCOUNT, DEPOSIT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { TEST_ACTOR, TEST_AUTH } from '../support/test-auth.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { type ThrowawayPostgres, createThrowawayPostgres } from '../support/throwaway-postgres.js';
import { type ThrowawayReplica, createThrowawayReplica, throwawayReplicaUnavailable } from '../support/throwaway-replica.js';
import { waitUntil } from './helpers/wait-until.js';

const cannot = throwawayReplicaUnavailable();
const ACCOUNT_NUMBER = 'REPLICA-1';
/** How long a query carrying a position waits for the replica before the primary answers it. */
const REPLICA_WAIT_MS = 2_000;

let primary: ThrowawayPostgres | undefined;
let replica: ThrowawayReplica | undefined;
let app: Chronicle | undefined;
let send: <Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  headers?: Record<string, string>,
) => Promise<{ position: string | null; result: ExecutionResult<Result> }>;

beforeAll(async () => {
  if (!concurrent || cannot) return;
  primary = await createThrowawayPostgres();
  replica = await createThrowawayReplica(primary);
  const config = {
    ...loadConfig({}),
    databaseUrl: primary.url,
    databaseReadUrls: [replica.url],
    replicaWaitMs: REPLICA_WAIT_MS,
    pollIntervalMs: 200,
    auth: TEST_AUTH,
  };
  app = await createChronicle(config, { logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }) });
  const yoga = createChronicleYoga(app, { graphiql: false, defaultActor: TEST_ACTOR });
  send = async (document, variables, headers = {}) => {
    const response = await yoga.fetch('http://chronicle.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return { position: response.headers.get('chronicle-position'), result: (await response.json()) as ExecutionResult<any> };
  };
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await replica?.destroy();
  await primary?.destroy();
});

async function balance(headers: Record<string, string> = {}): Promise<number | null | undefined> {
  const { result } = await send(ACCOUNT, { accountNumber: ACCOUNT_NUMBER }, headers);
  expect(result.errors).toBeUndefined();
  return result.data?.account?.balance;
}

async function deposit(amount: number): Promise<string> {
  const { position, result } = await send(DEPOSIT, { input: { accountNumber: ACCOUNT_NUMBER, amount } });
  expect(result.data?.deposit.__typename).toBe('Account');
  expect(position).toMatch(/^\d+$/);
  expect(result.extensions?.chronicle).toEqual({ position });
  return position!;
}

/**
 * Why a query read where it did: it carried a position, or it carried none and its actor had
 * written before; `plain` is either of the two ways a query without a position is counted (with
 * no replica answering, one is not looked up as its actor's own writes: the primary has them).
 */
type Consistency = 'min_position' | 'own_writes' | 'plain';

/** Queries counted by the database that answered them, and whether they carried a position. */
async function reads(database: 'replica' | 'primary', consistency: Consistency): Promise<number> {
  const { values } = await app!.metrics.queryReads.get();
  const counted = consistency === 'plain' ? ['any', 'own_writes'] : [consistency];
  return values
    .filter((value) => value.labels.database === database && counted.includes(String(value.labels.consistency)))
    .reduce((sum, value) => sum + value.value, 0);
}

/** Runs `read` and answers which database answered it, by the change in the counters. */
async function answeredBy<T>(consistency: Consistency, read: () => Promise<T>): Promise<{ value: T; by: string }> {
  const before = { replica: await reads('replica', consistency), primary: await reads('primary', consistency) };
  const value = await read();
  const replicaReads = (await reads('replica', consistency)) - before.replica;
  const primaryReads = (await reads('primary', consistency)) - before.primary;
  expect(replicaReads + primaryReads).toBe(1);
  return { value, by: replicaReads === 1 ? 'replica' : 'primary' };
}

const skip = !concurrent || cannot !== undefined;
const why = cannot ? `(skipped: ${cannot})` : NEEDS_CONCURRENCY;

describe(`queries on a streaming replica that lags by seconds ${why}`, () => {
  let first: string;
  let second: string;

  it.skipIf(skip)('a query carrying a mutation position reads the replica once it has replayed the projection of that write', async () => {
    const opened = await send(OPEN_ACCOUNT, { input: { accountNumber: ACCOUNT_NUMBER, holder: 'Replica' } });
    expect(opened.result.data?.openAccount.__typename).toBe('Account');
    first = await deposit(100);
    const read = await answeredBy('min_position', () => balance({ 'chronicle-min-position': first }));
    expect(read).toEqual({ value: 100, by: 'replica' });
  });

  it.skipIf(skip)(
    'while its replay is paused, the depositor’s plain query still sees the latest deposit: the primary answers it once the replica has not caught up in time',
    async () => {
      await replica!.pauseReplay();
      second = await deposit(50);
      expect(Number(second)).toBeGreaterThan(Number(first));
      const started = Date.now();
      expect(await answeredBy('own_writes', () => balance())).toEqual({ value: 150, by: 'primary' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(REPLICA_WAIT_MS);
    },
  );

  it.skipIf(skip)('a query carrying an earlier position the lagging replica has replayed is still answered by the replica', async () => {
    const started = Date.now();
    expect(await answeredBy('min_position', () => balance({ 'chronicle-min-position': first }))).toEqual({ value: 100, by: 'replica' });
    expect(Date.now() - started).toBeLessThan(REPLICA_WAIT_MS);
  });

  it.skipIf(skip)(
    'a query carrying the latest position is never stale: the primary answers it once the replica has not caught up in time',
    async () => {
      const started = Date.now();
      expect(await answeredBy('min_position', () => balance({ 'chronicle-min-position': second }))).toEqual({ value: 150, by: 'primary' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(REPLICA_WAIT_MS);
    },
  );

  it.skipIf(skip)('a query carrying the latest position waits for the replica, and reads it once its replay resumes', async () => {
    const read = answeredBy('min_position', () => balance({ 'chronicle-min-position': second }));
    await replica!.resumeReplay();
    expect(await read).toEqual({ value: 150, by: 'replica' });
    await replica!.caughtUp();
    expect(await answeredBy('own_writes', () => balance())).toEqual({ value: 150, by: 'replica' });
  });

  it.skipIf(skip)('a replica that stops answering is left out: queries go to the primary until it is back', async () => {
    await replica!.stop();
    const third = await deposit(5);
    // The first plain queries may still be sent to it and fail, until a failure or the probe marks it down.
    await waitUntil(async () => (await answeredBy('plain', () => balance())).by === 'primary', {
      what: 'the primary answers plain queries',
    });
    expect(await answeredBy('plain', () => balance())).toEqual({ value: 155, by: 'primary' });
    expect(await answeredBy('min_position', () => balance({ 'chronicle-min-position': third }))).toEqual({ value: 155, by: 'primary' });
    await replica!.start();
    await replica!.caughtUp();
    await waitUntil(async () => (await answeredBy('own_writes', () => balance())).by === 'replica', { what: 'the replica answers again' });
    expect(await answeredBy('min_position', () => balance({ 'chronicle-min-position': third }))).toEqual({ value: 155, by: 'replica' });
  });
});
