import { createChronicleServer, type ChronicleServer, type ChronicleServerOptions } from '../../src/server/create-server.js';
import type { TestApp } from './test-app.js';

export interface TestServer {
  server: ChronicleServer;
  /** The GraphQL endpoint over HTTP, e.g. http://127.0.0.1:41234/graphql. */
  url: string;
  /** The same endpoint over WebSocket. */
  wsUrl: string;
  /** Drains the server, which also stops the test app (runtimes, feed, database). */
  close(): Promise<void>;
}

/** A real listening server (node:http, WebSocket, /health) for a test app, on a free port of 127.0.0.1. */
export async function startTestServer(testApp: TestApp, options: ChronicleServerOptions = {}): Promise<TestServer> {
  const server = createChronicleServer(testApp.app, {
    graphiql: false,
    drainTimeoutMs: 5_000,
    ...(testApp.actor ? { defaultActor: testApp.actor } : {}),
    ...options,
  });
  const base = await server.listen(0, '127.0.0.1');
  const url = new URL('/graphql', base).href;
  return {
    server,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    close: () => server.drain(),
  };
}
