import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROLE } from '../../src/auth/admin-role.js';
import { operationAccess } from '../../src/graphql/access-table.js';
import { schema } from '../../src/app/schema.js';
import { Forbidden } from '../../src/auth/auth-errors.js';
import type { Actor } from '../../src/es/actor.js';
import { GraphQLWsConnection } from '../graphql/helpers/graphql-ws-connection.js';
import { expectTypename, firstField } from '../support/graphql-results.js';
import { actingAs } from '../support/acting-as.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminActor, authorizationFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import {
  ACTOR_OF_EVENTS,
  APPLY_FEE,
  BALANCE,
  BALANCE_UPDATES,
  CLOSE,
  DEPOSIT_NUMBER_ONLY,
  DEPOSIT_SHOWING_BALANCE,
  EVENT_LOG,
  OPEN,
  PROJECTIONS,
  TRANSFER,
  WITHDRAW,
} from './auth-operations.js';

const ada = userActor('ada');
const bob = userActor('bob');
const root = adminActor('root');

let t: TestApp;
let server: TestServer;
/** Runs a document as an actor (anonymous when undefined). */
let as: ReturnType<typeof actingAs>;
beforeAll(async () => {
  // No default actor: a request without a token is anonymous, as in production.
  t = await createTestApp({ actor: null });
  server = await startTestServer(t);
  as = actingAs(t);
});
afterAll(() => server.close());

/** A mutation `actor` may not run: answered with the error result `code`, and the log does not move. */
async function refused<R extends object, V>(
  actor: Actor | undefined,
  document: TypedDocumentNode<R, V>,
  variables: NoInfer<V>,
  code: 'FORBIDDEN' | 'UNAUTHENTICATED',
) {
  // An earlier test's transfer may still be under way in the process manager: only this refusal is measured.
  await t.settle();
  const head = await t.app.store.head();
  const { data, errors } = await as(actor, document, variables);
  expect(errors).toBeUndefined();
  const result = firstField(data);
  expect(result).toMatchObject({ __typename: code === 'FORBIDDEN' ? 'ForbiddenError' : 'UnauthenticatedError', code });
  expect(await t.app.store.head()).toBe(head);
  return result;
}

/** Who may run each operation, as the schema's own rules say. */
function ruleOf(): Map<string, string> {
  return new Map(operationAccess(schema, t.app.router).map((row) => [row.operation, row.allows]));
}

