import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Authenticator } from '../auth/authenticator.js';
import { IdentityProviderUnavailable } from '../auth/identity-provider-unavailable.js';
import { tokenExpiry } from '../auth/token-expiry.js';
import type { Actor } from '../es/index.js';
import type { ChronicleYoga } from '../graphql/create-yoga.js';
import { aborted } from './aborted.js';
import type { Limits } from './limits.js';
import type { ServerLifecycle } from './lifecycle.js';
import { parseIdempotencyKey } from '../graphql/idempotency/idempotency-key.js';
import { parseMinPosition } from '../graphql/consistency/min-position.js';
import { maskError } from './mask-error.js';
import { newRequestId } from './request-id.js';
import { SocketTokenExpiry } from './socket-token-expiry.js';
import { tokenExpiredError } from './token-expired.js';

/** RFC 6455: the server is going away. */
const GOING_AWAY = 1001;
/** RFC 6455 (IANA registry): try again later; graphql-ws clients reconnect after it. */
const TRY_AGAIN_LATER = 1013;

type Enveloped = ReturnType<ChronicleYoga['getEnveloped']>;

export interface GraphQLWebSocketOptions {
  authenticator: Authenticator;
  limits: Pick<Limits, 'maxBodyBytes' | 'maxSubscriptionsPerSocket' | 'connectionInitTimeoutMs'>;
}

export interface GraphQLWebSocket {
  /** Takes over an HTTP upgrade request for the GraphQL path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Closes each connection (1001, going away) as soon as its operations have completed, which
   * they do once the lifecycle ends subscriptions; then stops the WebSocket server. Whatever is
   * still open when `signal` aborts is cut off.
   */
  close(signal: AbortSignal): Promise<void>;
}

/**
 * GraphQL over WebSocket (graphql-ws) on the GraphQL path, running each operation through the
 * same Yoga pipeline as HTTP: schema, context, plugins, error masking, in-flight tracking.
 */
export function createGraphQLWebSocket(
  yoga: ChronicleYoga,
  lifecycle: ServerLifecycle,
  logger: Logger,
  { authenticator, limits }: GraphQLWebSocketOptions,
): GraphQLWebSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxBodyBytes });
  /** Who each connection authenticated as at `connection_init` (null: nobody). */
  const actors = new WeakMap<WebSocket, Actor | null>();
  const envelopes = new WeakMap<ExecutionArgs, Enveloped>();
  /** Per connection: each operation that has not completed yet, with its request id. */
  const operations = new Map<WebSocket, Map<string, string>>();
  const closing = new Set<WebSocket>();
  const expiry = new SocketTokenExpiry();

  const finish = (socket: WebSocket, id: string) => {
    const open = operations.get(socket);
    open?.delete(id);
    if (open?.size === 0 && closing.has(socket)) goAway(socket);
  };

  const server = useServer(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      // The token comes in the connection params; a refused one closes the socket (4403) before any operation.
      onConnect: async (ctx) => {
        try {
          actors.set(ctx.extra.socket, (await authenticator.authenticate(ctx.connectionParams?.authorization)) ?? null);
          expiry.watch(ctx.extra.socket, ctx.connectionParams?.authorization);
          return true;
        } catch (error) {
          // Not the token's fault: no 4403, which tells a client to give up.
          if (error instanceof IdentityProviderUnavailable) {
            logger.warn({ err: error }, 'identity provider unavailable');
            ctx.extra.socket.close(TRY_AGAIN_LATER, error.message);
          }
          return false;
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const socket = ctx.extra.socket;
        if (expiry.expired(socket)) return [tokenExpiredError()];
        if (lifecycle.draining) {
          return [new GraphQLError('The server is shutting down', { extensions: { code: 'SHUTTING_DOWN' } })];
        }
        if ((operations.get(socket)?.size ?? 0) >= limits.maxSubscriptionsPerSocket) {
          return [
            new GraphQLError(`At most ${limits.maxSubscriptionsPerSocket} operations may run at once on one connection`, {
              extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
            }),
          ];
        }
        // Taken before anything awaits, so operations arriving together cannot all see a free slot.
        const requestId = newRequestId();
        operations.get(socket)?.set(id, requestId);
        const actor = await operationActor(authenticator, payload.extensions, actors.get(socket) ?? null);
        if (actor instanceof GraphQLError) {
          finish(socket, id);
          return [actor];
        }
        const idempotencyKey = operationIdempotencyKey(payload.extensions);
        if (idempotencyKey instanceof GraphQLError) {
          finish(socket, id);
          return [idempotencyKey];
        }
        const minPosition = operationMinPosition(payload.extensions);
        if (minPosition instanceof GraphQLError) {
          finish(socket, id);
          return [minPosition];
        }
        // The connection's token expiring closes the socket; an operation's own token ends that operation.
        const tokenExpiresAt = tokenExpiry(operationAuthorization(payload.extensions)) ?? null;
        const envelope = yoga.getEnveloped({
          requestId,
          req: ctx.extra.request,
          socket,
          params: payload,
          actor,
          idempotencyKey,
          tokenExpiresAt,
          minPosition,
        });
        const document = parse(envelope, payload.query);
        const errors = document instanceof GraphQLError ? [document] : envelope.validate(envelope.schema, document);
        if (errors.length > 0 || document instanceof GraphQLError) {
          finish(socket, id);
          return errors;
        }
        const args: ExecutionArgs = {
          schema: envelope.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await envelope.contextFactory(),
        };
        envelopes.set(args, envelope);
        return args;
      },
      execute: (args) => envelopes.get(args)!.execute(args),
      subscribe: (args) => envelopes.get(args)!.subscribe(args),
      onComplete: (ctx, id) => finish(ctx.extra.socket, id),
      // Errors a stream throws midway reach the client here, past Yoga's result masking.
      onError: (ctx, id, _payload, errors) => {
        const requestId = operations.get(ctx.extra.socket)?.get(id);
        // The client hung up: sending to it failed (EPIPE, ECONNRESET), and nobody is left to tell.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) {
          logger.debug({ err: errors[0]?.originalError ?? errors[0], requestId }, 'client went away');
          return [{ message: 'The connection is closed.' }];
        }
        return errors.map((error) => maskError(error, { logger, requestId }).toJSON());
      },
    },
    wss,
  );

  wss.on('connection', (socket) => {
    operations.set(socket, new Map());
    socket.once('close', () => {
      operations.delete(socket);
      closing.delete(socket);
    });
  });

  return {
    handleUpgrade(request, socket, head) {
      if (lifecycle.draining) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(request, socket, head, (client) => wss.emit('connection', client, request));
    },
    async close(signal) {
      const closed = [...wss.clients].map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once('close', () => resolve());
            closing.add(socket);
            if (!operations.get(socket)?.size) goAway(socket);
          }),
      );
      await Promise.race([Promise.all(closed), aborted(signal)]);
      for (const socket of wss.clients) socket.terminate();
      await server.dispose();
    },
  };
}

