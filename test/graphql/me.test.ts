import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as accountOwners from '../../src/domains/bank/migrations/0018-account-owners.js';
import * as coinAccountOwners from '../../src/domains/coins/migrations/0019-coin-account-owners.js';
import { mineNonces } from '../domains/coins/reference-proof-of-work.js';
import { orderInput } from '../domains/orders/order-fixtures.js';
import { graphql } from '../gql/index.js';
import { actingAs } from '../support/acting-as.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminActor, userActor } from '../support/test-auth.js';

const Me = graphql(`
  query Me {
    me {
      subject
      roles
      bankAccounts { accountNumber balance holder }
      coinAccounts { accountId balance }
      orders(first: 10) { edges { node { id businessPartner } } pageInfo { hasNextPage } }
    }
  }
`);

const OpenMyAccount = graphql(`
  mutation MeOpenAccount($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }
`);
const MineMyCoin = graphql(`
  mutation MeMineCoin($input: MineCoinInput!) { mineCoin(input: $input) { __typename } }
`);
const CreateMyOrder = graphql(`
  mutation MeCreateOrder($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }
`);

const alice = userActor('me-alice');
const bob = userActor('me-bob');
const root = adminActor('me-root');

let t: TestApp;
let as: ReturnType<typeof actingAs>;
const owned = new Map<string, { account: string; coins: string; order: string }>();

/** An account, a coin account and an order, each made by `actor`. */
async function makeEverything(actor: typeof alice) {
  const suffix = `${actor.subject}-${Math.random().toString(36).slice(2, 8)}`;
  const things = {
    account: `ACC-${suffix}`,
    coins: `coins-${suffix}`,
    order: orderInput({ businessPartner: `${actor.subject}@example.com` }),
  };
  expect(
    (await as(actor, OpenMyAccount, { input: { accountNumber: things.account, holder: actor.subject } })).data?.openAccount.__typename,
  ).toBe('Account');
  const [nonce] = mineNonces(things.coins, 1);
  expect((await as(actor, MineMyCoin, { input: { accountId: things.coins, nonce: nonce! } })).data?.mineCoin.__typename).toBe(
    'CoinAccount',
  );
  expect((await as(actor, CreateMyOrder, { input: things.order })).data?.createOrder.__typename).toBe('Order');
  owned.set(actor.subject, { account: things.account, coins: things.coins, order: things.order.id });
}

/** What `me` should answer `actor`: exactly what they made, nothing of anyone else's. */
function expected(actor: typeof alice) {
  const mine = owned.get(actor.subject)!;
  return {
    data: {
      me: {
        subject: actor.subject,
        roles: [...actor.roles],
        bankAccounts: [{ accountNumber: mine.account, balance: 0, holder: actor.subject }],
        coinAccounts: [{ accountId: mine.coins, balance: 1 }],
        orders: {
          edges: [{ node: { id: mine.order, businessPartner: `${actor.subject}@example.com` } }],
          pageInfo: { hasNextPage: false },
        },
      },
    },
  };
}

beforeAll(async () => {
  t = await createTestApp({ actor: null });
  as = actingAs(t);
  await makeEverything(alice);
  await makeEverything(bob);
  await t.settle();
});
afterAll(() => t.stop());

describe('me: the signed-in user and what they own', () => {
  it('answers each user their own accounts, coin accounts and orders, and nothing of another user’s', async () => {
    expect(await as(alice, Me)).toEqual(expected(alice));
    expect(await as(bob, Me)).toEqual(expected(bob));
  });

  it('answers an operator their own things only, though `orders` would list everyone’s', async () => {
    expect(await as(root, Me)).toEqual({
      data: {
        me: {
          subject: 'me-root',
          roles: ['admin'],
          bankAccounts: [],
          coinAccounts: [],
          orders: { edges: [], pageInfo: { hasNextPage: false } },
        },
      },
    });
  });

  it('is UNAUTHENTICATED without a token', async () => {
    const { data, errors } = await as(undefined, Me);
    expect(data).toBeNull();
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('finds accounts opened before the owner columns existed: the migrations fill them in from the log', async () => {
    const db = t.app.database.db;
    for (const migration of [accountOwners, coinAccountOwners]) {
      await migration.down(db);
      await migration.up(db);
    }
    expect(await as(alice, Me)).toEqual(expected(alice));
    expect(await as(bob, Me)).toEqual(expected(bob));
  });
});
