import type { GraphiQLOptions } from 'graphql-yoga';

export const GRAPHIQL_DEFAULT_QUERY = `# Chronicle: browse the event log and the read side.
# Subscriptions run over WebSocket on this same path: try
#   subscription Tail { events { position streamId type data } }
query Log {
  events(first: 20) {
    edges { node { position streamId version type data occurredAt } }
    pageInfo { hasNextPage endCursor }
  }
  projections { name kind checkpoint lag status }
}
`;

export const graphiqlOptions: GraphiQLOptions = {
  title: 'Chronicle',
  subscriptionsProtocol: 'WS',
  defaultQuery: GRAPHIQL_DEFAULT_QUERY,
};

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