/**
 * GraphiQL cannot put headers into `connection_init`; it sends them with each operation as
 * `extensions.headers`. A token there authenticates that operation; otherwise the connection's actor.
 */
async function operationActor(
  authenticator: Authenticator,
  extensions: unknown,
  connection: Actor | null,
): Promise<Actor | null | GraphQLError> {
  const authorization = operationAuthorization(extensions);
  if (authorization === undefined || authorization === null || authorization === '') return connection;
  try {
    return (await authenticator.authenticate(authorization)) ?? null;
  } catch (error) {
    // Masked (and logged) in `onError`, as retryable.
    if (error instanceof IdentityProviderUnavailable) return new GraphQLError(error.message, { originalError: error });
    return new GraphQLError((error as Error).message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

function operationAuthorization(extensions: unknown): unknown {
  const headers = (extensions as { headers?: Record<string, unknown> } | null | undefined)?.headers;
  return headers && typeof headers === 'object' ? (headers.authorization ?? headers.Authorization) : undefined;
}

/** An operation's `extensions.idempotencyKey`, the graphql-ws counterpart of the `Idempotency-Key` header (null: none). */
function operationIdempotencyKey(extensions: unknown): string | null | GraphQLError {
  try {
    return parseIdempotencyKey((extensions as { idempotencyKey?: unknown } | null | undefined)?.idempotencyKey) ?? null;
  } catch (error) {
    // The same code as over HTTP, without the HTTP status.
    if (error instanceof GraphQLError) return new GraphQLError(error.message, { extensions: { code: error.extensions.code } });
    throw error;
  }
}

function operationMinPosition(extensions: unknown): number | null | GraphQLError {
  try {
    return parseMinPosition((extensions as { minPosition?: unknown } | null | undefined)?.minPosition) ?? null;
  } catch (error) {
    if (error instanceof GraphQLError) return new GraphQLError(error.message, { extensions: { code: error.extensions.code } });
    throw error;
  }
}

function parse(envelope: Enveloped, query: string) {
  try {
    return envelope.parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

function goAway(socket: WebSocket): void {
  // graphql-ws sends an operation's `complete` right after `onComplete` returns: let it go out first.
  setImmediate(() => socket.close(GOING_AWAY, 'Server shutting down'));
}
