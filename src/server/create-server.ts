import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Chronicle } from './chronicle.js';
import { createAuthenticator } from '../auth/authenticator.js';
import type { Actor } from '../es/index.js';
import { createChronicleYoga } from '../graphql/create-yoga.js';
import type { GraphiQLPage } from './graphiql.js';
import { createGraphQLWebSocket } from './graphql-websocket.js';
import { FRONT_DOOR_PATH, serveFrontDoor } from './front-door.js';
import { checkHealth, healthStatusCode } from './health.js';
import { HEAP_PATH, serveHeap } from './heap-endpoint.js';
import { METRICS_PATH, serveMetrics } from './metrics-endpoint.js';
import { aborted } from './aborted.js';
import { refuseOversizedBody } from './body-limit.js';
import { ServerLifecycle } from './lifecycle.js';
import { REQUEST_ID_HEADER, newRequestId } from './request-id.js';
import { type HttpRoute, matchRoute } from './http-route.js';

export interface ChronicleServerOptions {
  /** Serve GraphiQL on GET /graphql from a browser (default true), with these headers in development. */
  graphiql?: boolean | GraphiQLPage;
  /** How long a drain waits for in-flight work before it cuts what is left (default 10 s). */
  drainTimeoutMs?: number;
  /** Serve POST /debug/heap (a forced GC, then memory figures) for load tests (default false). */
  heapEndpoint?: boolean;
  /** Who a request or connection without a token is (tests); anonymous by default. */
  defaultActor?: Actor;
}

export interface ChronicleServer {
  readonly httpServer: Server;
  readonly lifecycle: ServerLifecycle;
  /** Starts listening; resolves with the base URL (port 0 picks a free port). */
  listen(port: number, host?: string): Promise<URL>;
  /**
   * The graceful stop, in order: stop accepting, let in-flight operations finish, end
   * subscriptions cleanly (each gets `complete`, WebSockets close with 1001), wait for every
   * connection to close, then stop the app (runtimes, feed, pool). Calling it again returns
   * the same drain.
   */
  drain(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';
const HEALTH_PATH = '/health';

/** The whole server on node:http: GraphQL over HTTP and SSE (Yoga), GraphQL over WebSocket, GraphiQL, /health and /metrics. */
export function createChronicleServer(app: Chronicle, options: ChronicleServerOptions = {}): ChronicleServer {
  const lifecycle = new ServerLifecycle();
  const authenticator = createAuthenticator(app.config.auth, { defaultActor: options.defaultActor });
  const { limits } = app.config;
  const yoga = createChronicleYoga(app, { graphiql: options.graphiql ?? true, lifecycle, authenticator });
  const websocket = createGraphQLWebSocket(yoga, lifecycle, app.logger, { authenticator, limits });
  const responses = new Set<ServerResponse>();
  let draining: Promise<void> | undefined;

  const httpServer = createServer((request, response) => {
    const path = pathOf(request);
    if (path === HEALTH_PATH) return void serveHealth(response);
    if (path === METRICS_PATH && request.method === 'GET') return void serveMetrics(app, response);
    if (path === HEAP_PATH && request.method === 'POST' && options.heapEndpoint) return serveHeap(response);
    if (lifecycle.draining) return refuse(response);
    if (refuseOversizedBody(request, response, limits.maxBodyBytes)) return;
    responses.add(response);
    response.once('close', () => responses.delete(response));
    // A response that ends during a drain leaves its keep-alive connection idle: close it.
    response.once('finish', () => lifecycle.draining && httpServer.closeIdleConnections());
    const matched = matchRoute(app.routes, request.method, pathOf(request));
    if (matched) return void serveRoute(matched.route, matched.params, request, response);
    if (path === FRONT_DOOR_PATH && request.method === 'GET') return serveFrontDoor(request, response, options.graphiql !== false);
    // Yoga answers some requests synchronously (a CSRF refusal) and then returns no promise.
    new Promise((resolve) => resolve(yoga.handle(request, response))).catch((error: unknown) => {
      app.logger.error({ err: error, url: request.url }, 'request failed outside GraphQL');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end();
    });
  });

  httpServer.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => {
    if (pathOf(request) === GRAPHQL_PATH) websocket.handleUpgrade(request, socket, head);
    else socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  async function serveRoute(route: HttpRoute, params: Record<string, string>, request: IncomingMessage, response: ServerResponse) {
    try {
      await lifecycle.track(() => route.handle({ app, request, response, params }));
    } catch (error) {
      app.logger.error({ err: error, url: request.url }, 'request failed outside GraphQL');
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end();
    }
  }

  async function serveHealth(response: ServerResponse): Promise<void> {
    const report = await checkHealth(app, { draining: lifecycle.draining }).catch((error: unknown) => {
      app.logger.error({ err: error }, 'health check failed');
      return undefined;
    });
    if (!report) {
      response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      return void response.end(JSON.stringify({ status: 'unavailable' }));
    }
    response.writeHead(healthStatusCode(report), {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...(lifecycle.draining ? { connection: 'close' } : {}),
    });
    response.end(JSON.stringify(report));
  }

  async function drainOnce(): Promise<void> {
    const started = performance.now();
    app.logger.info({ inFlight: lifecycle.inFlight }, 'draining: no longer accepting requests');
    lifecycle.beginDrain();
    const deadline = AbortSignal.timeout(options.drainTimeoutMs ?? 10_000);
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    for (const response of responses) if (!response.headersSent) response.setHeader('connection', 'close');

    await lifecycle.whenIdle(deadline);
    lifecycle.endSubscriptions();
    await websocket.close(deadline);
    httpServer.closeIdleConnections();
    await Promise.race([closed, aborted(deadline)]);
    if (deadline.aborted) app.logger.warn({ inFlight: lifecycle.inFlight }, 'drain timed out: closing the remaining connections');
    httpServer.closeAllConnections();
    await closed;

    await app.stop();
    app.logger.info({ ms: Math.round(performance.now() - started) }, 'drained and stopped');
  }

  return {
    httpServer,
    lifecycle,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address() as AddressInfo;
          resolve(new URL(`http://${displayHost(host ?? address.address)}:${address.port}`));
        });
      });
    },
    drain() {
      draining ??= drainOnce();
      return draining;
    },
  };
}

function refuse(response: ServerResponse): void {
  response.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    connection: 'close',
    'retry-after': '1',
    [REQUEST_ID_HEADER]: newRequestId(),
  });
  response.end(JSON.stringify({ errors: [{ message: 'The server is shutting down', extensions: { code: 'SHUTTING_DOWN' } }] }));
}

function pathOf(request: IncomingMessage): string {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

/** Where a browser on this machine reaches a server bound to every interface. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