let counter = 0;
async function accountOf(owner: Actor, balance = 0): Promise<string> {
  const accountNumber = `AUTH-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const opened = await as(owner, OPEN, { input: { accountNumber, holder: owner.subject } });
  expect(opened.data!.openAccount.__typename).toBe('Account');
  if (balance > 0)
    expect((await as(owner, DEPOSIT_NUMBER_ONLY, { input: { accountNumber, amount: balance } })).data!.deposit.__typename).toBe('Account');
  return accountNumber;
}

describe('a bank account belongs to whoever opened it', () => {
  it('only its owner withdraws from it', async () => {
    const account = await accountOf(ada, 100);
    const refusal = await refused(bob, WITHDRAW, { input: { accountNumber: account, amount: 10 } }, 'FORBIDDEN');
    expect(expectTypename(refusal, 'ForbiddenError').message).toContain(account);
    expect((await as(ada, WITHDRAW, { input: { accountNumber: account, amount: 10 } })).data!.withdraw).toEqual({
      __typename: 'Account',
      balance: 90,
    });
  });

  it('only its owner transfers from it', async () => {
    const [from, to] = [await accountOf(ada, 100), await accountOf(bob)];
    await refused(bob, TRANSFER, { input: { from, to, amount: 5 } }, 'FORBIDDEN');
    await refused(root, TRANSFER, { input: { from, to, amount: 5 } }, 'FORBIDDEN');
    expect((await as(ada, TRANSFER, { input: { from, to, amount: 5 } })).data!.transfer.__typename).toBe('Transfer');
  });

  it('only its owner closes it', async () => {
    const account = await accountOf(ada);
    await refused(bob, CLOSE, { accountNumber: account }, 'FORBIDDEN');
    expect((await as(ada, CLOSE, { accountNumber: account })).data!.closeAccount).toEqual({ __typename: 'Account', status: 'CLOSED' });
  });

  it('only its owner reads its balance', async () => {
    const account = await accountOf(ada, 42);
    expect((await as(ada, BALANCE, { accountNumber: account })).data!.account).toEqual({ accountNumber: account, balance: 42 });
    for (const [actor, code] of [
      [bob, 'FORBIDDEN'],
      [root, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const { data, errors } = await as(actor, BALANCE, { accountNumber: account });
      expect(data?.account ?? null).toBeNull();
      expect(errors?.map((error) => error.extensions?.code)).toEqual([code]);
    }
  });

  it('anyone signed in deposits into it, but sees no more of it than its number', async () => {
    const account = await accountOf(ada, 10);
    const head = await t.app.store.head();
    expect((await as(bob, DEPOSIT_NUMBER_ONLY, { input: { accountNumber: account, amount: 5 } })).data!.deposit).toEqual({
      __typename: 'Account',
      accountNumber: account,
    });
    expect(await t.app.store.head()).toBe(head + 1);

    const asked = await as(bob, DEPOSIT_SHOWING_BALANCE, { input: { accountNumber: account, amount: 1 } });
    expect(asked.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([['deposit.balance', 'FORBIDDEN']]);
    expect((await as(ada, BALANCE, { accountNumber: account })).data!.account!.balance).toBe(16);
  });

  it('nobody signed out deposits', async () => {
    const account = await accountOf(ada);
    await refused(undefined, DEPOSIT_NUMBER_ONLY, { input: { accountNumber: account, amount: 5 } }, 'UNAUTHENTICATED');
    await refused(undefined, OPEN, { input: { accountNumber: `${account}-X`, holder: 'Nobody' } }, 'UNAUTHENTICATED');
  });

  it('only its owner subscribes to its balance, over a WebSocket authenticated by its connection params', async () => {
    const account = await accountOf(ada);
    const owner = await GraphQLWsConnection.open(server.wsUrl, await authorizationFor(ada));
    const stranger = await GraphQLWsConnection.open(server.wsUrl, await authorizationFor(bob));
    const anonymous = await GraphQLWsConnection.open(server.wsUrl);
    try {
      stranger.subscribe('s', BALANCE_UPDATES, { accountNumber: account });
      anonymous.subscribe('s', BALANCE_UPDATES, { accountNumber: account });
      const [forbidden, unauthenticated] = await Promise.all([
        stranger.waitFor((message) => message.id === 's' && message.type !== 'complete'),
        anonymous.waitFor((message) => message.id === 's' && message.type !== 'complete'),
      ]);
      expect(forbidden.payload.errors?.[0]?.extensions?.code ?? forbidden.payload[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(unauthenticated.payload.errors?.[0]?.extensions?.code ?? unauthenticated.payload[0]?.extensions?.code).toBe('UNAUTHENTICATED');

      owner.subscribe('s', BALANCE_UPDATES, { accountNumber: account });
      // The subscription is live once a deposit made after it started arrives.
      let amount = 0;
      const arrived = owner.waitFor((message) => message.id === 's' && message.type === 'next');
      while (owner.of('s').length === 0) {
        await as(ada, DEPOSIT_NUMBER_ONLY, { input: { accountNumber: account, amount: ++amount } });
        await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 50))]);
      }
      expect((await arrived).payload.data.balanceUpdated.delta).toBeGreaterThan(0);
    } finally {
      owner.close();
      stranger.close();
      anonymous.close();
    }
  });
});

describe('admin operations', () => {
  it('only an admin applies fees (and, not being the owner, sees the account number only)', async () => {
    const account = await accountOf(ada, 100);
    await refused(ada, APPLY_FEE, { input: { accountNumber: account, amount: 3 } }, 'FORBIDDEN');
    await refused(undefined, APPLY_FEE, { input: { accountNumber: account, amount: 3 } }, 'UNAUTHENTICATED');
    expect((await as(root, APPLY_FEE, { input: { accountNumber: account, amount: 3 } })).data!.applyFee).toEqual({
      __typename: 'Account',
      accountNumber: account,
    });
    expect((await as(ada, BALANCE, { accountNumber: account })).data!.account!.balance).toBe(97);
  });

  it('the admin operations of every slice are for admins', () => {
    const rules = ruleOf();
    for (const operation of [
      'applyFee',
      'blockProduct',
      'unblockProduct',
      'hostChallenge',
      'startChallenge',
      'endChallenge',
      'completeWeek',
    ]) {
      expect(rules.get(`Mutation.${operation}`)).toMatch(new RegExp(`^\\w+: actors with the ${ADMIN_ROLE} role$`));
    }
  });
});

describe('reading the log and public data', () => {
  it('the event browser is for admins only', async () => {
    expect((await as(undefined, EVENT_LOG)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await as(ada, EVENT_LOG)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await as(root, EVENT_LOG)).errors).toBeUndefined();
  });

  it('public data needs no token: runtime status, and challenges, leaderboards and arena scores once they exist', async () => {
    const { data, errors } = await as(undefined, PROJECTIONS);
    expect(errors).toBeUndefined();
    expect(data!.projections.length).toBeGreaterThan(0);
    const rules = ruleOf();
    for (const operation of ['Query.challenges', 'Query.challenge', 'Subscription.leaderboardChanged', 'Query.arena']) {
      expect(rules.get(operation)).toBe('everyone');
    }
  });
});

describe('actors on events', () => {
  it('every event records who caused it; the transfer process acts as the system', async () => {
    const [from, to] = [await accountOf(ada, 50), await accountOf(bob)];
    const { data } = await as(ada, TRANSFER, { input: { from, to, amount: 20 } });
    await t.settle();
    const [requested] = await t.app.store.readStream(`transfer-${expectTypename(data!.transfer, 'Transfer').id}`);
    const chain = await as(root, ACTOR_OF_EVENTS, { correlationId: requested!.metadata.correlationId });
    // `custom` is a JSON scalar: its shape is the event store's, not the schema's.
    const actors = chain.data!.events.edges.map(({ node }) => [
      node.type,
      node.metadata.actor,
      (node.metadata.custom as { actorRoles?: unknown }).actorRoles,
    ]);
    expect(actors).toEqual([
      ['TransferRequested', 'ada', []],
      ['TransferDebited', 'system:bank-transfer-process', ['system']],
      ['TransferCredited', 'system:bank-transfer-process', ['system']],
      ['TransferCompleted', 'system:bank-transfer-process', ['system']],
    ]);
  });

  it('the steps of a transfer are the system’s own: a client cannot send them, whoever it is', async () => {
    const account = await accountOf(ada, 50);
    const head = await t.app.store.head();
    const debit = { type: 'DebitForTransfer', accountNumber: account, amount: 50, transferId: crypto.randomUUID(), to: 'ELSEWHERE' };
    await expect(t.app.router.dispatch(debit, { actor: ada })).rejects.toBeInstanceOf(Forbidden);
    await expect(t.app.router.dispatch(debit, { actor: root })).rejects.toBeInstanceOf(Forbidden);
    expect(await t.app.store.head()).toBe(head);
  });
});
