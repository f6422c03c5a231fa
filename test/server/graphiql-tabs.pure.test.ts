import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/app/schema.js';
import { GRAPHIQL_TABS, graphiqlOptions, renderOfflineGraphiQL } from '../../src/server/graphiql.js';

const HEADERS = JSON.stringify({ authorization: 'Bearer dev.user.token' });
const page = new Request('http://localhost:4000/graphql');

function operationName(query: string | null | undefined): string | undefined {
  return /^(?:mutation|subscription|query) (\w+)/m.exec(query ?? '')?.[1];
}

describe('the GraphiQL page', () => {
  it('opens on the first session, every tab valid against the schema: open, watch, deposit, the account, the event browser', () => {
    for (const tab of GRAPHIQL_TABS) expect(validate(schema, parse(tab.query))).toEqual([]);
    const tabs = graphiqlOptions(schema, {}, false)(page).defaultTabs ?? [];
    expect(tabs.map((tab) => operationName(tab.query))).toEqual(['OpenAccount', 'WatchBalance', 'Deposit', 'MyAccount', 'Log']);
  });

  it('in development sends the user token from every tab and from each new one', () => {
    const options = graphiqlOptions(schema, { headers: HEADERS }, false)(page);
    expect(options.defaultHeaders).toBe(HEADERS);
    expect(options.defaultTabs).toHaveLength(GRAPHIQL_TABS.length);
    for (const tab of options.defaultTabs ?? []) expect(tab.headers).toBe(HEADERS);
    expect(options.subscriptionsProtocol).toBe('WS');
  });

  it('in production never carries a token, and each tab says a header is needed', () => {
    const options = graphiqlOptions(schema, { headers: HEADERS }, true)(page);
    expect(JSON.stringify(options)).not.toContain('dev.user.token');
    expect(options.defaultHeaders).toBeUndefined();
    for (const tab of options.defaultTabs ?? []) {
      expect(tab.headers).toBeUndefined();
      expect(tab.query).toMatch(/^# Needs a bearer token/);
    }
  });

  it('leaves out a tab whose fields the schema lacks (its slice not listed)', async () => {
    const { buildSchema } = await import('graphql');
    const engineOnly = buildSchema(`
      type Query { events(first: Int): EventConnection! projections: [Projection!]! }
      type EventConnection { edges: [EventEdge!]! pageInfo: PageInfo! }
      type EventEdge { node: Event! }
      type Event { position: String! streamId: String! version: Int! type: String! data: String! occurredAt: String! }
      type PageInfo { hasNextPage: Boolean! endCursor: String }
      type Projection { name: String! kind: String! checkpoint: String! lag: Int! status: String! }
    `);
    const tabs = graphiqlOptions(engineOnly, {}, false)(page).defaultTabs ?? [];
    expect(tabs.map((tab) => operationName(tab.query))).toEqual(['Log']);
  });

  it('opens on the query of a link with ?query= instead of the tabs, still with the development headers', () => {
    const options = graphiqlOptions(
      schema,
      { headers: HEADERS },
      false,
    )(new Request('http://localhost:4000/graphql?query=%7B__typename%7D'));
    expect(options.defaultTabs).toBeUndefined();
    expect(options.defaultHeaders).toBe(HEADERS);
  });

  it('renders the tabs and the development header into the page, and no token in production', async () => {
    const development = await renderOfflineGraphiQL(graphiqlOptions(schema, { headers: HEADERS }, false)(page));
    expect(development).toContain('mutation OpenAccount');
    expect(development).toContain('subscription WatchBalance');
    expect(development).toContain(JSON.stringify(HEADERS));
    const production = await renderOfflineGraphiQL(graphiqlOptions(schema, { headers: HEADERS }, true)(page));
    expect(production).toContain('mutation OpenAccount');
    expect(production).not.toContain('dev.user.token');
  });
});
