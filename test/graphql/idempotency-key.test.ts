import { print } from 'graphql';
import { parsePrometheusText, sampleValue } from '../../bench/load/prometheus-text.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import { createChronicle } from '../../src/app/create-chronicle.js';
import { loadConfig } from '../../src/config.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { createChronicleYoga, type ChronicleYoga } from '../../src/graphql/create-yoga.js';
import { IDEMPOTENCY_KEY_MAX_LENGTH } from '../../src/graphql/idempotency/idempotency-key.js';
import { ACCOUNT, DEPOSIT, OPEN_ACCOUNT, TRANSFER, WITHDRAW } from '../domains/bank/bank-operations.js';
import { BLOCK_PRODUCT, COMPLETE_ORDER, UNBLOCK_PRODUCT } from '../domains/orders/order-operations.js';
import { createOrder } from '../domains/orders/order-fixtures.js';
import { graphql } from '../gql/index.js';
import { expectTypename } from '../support/graphql-results.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { authorizationFor, TEST_ACTOR, TEST_AUTH, userActor } from '../support/test-auth.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { GraphQLWsConnection } from './helpers/graphql-ws-connection.js';
import { postGraphQL } from './helpers/post-graphql.js';

let t: TestApp;
let server: TestServer;
beforeAll(async () => {
  t = await createTestApp();
  server = await startTestServer(t);
});
// Draining the server also stops the test app.
afterAll(() => server.close());

/** Two deposits in one request: two commands under one key. */
const DEPOSIT_TWICE = graphql(`
  mutation Twice($input: DepositInput!) {
    first: deposit(input: $input) { __typename ... on Account { balance } }
    second: deposit(input: $input) { __typename ... on Account { balance } }
  }
`);

/** A deposit that anyone signed in may send: it reads back no balance, which only the owner may see. */
const DEPOSIT_WITHOUT_BALANCE = graphql(`
  mutation DepositWithoutBalance($input: DepositInput!) { deposit(input: $input) { __typename ... on Account { accountNumber } } }
`);

