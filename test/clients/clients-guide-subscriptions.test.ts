import type { Client as UrqlClient } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { tokenFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createWsClient } from './guide/graphql-ws-client.js';
import { balanceUpdates } from './guide/resume.js';
import { createSseClient } from './guide/sse-client.js';
import { createUrqlClient } from './guide/urql-client.js';

// docs/clients.md, "Subscriptions" and "Resuming after a disconnect": graphql-ws and graphql-sse as the guide
// configures them, against a real server.

const BALANCE_UPDATED = `
  subscription GuideBalanceUpdated($accountNumber: String!, $after: String) {
    balanceUpdated(accountNumber: $accountNumber, after: $after) { balance delta position }
  }
`;

interface BalanceUpdate {
  balance: number;
  delta: number;
  position: string;
}

let server: TestServer;
let token: string;
let urql: UrqlClient;

beforeAll(async () => {
  server = await startTestServer(await createTestApp({ actor: null }));
  token = await tokenFor(userActor('ada'));
  urql = createUrqlClient(server.url, token);
});
afterAll(() => server.close());

/** A new account of Ada's, with a deposit of each of `amounts` made in turn. */
async function accountWithDeposits(...amounts: number[]): Promise<string> {
  const accountNumber = `GUIDE-${crypto.randomUUID().slice(0, 8)}`;
  const opened = await urql.mutation('mutation ($n: String!) { openAccount(input: { accountNumber: $n, holder: "Ada" }) { __typename } }', {
    n: accountNumber,
  });
  expect(opened.data?.openAccount.__typename).toBe('Account');
  for (const amount of amounts) await deposit(accountNumber, amount);
  return accountNumber;
}

async function deposit(accountNumber: string, amount: number): Promise<void> {
  const result = await urql.mutation(
    'mutation ($n: String!, $a: SafeInt!) { deposit(input: { accountNumber: $n, amount: $a }) { __typename } }',
    {
      n: accountNumber,
      a: amount,
    },
  );
  expect(result.data?.deposit.__typename).toBe('Account');
}

/** Takes `count` results from `results`, then leaves it (which ends the subscription). */
async function take<T>(results: AsyncIterable<T>, count: number, onEach: (taken: number) => Promise<void> = async () => {}): Promise<T[]> {
  const taken: T[] = [];
  for await (const result of results) {
    taken.push(result);
    await onEach(taken.length);
    if (taken.length === count) break;
  }
  return taken;
}

describe('graphql-ws', () => {
  it('replays from a position, then goes live, with the token in the connection params', async () => {
    const accountNumber = await accountWithDeposits(100);
    const client = createWsClient(server.wsUrl, token);
    try {
      const results = client.iterate<{ balanceUpdated: BalanceUpdate }>({
        query: BALANCE_UPDATED,
        variables: { accountNumber, after: '0' },
      });
      // The first update is the replayed deposit; the second is made once it has arrived, so it comes live.
      const updates = await take(results, 2, async (taken) => (taken === 1 ? deposit(accountNumber, 250) : undefined));
      expect(updates.map(({ data }) => [data?.balanceUpdated.delta, data?.balanceUpdated.balance])).toEqual([
        [100, 100],
        [250, 350],
      ]);
    } finally {
      await client.dispose();
    }
  });
});

describe('graphql-sse (distinct connections mode)', () => {
  it('replays from a position, then goes live, over server-sent events at the GraphQL endpoint', async () => {
    const accountNumber = await accountWithDeposits(100);
    const client = createSseClient(server.url, token);
    try {
      const results = client.iterate<{ balanceUpdated: BalanceUpdate }>({
        query: BALANCE_UPDATED,
        variables: { accountNumber, after: '0' },
      });
      const updates = await take(results, 2, async (taken) => (taken === 1 ? deposit(accountNumber, 250) : undefined));
      expect(updates.map(({ data }) => [data?.balanceUpdated.delta, data?.balanceUpdated.balance])).toEqual([
        [100, 100],
        [250, 350],
      ]);
    } finally {
      client.dispose();
    }
  });
});

describe('resuming after a disconnect', () => {
  it('subscribes again after the last position seen: what happened while disconnected arrives once, in order', async () => {
    const accountNumber = await accountWithDeposits(100);
    const client = createWsClient(server.wsUrl, token);
    let connections = 0;
    client.on('connected', () => connections++);
    try {
      const updates = balanceUpdates(client, accountNumber, '0', 10);
      const first = await updates.next();
      expect(first.value).toMatchObject({ delta: 100, balance: 100 });
      client.terminate(); // the connection drops (4499)
      // Committed while no subscription is open: the resumed subscription must replay it.
      await deposit(accountNumber, 20);
      await deposit(accountNumber, 3);
      const missed = [await updates.next(), await updates.next()];
      expect(missed.map(({ value }) => value)).toMatchObject([
        { delta: 20, balance: 120 },
        { delta: 3, balance: 123 },
      ]);
      await deposit(accountNumber, 4000); // live again
      const live = await updates.next();
      expect(live.value).toMatchObject({ delta: 4000, balance: 4123 });
      const positions = [first, ...missed, live].map(({ value }) => Number((value as BalanceUpdate).position));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(4);
      expect(connections).toBe(2);
      await updates.return(undefined);
    } finally {
      await client.dispose();
    }
  });
});
