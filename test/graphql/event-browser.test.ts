import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const LogPage = graphql(`
  query LogPage($after: String, $first: Int, $types: [String!], $correlationId: String) {
    events(after: $after, first: $first, types: $types, correlationId: $correlationId) {
      edges {
        cursor
        node {
          position
          eventId
          streamId
          version
          type
          data
          metadata {
            correlationId
            causationId
            actor
            custom
          }
          occurredAt
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

const StreamPage = graphql(`
  query StreamPage($id: String!, $first: Int, $after: String) {
    stream(id: $id) {
      id
      version
      events(first: $first, after: $after) {
        edges {
          cursor
          node {
            position
            streamId
            version
            type
            linkedFrom {
              streamId
              version
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

describe('event browser', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ domains: [] });
    const { store } = t.app;
    await store.append('order-1', [{ type: 'OrderPlaced', data: { total: 30 } }], 0, {
      correlationId: 'checkout-1',
      actor: 'alice',
      channel: 'web',
    });
    await store.append('order-2', [{ type: 'OrderPlaced', data: { total: 12 } }], 0, { correlationId: 'checkout-2' });
    await store.append(
      'order-1',
      [
        { type: 'OrderPaid', data: { amount: 30 } },
        { type: 'OrderShipped', data: {} },
      ],
      1,
      {
        correlationId: 'checkout-1',
        causationId: 'payment-9',
      },
    );
    await store.link('placed-orders', [1, 2]);
  });

  afterAll(() => t.stop());

  it('pages through the whole log in global order with position cursors', async () => {
    const first = await t.graphql(LogPage, { first: 2 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.events;
    expect(page1.edges.map((edge) => [edge.cursor, edge.node.position, edge.node.streamId, edge.node.version, edge.node.type])).toEqual([
      ['1', '1', 'order-1', 1, 'OrderPlaced'],
      ['2', '2', 'order-2', 1, 'OrderPlaced'],
    ]);
    expect(page1.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: '1', endCursor: '2' });

    const second = await t.graphql(LogPage, { first: 2, after: page1.pageInfo.endCursor });
    const page2 = second.data!.events;
    expect(page2.edges.map((edge) => edge.node.type)).toEqual(['OrderPaid', 'OrderShipped']);
    expect(page2.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: '3', endCursor: '4' });
  });

  it('shows data, metadata and time of each event', async () => {
    const result = await t.graphql(LogPage, { first: 1 });
    const event = result.data!.events.edges[0]!.node;
    expect(event.data).toEqual({ total: 30 });
    expect(event.metadata).toEqual({ correlationId: 'checkout-1', causationId: null, actor: 'alice', custom: { channel: 'web' } });
    expect(event.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
  });

  it('narrows the log to event types and to one correlation', async () => {
    const placed = await t.graphql(LogPage, { types: ['OrderPlaced'] });
    expect(placed.data!.events.edges.map((edge) => edge.node.streamId)).toEqual(['order-1', 'order-2']);

    const checkout = await t.graphql(LogPage, { correlationId: 'checkout-1' });
    const nodes = checkout.data!.events.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.type)).toEqual(['OrderPlaced', 'OrderPaid', 'OrderShipped']);
    expect(nodes[1]!.metadata.causationId).toBe('payment-9');
  });

  it('reads one stream in version order, with its cursor being the version', async () => {
    const all = await t.graphql(StreamPage, { id: 'order-1' });
    expect(all.errors).toBeUndefined();
    expect(all.data!.stream!.version).toBe(3);
    expect(all.data!.stream!.events.edges.map((edge) => [edge.cursor, edge.node.type])).toEqual([
      ['1', 'OrderPlaced'],
      ['2', 'OrderPaid'],
      ['3', 'OrderShipped'],
    ]);

    const rest = await t.graphql(StreamPage, { id: 'order-1', first: 1, after: '1' });
    expect(rest.data!.stream!.events.edges.map((edge) => edge.node.type)).toEqual(['OrderPaid']);
    expect(rest.data!.stream!.events.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
  });

  it('shows linked events under the linking stream, with where they came from', async () => {
    const result = await t.graphql(StreamPage, { id: 'placed-orders' });
    expect(result.data!.stream!.events.edges.map((edge) => edge.node)).toEqual([
      { position: '1', streamId: 'placed-orders', version: 1, type: 'OrderPlaced', linkedFrom: { streamId: 'order-1', version: 1 } },
      { position: '2', streamId: 'placed-orders', version: 2, type: 'OrderPlaced', linkedFrom: { streamId: 'order-2', version: 1 } },
    ]);
  });

  it('answers null for a stream nothing was written to', async () => {
    const result = await t.graphql(StreamPage, { id: 'order-404' });
    expect(result).toEqual({ data: { stream: null } });
  });

  it('refuses a cursor that is not a position, or a page size out of range, as a client error', async () => {
    const badCursor = await t.graphql(LogPage, { after: 'abc' });
    expect(badCursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'after' } });

    const badSize = await t.graphql(LogPage, { first: 10_000 });
    expect(badSize.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
  });
});
