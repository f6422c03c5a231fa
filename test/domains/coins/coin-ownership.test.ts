import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { actingAs, appendsNothing, refusalCode } from '../../support/acting-as.js';
import { expectTypename } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { adminActor, userActor } from '../../support/test-auth.js';
import { newCoinAccountId } from './coin-test-helpers.js';
import { mineNonces } from './reference-proof-of-work.js';

// Database tier: each defect of issue 11 reproduced through GraphQL with real tokens.
const alice = userActor('alice');
const bob = userActor('bob');
const root = adminActor('root');

let t: TestApp;
let as: ReturnType<typeof actingAs>;
beforeAll(async () => {
  t = await createTestApp({ actor: null });
  as = actingAs(t);
});
afterAll(() => t.stop());

const MINE = graphql(`mutation CoinOwnershipMine($input: MineCoinInput!) { mineCoin(input: $input) { __typename ... on Error { code } } }`);
const SEND = graphql(`
  mutation CoinOwnershipSend($input: SendCoinsInput!) {
    sendCoins(input: $input) { __typename ... on CoinTransfer { id } ... on Error { code message } }
  }
`);
const HISTORY = graphql(`
  query CoinOwnershipHistory($accountId: String!) {
    coinAccount(accountId: $accountId) { balance events(first: 10) { edges { node { type } } } }
  }
`);
const HISTORY_WITH_ACTORS = graphql(`
  query CoinOwnershipHistoryWithActors($accountId: String!) {
    coinAccount(accountId: $accountId) { events(first: 10) { edges { node { metadata { actor } } } } }
  }
`);
const READ_TRANSFER = graphql(`query CoinOwnershipReadTransfer($id: ID!) { coinTransfer(id: $id) { id amount } }`);

async function mineAs(actor: typeof alice, accountId: string, coins = 1) {
  for (const nonce of mineNonces(accountId, coins, -1)) {
    expect((await as(actor, MINE, { input: { accountId, nonce } })).data?.mineCoin.__typename).toBe('CoinAccount');
  }
}

describe('a coin account belongs to whoever first mined into it', () => {
  it('another user cannot spend its coins (defect 1)', async () => {
    const me = newCoinAccountId('me');
    await mineAs(alice, me);
    const refused = await appendsNothing(t, () => as(bob, SEND, { input: { from: me, to: 'bob', amount: 1 } }));
    expect(refused.data?.sendCoins).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect((await as(alice, SEND, { input: { from: me, to: 'bob', amount: 1 } })).data?.sendCoins.__typename).toBe('CoinTransfer');
  });

  it('coins received before anyone mined claim nothing: the first miner owns the account, not the sender', async () => {
    const giver = newCoinAccountId('giver');
    const later = newCoinAccountId('later');
    await mineAs(alice, giver, 2);
    expect((await as(alice, SEND, { input: { from: giver, to: later, amount: 1 } })).data?.sendCoins.__typename).toBe('CoinTransfer');
    await t.settle();
    // Nobody has mined into `later`: nobody may spend what it received, its sender included.
    for (const actor of [alice, bob]) {
      const refused = await appendsNothing(t, () => as(actor, SEND, { input: { from: later, to: giver, amount: 1 } }));
      expect(refused.data?.sendCoins.__typename).toBe('ForbiddenError');
    }
    await mineAs(bob, later);
    expect((await as(bob, SEND, { input: { from: later, to: giver, amount: 2 } })).data?.sendCoins.__typename).toBe('CoinTransfer');
  });

  it('its history is its owner’s, and who did what stays with the operators (defect 2)', async () => {
    const account = newCoinAccountId('history');
    await mineAs(alice, account);
    await t.settle();
    const stranger = await as(bob, HISTORY, { accountId: account });
    expect(refusalCode(stranger)).toBe('FORBIDDEN');
    // The account itself is public; its history is null for a stranger, with FORBIDDEN (a nullable field).
    expect(stranger.data?.coinAccount?.events ?? null).toBeNull();
    const own = await as(alice, HISTORY, { accountId: account });
    expect(own.errors).toBeUndefined();
    expect(own.data?.coinAccount?.events?.edges).toEqual([{ node: { type: 'CoinMined' } }]);
    expect(refusalCode(await as(alice, HISTORY_WITH_ACTORS, { accountId: account }))).toBe('FORBIDDEN');
    const operator = await as(root, HISTORY_WITH_ACTORS, { accountId: account });
    expect(operator.data?.coinAccount?.events?.edges).toEqual([{ node: { metadata: { actor: 'alice' } } }]);
  });

  it('a coin transfer is seen by the owners of its two accounts only', async () => {
    const [from, to] = [newCoinAccountId('from'), newCoinAccountId('to')];
    await mineAs(alice, from, 2);
    await mineAs(bob, to);
    const { data } = await as(alice, SEND, { input: { from, to, amount: 1 } });
    await t.settle();
    const { id } = expectTypename(data?.sendCoins, 'CoinTransfer');
    for (const actor of [alice, bob]) expect((await as(actor, READ_TRANSFER, { id })).data?.coinTransfer?.amount).toBe(1);
    expect(refusalCode(await as(userActor('carol'), READ_TRANSFER, { id }))).toBe('FORBIDDEN');
  });
});
