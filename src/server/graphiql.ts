import { type GraphQLSchema, Kind, parse, validate } from 'graphql';
import type { GraphiQLOptions } from 'graphql-yoga';

/** How main.ts sets up the GraphiQL page beyond its defaults. */
export interface GraphiQLPage {
  /**
   * Header JSON (`{"authorization":"Bearer …"}`) every tab sends: the development user token.
   * Ignored in production, where the page never carries a token.
   */
  headers?: string | undefined;
}

interface Tab {
  query: string;
}

/**
 * The tabs GraphiQL opens with: the README's first session, in order. A tab whose fields the schema
 * lacks (its slice not listed) is left out.
 */
export const GRAPHIQL_TABS: readonly Tab[] = [
  {
    query: `# Chronicle: each tab is one step of the README's first session; ▶ runs it.
# The account belongs to the token's user: only they read, watch or withdraw from it.
# ACCOUNT_EXISTS? It is already open (or pick another number); \`rm -rf .data\` starts afresh.
mutation OpenAccount {
  openAccount(input: { accountNumber: "ACC-1", holder: "Ada Lovelace" }) {
    __typename
    ... on Account { accountNumber balance version }
    ... on Error { code message }
  }
}
`,
  },
  {
    query: `# Watch the balance. GraphiQL runs one operation at a time per browser tab: run this in a
# second browser tab (open the same address), then deposit from the first and watch it fire.
subscription WatchBalance {
  balanceUpdated(accountNumber: "ACC-1") { balance delta reason position }
}
`,
  },
  {
    query: `# Put 125.00 in (amounts are integer minor units). Try 0 (a ValidationError) too.
mutation Deposit {
  deposit(input: { accountNumber: "ACC-1", amount: 12500 }) {
    __typename
    ... on Account { balance version transactions(first: 10) { edges { node { kind delta balance } } } }
    ... on Error { code message }
    ... on ValidationError { fields { path message } }
  }
}
`,
  },
  {
    query: `# The account as its projection shows it (FORBIDDEN: not yours, or not opened yet).
query MyAccount {
  account(accountNumber: "ACC-1") {
    accountNumber holder balance status version
    transactions(first: 10) { edges { node { kind delta balance } } }
  }
}
`,
  },
  {
    query: `# The event browser is for admins: put the admin line \`npm start\` printed in this tab's Headers
# (the user token gets FORBIDDEN).
query Log {
  events(first: 20) {
    edges { node { position streamId version type data occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
  projections { name kind checkpoint lag status }
}
`,
  },
];

const NO_TOKEN_NOTE = '# Needs a bearer token: put {"authorization":"Bearer …"} in Headers (below).\n';

/**
 * GraphiQL's options: the walkthrough's tabs, subscriptions over WebSocket, and in development the
 * user token in every tab's headers and in each new tab's. A link with `?query=` opens on that query.
 */
export function graphiqlOptions(schema: GraphQLSchema, page: GraphiQLPage, production: boolean): (request: Request) => GraphiQLOptions {
  const headers = production ? undefined : page.headers;
  const base: GraphiQLOptions = {
    title: 'Chronicle',
    subscriptionsProtocol: 'WS',
    ...(headers ? { defaultHeaders: headers } : {}),
  };
  const tabs = GRAPHIQL_TABS.filter((tab) => runsOn(schema, tab.query)).map((tab) => ({
    query: headers ? tab.query : NO_TOKEN_NOTE + tab.query,
    ...(headers ? { headers } : {}),
  }));
  const withTabs: GraphiQLOptions = { ...base, defaultTabs: tabs };
  return (request) => (new URL(request.url).searchParams.has('query') ? base : withTabs);
}

/** Whether a query is valid on the schema, down to its root type (graphql 16 lets an absent Subscription type pass). */
function runsOn(schema: GraphQLSchema, query: string): boolean {
  const document = parse(query);
  const rootsExist = document.definitions.every(
    (definition) => definition.kind !== Kind.OPERATION_DEFINITION || schema.getRootType(definition.operation) !== undefined,
  );
  return rootsExist && validate(schema, document).length === 0;
}

const pages = new Map<string, Promise<string>>();

/**
 * A self-contained GraphiQL page: scripts, styles and workers inlined, so it works with no
 * internet (Yoga's default page loads them from a CDN). The bundle is large, so it is loaded on
 * the first request for the page and each rendering is kept.
 */
export function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  let page = pages.get(key);
  if (!page) {
    page = import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options));
    page.catch(() => pages.delete(key));
    pages.set(key, page);
  }
  return page;
}
