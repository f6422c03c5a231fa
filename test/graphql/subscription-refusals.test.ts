import { type GraphQLArgument, getNamedType, GraphQLEnumType, isNonNullType, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/app/schema.js';
import { OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { graphql } from '../gql/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { authorizationFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { GraphQLWsConnection, type WsMessage } from './helpers/graphql-ws-connection.js';
import { sseSubscription } from './helpers/sse.js';

const Tail = graphql(`
  subscription TailAfter($after: String) {
    events(after: $after) { position }
  }
`);

const Balance = graphql(`
  subscription WatchBalance($accountNumber: String!, $after: String) {
    balanceUpdated(accountNumber: $accountNumber, after: $after) { balance position }
  }
`);

/** A value the argument accepts, whatever it names (nothing of it need exist). */
function sample(arg: GraphQLArgument): string {
  const type = getNamedType(arg.type);
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.name;
  return type.name === 'Int' || type.name === 'SafeInt' ? '1' : '"nothing-here"';
}

/** Every subscription field with an `after` argument, as an operation asking for `__typename` after `after`. */
function subscriptionsTakingAfter(after: string) {
  const fields = Object.values(schema.getSubscriptionType()!.getFields()).filter((field) => field.args.some((arg) => arg.name === 'after'));
  return fields.map((field) => {
    const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    const list = [...args.map((arg) => `${arg.name}: ${sample(arg)}`), `after: "${after}"`].join(', ');
    return { name: field.name, document: parse(`subscription { ${field.name}(${list}) { __typename } }`) };
  });
}

/** The messages of operation `id` up to and including its `complete` (or `error`), once it has ended. */
async function ended(connection: GraphQLWsConnection, id: string): Promise<WsMessage[]> {
  await connection.waitFor((message) => message.id === id && (message.type === 'complete' || message.type === 'error'));
  return connection.of(id);
}

describe('a subscription that could never deliver ends at once with a typed error', () => {
  let t: TestApp;
  let server: TestServer;
  let head: number;

  beforeAll(async () => {
    t = await createTestApp();
    server = await startTestServer(t);
    await t.app.store.append('cart-1', [{ type: 'ItemAdded', data: {} }]);
    head = await t.app.store.head();
  });

  afterAll(() => server.close());

  it('every subscription taking `after` ends at once when it lies beyond the head, over graphql-ws', async () => {
    const beyond = String(head + 1000);
    const operations = subscriptionsTakingAfter(beyond);
    const connection = await GraphQLWsConnection.open(server.wsUrl);
    const refusedForPosition: string[] = [];
    try {
      for (const { name, document } of operations) connection.subscribe(name, document);
      for (const { name } of operations) {
        const messages = await ended(connection, name);
        expect(
          messages.map((message) => message.type),
          name,
        ).toEqual(['next', 'complete']);
        const [error] = messages[0]!.payload.errors;
        // Access is checked first: an owner-only subscription to something nobody owns is FORBIDDEN before its position counts.
        if (error.extensions.code === 'FORBIDDEN') continue;
        expect(error.extensions, name).toEqual({ code: 'BAD_USER_INPUT', argument: 'after', head: String(head) });
        expect(error.message).toBe(
          `"after" is position ${beyond}, beyond the head of the log (position ${head}): resume from a position a subscription or query gave you`,
        );
        refusedForPosition.push(name);
      }
    } finally {
      connection.close();
    }
    expect(refusedForPosition.sort()).toEqual(['activityRecorded', 'events', 'leaderboardChanged', 'rankChanged']);
  });

  it('refuses a position beyond the head over server-sent events, and accepts the head itself', async () => {
    const refused = sseSubscription(server.url, Tail, { after: String(head + 1) });
    const events = [];
    for await (const event of refused) events.push(event);
    expect(events.map((event) => event.event)).toEqual(['next', 'complete']);
    expect(JSON.parse(events[0]!.data).errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const abort = new AbortController();
    const atHead = sseSubscription(server.url, Tail, { after: String(head) }, abort.signal);
    try {
      const next = atHead.next();
      const appended = await t.app.store.append('cart-1', [{ type: 'ItemAdded', data: {} }]);
      expect(JSON.parse((await next).value!.data)).toEqual({ data: { events: { position: String(appended.positions[0]) } } });
    } finally {
      await atHead.return(undefined);
      abort.abort();
    }
  });

  it('a subscription to an account nobody has opened ends with FORBIDDEN, over graphql-ws and server-sent events', async () => {
    const stranger = await authorizationFor(userActor('stranger'));
    const connection = await GraphQLWsConnection.open(server.wsUrl, stranger);
    try {
      connection.subscribe('1', Balance, { accountNumber: 'NEVER-OPENED' });
      const messages = await ended(connection, '1');
      expect(messages.map((message) => message.type)).toEqual(['next', 'complete']);
      expect(messages[0]!.payload.errors[0].extensions.code).toBe('FORBIDDEN');
    } finally {
      connection.close();
    }

    const events = [];
    for await (const event of sseSubscription(server.url, Balance, { accountNumber: 'NEVER-OPENED' }, undefined, stranger))
      events.push(event);
    expect(events.map((event) => event.event)).toEqual(['next', 'complete']);
    expect(JSON.parse(events[0]!.data).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('the owner of an account is refused a position beyond the head too, not only strangers', async () => {
    const owner = userActor('owner-of-beyond');
    const headers = await authorizationFor(owner);
    const opened = await t.graphql(OPEN_ACCOUNT, { input: { accountNumber: 'BEYOND-1', holder: 'Ada' } }, headers);
    expect(opened.errors).toBeUndefined();
    const now = await t.app.store.head();
    const events = [];
    for await (const event of sseSubscription(
      server.url,
      Balance,
      { accountNumber: 'BEYOND-1', after: String(now + 1) },
      undefined,
      headers,
    )) {
      events.push(event);
    }
    expect(JSON.parse(events[0]!.data).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', head: String(now) } });
  });
});
