import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { authorizationFor, userActor } from '../support/test-auth.js';

const EventsPageInfo = graphql(`
  query EventsPageInfo($after: String, $types: [String!]) {
    events(after: $after, types: $types) {
      edges { cursor }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const OrdersPageInfo = graphql(`
  query OrdersPageInfo($after: String) {
    orders(first: 10, after: $after) {
      edges { cursor }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const emptyPage = { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };

describe('an empty page has null cursors, never a cursor `after` refuses', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.stop());

  it('on the event log, empty or filtered to nothing', async () => {
    expect(await t.graphql(EventsPageInfo, {})).toEqual({ data: { events: emptyPage } });
    await t.app.store.append('cart-1', [{ type: 'ItemAdded', data: {} }]);
    expect(await t.graphql(EventsPageInfo, { types: ['NothingOfThisType'] })).toEqual({ data: { events: emptyPage } });
  });

  it('on a slice connection: the orders of a user who has none, whose endCursor goes back as `after`', async () => {
    const headers = await authorizationFor(userActor('no-orders-yet'));
    const first = await t.graphql(OrdersPageInfo, {}, headers);
    expect(first).toEqual({ data: { orders: emptyPage } });
    const next = await t.graphql(OrdersPageInfo, { after: first.data!.orders.pageInfo.endCursor }, headers);
    expect(next).toEqual({ data: { orders: emptyPage } });
  });
});
