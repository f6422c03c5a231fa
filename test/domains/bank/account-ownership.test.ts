import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { GraphQLWsConnection } from '../../graphql/helpers/graphql-ws-connection.js';
import { sseSubscription } from '../../graphql/helpers/sse.js';
import { graphql } from '../../gql/index.js';
import { actingAs, refusalCode } from '../../support/acting-as.js';
import { expectTypename } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { authorizationFor, userActor } from '../../support/test-auth.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

// Database tier: defects 2 (transfers), 3 and 4 of issue 11, with real tokens and a real server.
const alice = userActor('alice');
const bob = userActor('bob');
const carol = userActor('carol');

let t: TestApp;
let server: TestServer;
let as: ReturnType<typeof actingAs>;
beforeAll(async () => {
  t = await createTestApp({ actor: null });
  server = await startTestServer(t);
  as = actingAs(t);
});
afterAll(() => server.close());

const OPEN = graphql(`mutation AccountOwnershipOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }`);
const DEPOSIT = graphql(`mutation AccountOwnershipDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }`);
const WITHDRAW = graphql(`mutation AccountOwnershipWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }`);
const TRANSFER = graphql(
  `mutation AccountOwnershipTransfer($input: TransferInput!) { transfer(input: $input) { __typename ... on Transfer { id } } }`,
);
const READ_TRANSFER = graphql(`query AccountOwnershipReadTransfer($id: ID!) { transfer(id: $id) { amount status } }`);
const BALANCE_UPDATED = parse(`subscription($accountNumber: String!) { balanceUpdated(accountNumber: $accountNumber) { balance delta } }`);

let counter = 0;
const newAccountNumber = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

async function open(actor: typeof alice, accountNumber: string, balance = 0) {
  expect((await as(actor, OPEN, { input: { accountNumber, holder: actor.subject } })).data?.openAccount.__typename).toBe('Account');
  if (balance > 0)
    expect((await as(actor, DEPOSIT, { input: { accountNumber, amount: balance } })).data?.deposit.__typename).toBe('Account');
}

/** Carol opens the account, deposits 777 and withdraws 77: what a stranger subscribed beforehand must not see. */
async function carolsActivity(accountNumber: string) {
  await open(carol, accountNumber, 777);
  expect((await as(carol, WITHDRAW, { input: { accountNumber, amount: 77 } })).data?.withdraw.__typename).toBe('Account');
}

describe('a transfer is seen by the owners of its two accounts (defect 2)', () => {
  it('a third user cannot read it', async () => {
    const [from, to] = [newAccountNumber('A'), newAccountNumber('B')];
    await open(alice, from, 100);
    await open(bob, to);
    const { data } = await as(alice, TRANSFER, { input: { from, to, amount: 5 } });
    await t.settle();
    const { id } = expectTypename(data?.transfer, 'Transfer');
    for (const actor of [alice, bob])
      expect((await as(actor, READ_TRANSFER, { id })).data?.transfer).toEqual({ amount: 5, status: 'COMPLETED' });
    const stranger = await as(carol, READ_TRANSFER, { id });
    expect(refusalCode(stranger)).toBe('FORBIDDEN');
    expect(stranger.data?.transfer ?? null).toBeNull();
  });
});

describe('subscribing to an account before it exists (defect 3)', () => {
  it('over graphql-ws: refused, and nothing of the account arrives later', async () => {
    const accountNumber = newAccountNumber('CAROL');
    const socket = await GraphQLWsConnection.open(server.wsUrl, await authorizationFor(bob));
    try {
      socket.subscribe('s', BALANCE_UPDATED, { accountNumber });
      const first = await socket.waitFor((message) => message.id === 's');
      expect(JSON.stringify(first.payload)).toContain('FORBIDDEN');
      await carolsActivity(accountNumber);
      await t.settle();
      // A probe on the same socket proves every earlier message has arrived: none carried her balance.
      socket.subscribe('probe', parse('subscription { richestChanged(first: 1) { accountId } }'));
      await socket.waitFor((message) => message.id === 'probe');
      expect(socket.of('s').filter((message) => message.type === 'next' && (message.payload as any)?.data)).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('over server-sent events: refused, and the stream ends', async () => {
    const accountNumber = newAccountNumber('CAROL');
    const events = [];
    for await (const event of sseSubscription(server.url, BALANCE_UPDATED, { accountNumber }, undefined, await authorizationFor(bob))) {
      events.push(event);
    }
    expect(events.some((event) => event.data.includes('FORBIDDEN'))).toBe(true);
    expect(events.filter((event) => event.data.includes('"balance"'))).toEqual([]);
    await carolsActivity(accountNumber);
  });
});

describe('closing an account as it is opened (defect 4)', () => {
  it('another user never closes it, however the commands interleave', async () => {
    for (let round = 0; round < 25; round++) {
      const accountNumber = newAccountNumber('X');
      const close = () =>
        t.app.router.dispatch({ type: 'CloseAccount', accountNumber }, { actor: bob }).then(
          () => 'closed',
          (error: { code?: string }) => error.code,
        );
      // Bob's closes race Alice's open: some are decided before it, some queue behind it on the stream.
      const opened = t.app.router.dispatch({ type: 'OpenAccount', accountNumber, holder: 'alice' }, { actor: alice });
      const outcomes = await Promise.all([
        ...Array.from({ length: 8 }, close),
        opened.then(() => 'opened'),
        ...Array.from({ length: 8 }, close),
      ]);
      expect(outcomes).not.toContain('closed');
      expect(outcomes.filter((outcome) => outcome !== 'opened').every((code) => code === 'ACCOUNT_NOT_FOUND' || code === 'FORBIDDEN')).toBe(
        true,
      );
      const events = await t.app.store.readStream(`account-${accountNumber}`);
      expect(events.map((event) => [event.type, event.metadata.actor])).toEqual([['AccountOpened', 'alice']]);
    }
  });
});
