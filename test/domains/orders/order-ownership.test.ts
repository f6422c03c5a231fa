import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { actingAs, appendsNothing, refusalCode } from '../../support/acting-as.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { adminActor, userActor } from '../../support/test-auth.js';
import { orderInput } from './order-fixtures.js';

// Database tier: defect 2 of issue 11 (orders), through GraphQL with real tokens.
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

const CREATE = graphql(`
  mutation OrderOwnershipCreate($input: CreateOrderInput!) {
    createOrder(input: $input) { __typename ... on Order { id } ... on Error { code } }
  }
`);
const DELETE = graphql(`mutation OrderOwnershipDelete($id: ID!) { deleteOrder(id: $id) { __typename ... on Error { code message } } }`);
const LIST = graphql(`query OrderOwnershipList { orders(first: 100) { edges { node { id businessPartner } } } }`);
const ORDER = graphql(`query OrderOwnershipOrder($id: ID!) { order(id: $id) { id businessPartner } }`);

async function createAs(actor: typeof alice) {
  const input = orderInput({ businessPartner: `${actor.subject}@example.com` });
  expect((await as(actor, CREATE, { input })).data?.createOrder.__typename).toBe('Order');
  return input.id;
}

describe('an order belongs to whoever created it (defect 2)', () => {
  it('a list shows each user their own orders only; operators see them all', async () => {
    const [mine, theirs] = [await createAs(alice), await createAs(bob)];
    await t.settle();
    const listed = async (actor: typeof alice) => (await as(actor, LIST)).data?.orders.edges.map(({ node }) => node.id);
    expect(await listed(bob)).toContain(theirs);
    expect(await listed(bob)).not.toContain(mine);
    expect(await listed(alice)).not.toContain(theirs);
    expect(await listed(root)).toEqual(expect.arrayContaining([mine, theirs]));
    expect(refusalCode(await as(bob, ORDER, { id: mine }))).toBe('FORBIDDEN');
  });

  it('nobody else deletes it, and the refusal appends nothing', async () => {
    const id = await createAs(alice);
    const refused = await appendsNothing(t, () => as(bob, DELETE, { id }));
    expect(refused.data?.deleteOrder).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect((await as(alice, DELETE, { id })).data?.deleteOrder.__typename).toBe('DeletedOrder');
  });
});
