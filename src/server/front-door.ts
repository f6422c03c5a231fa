import type { IncomingMessage, ServerResponse } from 'node:http';

export const FRONT_DOOR_PATH = '/';

/** What `/` tells a visitor: where GraphQL, its subscriptions, the probes and the docs are. */
export function frontDoor(graphiql: boolean) {
  return {
    name: 'Chronicle',
    graphql: { path: '/graphql', http: 'GET or POST', graphiql: graphiql ? 'open /graphql in a browser' : null },
    subscriptions: {
      websocket: { path: '/graphql', protocol: 'graphql-transport-ws (the graphql-ws client)' },
      sse: { path: '/graphql', how: 'POST with accept: text/event-stream (graphql-sse, distinct connections mode)' },
    },
    schema: 'schema/schema.graphql in the repository, or introspection',
    health: '/health',
    metrics: '/metrics',
    docs: ['README.md', 'docs/clients.md (clients, tokens, subscriptions, resuming)', 'docs/auth.md (who may do what)'],
  };
}

/** GET /: a small page for a browser, the same as JSON for anything else, instead of an empty 404. */
export function serveFrontDoor(request: IncomingMessage, response: ServerResponse, graphiql: boolean): void {
  const door = frontDoor(graphiql);
  const headers = { 'cache-control': 'no-cache', vary: 'accept' };
  if (!(request.headers.accept ?? '').includes('text/html')) {
    response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    return void response.end(JSON.stringify(door));
  }
  response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Chronicle</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; } code { background: #f0f2f4; padding: 0 .25rem; }</style>
</head>
<body>
<h1>Chronicle</h1>
<ul>
  <li>GraphQL: <a href="/graphql"><code>/graphql</code></a>, GET or POST${graphiql ? ' (GraphiQL, in a browser)' : ''}</li>
  <li>Subscriptions over WebSocket: <code>/graphql</code> with the graphql-transport-ws protocol (the graphql-ws client)</li>
  <li>Subscriptions over server-sent events: a POST to <code>/graphql</code> with <code>accept: text/event-stream</code> (graphql-sse, distinct connections mode)</li>
  <li>Probes: <a href="/health"><code>/health</code></a>, <a href="/metrics"><code>/metrics</code></a></li>
  <li>Docs, in the repository: <code>README.md</code>, <code>docs/clients.md</code> (clients, tokens, subscriptions, resuming), <code>docs/auth.md</code> (who may do what)</li>
</ul>
</body>
</html>
`);
}
