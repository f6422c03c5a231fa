import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('the front door, /', () => {
  let server: TestServer;
  let origin: string;

  beforeAll(async () => {
    server = await startTestServer(await createTestApp({ domains: [] }), { graphiql: true });
    origin = new URL(server.url).origin;
  });

  afterAll(() => server.close());

  it('shows a browser where GraphQL, GraphiQL, the subscriptions and the docs are', async () => {
    const response = await fetch(`${origin}/`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await response.text();
    expect(page).toContain('<a href="/graphql"><code>/graphql</code></a>, GET or POST (GraphiQL, in a browser)');
    expect(page).toContain('graphql-transport-ws');
    expect(page).toContain('<code>accept: text/event-stream</code>');
    expect(page).toContain('docs/clients.md');
  });

  it('answers anything else as JSON naming the same endpoints', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const door = await response.json();
    expect(door).toMatchObject({
      graphql: { path: '/graphql', graphiql: 'open /graphql in a browser' },
      subscriptions: { websocket: { path: '/graphql' }, sse: { path: '/graphql' } },
      health: '/health',
    });
    expect(door.docs).toContain('README.md');
  });

  it('leaves other paths as they were: an unknown one is still a 404', async () => {
    expect((await fetch(`${origin}/nothing-here`)).status).toBe(404);
  });
});
