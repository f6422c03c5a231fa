import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChronicleYoga } from '../../src/graphql/create-yoga.js';
import { loadLimits } from '../../src/server/limits.js';
import { GraphQLWsConnection } from '../graphql/helpers/graphql-ws-connection.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

type Body = { errors?: Array<{ message: string }> };

function messagesOf(body: Body): string {
  return (body.errors ?? []).map((error) => error.message).join('\n');
}

/** Misspelt names of each kind graphql-js offers a "Did you mean" for, and what the error still says. */
const MISSPELT: Array<[string, string, Record<string, unknown> | undefined, RegExp]> = [
  ['a field', '{ deadLeter { __typename } }', undefined, /Cannot query field "deadLeter" on type "Query"/],
  ['an argument', '{ account(acountNumber: "A-1") { balance } }', undefined, /Unknown argument "acountNumber"/],
  ['an enum value (literal)', '{ challenges(status: ACTIV) { id } }', undefined, /Value "ACTIV" does not exist/],
  ['a type', 'query($s: ChalengeStatus) { challenges(status: $s) { id } }', undefined, /Unknown type "ChalengeStatus"/],
  [
    'an enum value (variable)',
    'query($s: ChallengeStatus) { challenges(status: $s) { id } }',
    { s: 'ACTIV' },
    /Value "ACTIV" does not exist/,
  ],
  [
    'an input field (variable)',
    'mutation($input: DepositInput!) { deposit(input: $input) { __typename } }',
    { input: { accountNumber: 'A-1', amont: 1 } },
    /Field "amont" is not defined by type "DepositInput"/,
  ],
];

describe('"Did you mean" suggestions with introspection off', () => {
  let t: TestApp;
  let server: TestServer;
  beforeAll(async () => {
    t = await createTestApp({ domains: [], config: { limits: loadLimits({}, true) } });
    server = await startTestServer(t);
  });
  afterAll(() => server.close());

  async function post(url: string, query: string, variables?: Record<string, unknown>): Promise<Body> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Body;
  }

  it.each(MISSPELT)('%s: the error says what is wrong and suggests no name of the schema', async (_kind, query, variables, wrong) => {
    const messages = messagesOf(await post(server.url, query, variables));
    expect(messages).toMatch(wrong);
    expect(messages).not.toMatch(/did you mean/i);
  });

  it.each(MISSPELT)('%s: with introspection on (development) the suggestion stays', async (_kind, query, variables) => {
    const yoga = createChronicleYoga(t.app, { graphiql: false, limits: { ...t.app.config.limits, introspection: true } });
    const response = await yoga.fetch('http://chronicle.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    expect(messagesOf((await response.json()) as Body)).toMatch(/Did you mean/);
  });

  it('over WebSocket too, for a query and for a subscription’s variables', async () => {
    const connection = await GraphQLWsConnection.open(server.wsUrl);
    try {
      connection.send({ id: 'q', type: 'subscribe', payload: { query: '{ deadLeter { __typename } }' } });
      connection.send({
        id: 's',
        type: 'subscribe',
        payload: {
          query: 'subscription($c: ChallengeCategory!) { leaderboardChanged(challengeId: "c-1", category: $c) { __typename } }',
          variables: { c: 'OVERAL' },
        },
      });
      for (const id of ['q', 's']) {
        // A refused document is an `error`; variables a subscription cannot take, a `next` with errors.
        const { payload } = await connection.waitFor(
          (message) => message.id === id && (message.type === 'error' || message.type === 'next'),
        );
        const messages = messagesOf(Array.isArray(payload) ? { errors: payload } : payload);
        expect(messages).toMatch(/Cannot query field "deadLeter"|Value "OVERAL" does not exist/);
        expect(messages).not.toMatch(/did you mean/i);
      }
    } finally {
      connection.close();
    }
  });
});