const newKey = () => crypto.randomUUID();
const withKey = (key: string, headers: Record<string, string> = {}) => ({ 'idempotency-key': key, ...headers });
let counter = 0;
const newAccountNumber = () => `IDEM-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

async function open(headers: Record<string, string> = {}) {
  const accountNumber = newAccountNumber();
  const { data } = await t.graphql(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Ada' } }, headers);
  expect(data!.openAccount.__typename).toBe('Account');
  return accountNumber;
}

/** The types of the events stored in an account's stream, in order. */
async function accountEvents(accountNumber: string): Promise<string[]> {
  return (await t.app.store.readStream(`account-${accountNumber}`)).map((event) => event.type);
}

const balanceOf = async (accountNumber: string) => (await t.graphql(ACCOUNT, { accountNumber })).data!.account!.balance;

describe('the Idempotency-Key header', () => {
  it('runs a mutation sent twice with one key once, and answers the same', async () => {
    const accountNumber = await open();
    const key = newKey();
    const first = await t.graphql(DEPOSIT, { input: { accountNumber, amount: 500 } }, withKey(key));
    expect(first.data!.deposit).toMatchObject({ __typename: 'Account', balance: 500, version: 2 });
    const head = await t.app.store.head();

    const deposits = async (outcome: string) =>
      sampleValue(parsePrometheusText(await t.app.metrics.render()), 'chronicle_commands_total', { type: 'Deposit', outcome }) ?? 0;
    const [accepted, replayed] = [await deposits('accepted'), await deposits('replayed')];
    const again = await t.graphql(DEPOSIT, { input: { accountNumber, amount: 500 } }, withKey(key));
    expect(again).toEqual(first);
    expect(await t.app.store.head()).toBe(head);
    expect(await accountEvents(accountNumber)).toEqual(['AccountOpened', 'MoneyDeposited']);
    // The retry is counted as what it was.
    expect([await deposits('accepted'), await deposits('replayed')]).toEqual([accepted, replayed + 1]);
  });

  it('without a key, each request is a command of its own, as before', async () => {
    const accountNumber = await open();
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 500 } });
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 500 } });
    expect(await balanceOf(accountNumber)).toBe(1_000);
  });

  it('appends once when the first answer was lost after the command committed and the client retries', async () => {
    const accountNumber = await open();
    await t.settle();
    const key = newKey();
    const body = JSON.stringify({ query: print(DEPOSIT), variables: { input: { accountNumber, amount: 700 } } });
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...withKey(key) };

    // The connection drops the moment the deposit is committed, before any answer can reach the client.
    const lost = new AbortController();
    const stopWatching = t.app.store.onCommitted(() => lost.abort());
    try {
      await expect(fetch(server.url, { method: 'POST', headers, body, signal: lost.signal })).rejects.toThrow();
    } finally {
      stopWatching();
    }
    expect(await accountEvents(accountNumber)).toEqual(['AccountOpened', 'MoneyDeposited']);

    const retried = await postGraphQL(server.url, DEPOSIT, { input: { accountNumber, amount: 700 } }, withKey(key));
    expect(retried.response.status).toBe(200);
    expect(retried.result.data!.deposit).toMatchObject({ __typename: 'Account', balance: 700, version: 2 });
    expect(await accountEvents(accountNumber)).toEqual(['AccountOpened', 'MoneyDeposited']);
  });

  it('answers a refused command sent again with the same typed error, even once it would succeed', async () => {
    const accountNumber = await open();
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 100 } });
    const key = newKey();
    const first = await t.graphql(WITHDRAW, { input: { accountNumber, amount: 500 } }, withKey(key));
    expect(first.data!.withdraw).toMatchObject({ __typename: 'InsufficientFundsError', code: 'INSUFFICIENT_FUNDS' });

    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 1_000 } });
    const head = await t.app.store.head();
    const again = await t.graphql(WITHDRAW, { input: { accountNumber, amount: 500 } }, withKey(key));
    expect(again).toEqual(first);
    expect(await t.app.store.head()).toBe(head);
    expect(await balanceOf(accountNumber)).toBe(1_100);

    // A new key is a new attempt.
    const fresh = await t.graphql(WITHDRAW, { input: { accountNumber, amount: 500 } }, withKey(newKey()));
    expect(fresh.data!.withdraw).toMatchObject({ __typename: 'Account', balance: 600 });
  });

  it('replays a refusal with its data (the blocked products of an order)', async () => {
    const order = await createOrder(t);
    const blocked = order.items[0]!.productId;
    await t.graphql(BLOCK_PRODUCT, { productId: blocked });
    const key = newKey();
    const first = await t.graphql(COMPLETE_ORDER, { id: order.id }, withKey(key));
    expect(first.data!.completeOrder).toMatchObject({ __typename: 'OrderHasBlockedProductsError', productIds: [blocked] });

    await t.graphql(UNBLOCK_PRODUCT, { productId: blocked });
    await t.settle();
    const head = await t.app.store.head();
    const again = await t.graphql(COMPLETE_ORDER, { id: order.id }, withKey(key));
    expect(again).toEqual(first);
    expect(await t.app.store.head()).toBe(head);
  });

  it('runs the same key with other arguments as another command', async () => {
    const accountNumber = await open();
    const key = newKey();
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 100 } }, withKey(key));
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 200 } }, withKey(key));
    expect(await balanceOf(accountNumber)).toBe(300);
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 100 } }, withKey(key));
    expect(await accountEvents(accountNumber)).toEqual(['AccountOpened', 'MoneyDeposited', 'MoneyDeposited']);
  });

  it('runs two mutations of one request under one key as two commands, and neither again when it is sent again', async () => {
    const accountNumber = await open();
    const key = newKey();
    const sent = await t.graphql(DEPOSIT_TWICE, { input: { accountNumber, amount: 100 } }, withKey(key));
    expect(sent.data).toEqual({ first: { __typename: 'Account', balance: 100 }, second: { __typename: 'Account', balance: 200 } });

    const head = await t.app.store.head();
    const again = await t.graphql(DEPOSIT_TWICE, { input: { accountNumber, amount: 100 } }, withKey(key));
    // A replayed success reads what it returns as it is now.
    expect(again.data).toEqual({ first: { __typename: 'Account', balance: 200 }, second: { __typename: 'Account', balance: 200 } });
    expect(await t.app.store.head()).toBe(head);
  });

  it('keeps one actor’s key apart from another’s: the same key and arguments run once for each', async () => {
    const alice = await authorizationFor(userActor('alice'));
    const bob = await authorizationFor(userActor('bob'));
    const accountNumber = await open(alice);
    // Anyone signed in may deposit; only the owner reads the balance.
    const key = newKey();
    for (const actor of [alice, bob, alice, bob]) {
      const { data, errors } = await t.graphql(DEPOSIT_WITHOUT_BALANCE, { input: { accountNumber, amount: 100 } }, withKey(key, actor));
      expect(errors).toBeUndefined();
      expect(data!.deposit).toEqual({ __typename: 'Account', accountNumber });
    }
    expect(await accountEvents(accountNumber)).toEqual(['AccountOpened', 'MoneyDeposited', 'MoneyDeposited']);
  });

  it('starts one transfer when a transfer is sent again with its key', async () => {
    const from = await open();
    const to = await open();
    await t.graphql(DEPOSIT, { input: { accountNumber: from, amount: 1_000 } });
    const key = newKey();
    const first = await t.graphql(TRANSFER, { input: { from, to, amount: 300 } }, withKey(key));
    expect(first.data!.transfer).toMatchObject({ __typename: 'Transfer', status: 'PENDING' });
    const again = await t.graphql(TRANSFER, { input: { from, to, amount: 300 } }, withKey(key));
    expect(expectTypename(again.data!.transfer, 'Transfer').id).toBe(expectTypename(first.data!.transfer, 'Transfer').id);

    await t.settle();
    expect(await balanceOf(from)).toBe(700);
    expect(await balanceOf(to)).toBe(300);
    const requested = await t.app.store.readAll({ types: ['TransferRequested'], limit: 100_000 });
    expect(requested.filter((event) => (event.data as { fromAccountNumber: string }).fromAccountNumber === from)).toHaveLength(1);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'not a key'],
    ['not ASCII', 'clé-1'],
    ['two values', 'a, b'],
    ['too long', 'k'.repeat(IDEMPOTENCY_KEY_MAX_LENGTH + 1)],
  ])('refuses a key that is %s with a 400 INVALID_IDEMPOTENCY_KEY and runs nothing', async (_name, key) => {
    const accountNumber = await open();
    const head = await t.app.store.head();
    const { response, result } = await postGraphQL(server.url, DEPOSIT, { input: { accountNumber, amount: 100 } }, withKey(key));
    expect(response.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toMatchObject([{ extensions: { code: 'INVALID_IDEMPOTENCY_KEY' } }]);
    expect(result.errors![0]!.message).toMatch(/1 to 255 letters, digits/);
    expect(await t.app.store.head()).toBe(head);
  });

  it('accepts a key of the longest length', async () => {
    const accountNumber = await open();
    const { response, result } = await postGraphQL(
      server.url,
      DEPOSIT,
      { input: { accountNumber, amount: 100 } },
      withKey(`${'k'.repeat(IDEMPOTENCY_KEY_MAX_LENGTH - 4)}-_.:`),
    );
    expect(response.status).toBe(200);
    expect(result.data!.deposit).toMatchObject({ __typename: 'Account', balance: 100 });
  });
});

describe('extensions.idempotencyKey over graphql-ws', () => {
  it('runs a mutation sent twice with one key once; refuses an invalid key', async () => {
    const accountNumber = await open();
    const connection = await GraphQLWsConnection.open(server.wsUrl, await authorizationFor(TEST_ACTOR));
    const key = newKey();
    const send = async (id: string, idempotencyKey: unknown) => {
      connection.send({
        id,
        type: 'subscribe',
        payload: { query: print(DEPOSIT), variables: { input: { accountNumber, amount: 250 } }, extensions: { idempotencyKey } },
      });
      return connection.waitFor((message) => message.id === id && (message.type === 'next' || message.type === 'error'));
    };
    try {
      const first = await send('1', key);
      expect(first.payload.data.deposit).toMatchObject({ __typename: 'Account', balance: 250, version: 2 });
      const again = await send('2', key);
      expect(again.payload).toEqual(first.payload);

      const invalid = await send('3', 'not a key');
      expect(invalid).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'INVALID_IDEMPOTENCY_KEY' } }] });
    } finally {
      connection.close();
    }
    expect(await accountEvents(accountNumber)).toEqual(['AccountOpened', 'MoneyDeposited']);
  });
});

describe('two instances racing one key', () => {
  let other: Chronicle | undefined;
  let otherYoga: ChronicleYoga | undefined;
  beforeAll(async () => {
    if (!concurrent) return;
    // A second instance on the same database, with its own pool, router and cache (it stands by for the runtimes).
    other = await createChronicle(
      { ...loadConfig({}), pollIntervalMs: 200, auth: TEST_AUTH },
      { database: createPostgresDatabase({ connectionString: t.database.url!, poolSize: 5 }), logger: pino({ level: 'silent' }) },
    );
    otherYoga = createChronicleYoga(other, { graphiql: false, defaultActor: TEST_ACTOR });
  });
  afterAll(() => other?.stop());

  async function depositOnOther(accountNumber: string, amount: number, key: string) {
    const response = await otherYoga!.fetch('http://chronicle.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...withKey(key) },
      body: JSON.stringify({ query: print(DEPOSIT), variables: { input: { accountNumber, amount } } }),
    });
    return (await response.json()) as { data?: any; errors?: unknown };
  }

  it.skipIf(!concurrent)(`appends the command once when both instances get it at the same time ${NEEDS_CONCURRENCY}`, async () => {
    const accountNumber = await open();
    const rounds = 10;
    for (let round = 0; round < rounds; round++) {
      const key = newKey();
      const answers = await Promise.all([
        t.graphql(DEPOSIT, { input: { accountNumber, amount: 100 } }, withKey(key)),
        depositOnOther(accountNumber, 100, key),
      ]);
      for (const { data, errors } of answers) {
        expect(errors).toBeUndefined();
        expect(data.deposit.__typename).toBe('Account');
      }
    }
    expect(await accountEvents(accountNumber)).toEqual(['AccountOpened', ...Array<string>(rounds).fill('MoneyDeposited')]);
    expect(await balanceOf(accountNumber)).toBe(rounds * 100);
  });
});
