import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Chronicle } from '../server/chronicle.js';
import { type Authenticator, createAuthenticator } from '../auth/authenticator.js';
import type { Actor } from '../es/index.js';
import { abuseLimits } from '../server/abuse-limits.js';
import { corsPolicy } from '../server/cors.js';
import { FairShare } from '../server/fair-share.js';
import { useFairShare } from '../server/fair-share-plugin.js';
import { requestActor } from '../server/request-actor.js';
import type { Limits } from '../server/limits.js';
import { useErrorMasking } from '../server/error-masking-plugin.js';
import { type GraphiQLPage, graphiqlOptions, renderOfflineGraphiQL } from '../server/graphiql.js';
import { useRequestLogging } from '../observability/request-logging-plugin.js';
import { useSubscriptionMetrics } from '../observability/subscription-metrics-plugin.js';
import { ServerLifecycle } from '../server/lifecycle.js';
import { useLifecycle } from '../server/lifecycle-plugin.js';
import { useTokenExpiry } from '../server/token-expiry-plugin.js';
import { maskError } from '../server/mask-error.js';
import { requestIdempotencyKey } from './idempotency/idempotency-key.js';
import { requestIdOf, useRequestId } from '../server/request-id.js';
import type { GraphQLContext } from './context.js';
import { requestMinPosition } from './consistency/min-position.js';
import { useReadRouting } from './consistency/read-routing-plugin.js';
import { useWrittenPosition, WrittenPosition } from './consistency/written-position.js';

/** What the transport hands Yoga besides the request: the WebSocket server sets the request id itself. */
export interface ChronicleServerContext {
  requestId?: string;
  /** Set by the WebSocket server: who its connection or operation authenticated as (null: nobody). */
  actor?: Actor | null;
  /** Set by the WebSocket server: the operation's validated `extensions.idempotencyKey` (null: none). */
  idempotencyKey?: string | null;
  /** Set by the WebSocket server: when the operation's own token expires (null: the socket's clock ends it). */
  tokenExpiresAt?: number | null;
  /** Set by the WebSocket server: the operation's validated `extensions.minPosition` (null: none). */
  minPosition?: number | null;
}

export interface ChronicleYogaOptions {
  /** Serve the offline GraphiQL page on GET /graphql from a browser (default true), with these headers in development. */
  graphiql?: boolean | GraphiQLPage;
  /** The server's drain state; a standalone endpoint (as in tests) gets its own. */
  lifecycle?: ServerLifecycle;
  /** How bearer tokens are checked; by default from the app's auth config with `defaultActor`. */
  authenticator?: Authenticator;
  /** Who a request without a token is (tests); anonymous by default. */
  defaultActor?: Actor;
  /** By default the app's configured limits. */
  limits?: Limits;
}

export type ChronicleYoga = YogaServerInstance<ChronicleServerContext, GraphQLContext>;

/**
 * The GraphQL endpoint over Fetch: HTTP, SSE and the GraphiQL page. Domain errors are result
 * types; everything unexpected reaches the client as a masked error carrying the request id,
 * and the original is logged with that id.
 */
export function createChronicleYoga(app: Chronicle, options: ChronicleYogaOptions = {}): ChronicleYoga {
  const lifecycle = options.lifecycle ?? new ServerLifecycle();
  const authenticator = options.authenticator ?? createAuthenticator(app.config.auth, { defaultActor: options.defaultActor });
  return createYoga<ChronicleServerContext, GraphQLContext>({
    schema: app.schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql:
      options.graphiql === false
        ? false
        : graphiqlOptions(app.schema, options.graphiql === true ? {} : (options.graphiql ?? {}), app.config.production),
    renderGraphiQL: renderOfflineGraphiQL,
    logging: false,
    // The HTTP server refuses oversized bodies before Yoga reads them (body-limit.ts); Yoga's own
    // check pipes every body through a TransformStream, a cost per request for nothing.
    maxRequestBodySize: false,
    cors: corsPolicy(app.config.cors),
    context: async ({ request, requestId, actor, idempotencyKey, minPosition }) => ({
      app,
      requestId: requestId ?? requestIdOf(request),
      actor: actor !== undefined ? (actor ?? undefined) : await requestActor(authenticator, request),
      idempotencyKey: idempotencyKey !== undefined ? (idempotencyKey ?? undefined) : requestIdempotencyKey(request),
      reads: app.database,
      minPosition: minPosition !== undefined ? (minPosition ?? undefined) : requestMinPosition(request),
      written: new WrittenPosition(),
    }),
    plugins: [
      useRequestId(),
      useLifecycle(lifecycle),
      useTokenExpiry(),
      useErrorMasking(app.logger),
      useRequestLogging(app.logger),
      useSubscriptionMetrics(app.metrics),
      ...abuseLimits(options.limits ?? app.config.limits),
      useFairShare(new FairShare(options.limits ?? app.config.limits)),
      useWrittenPosition(),
      useReadRouting(app),
    ],
    // Errors raised before an operation has a context (none in practice) still never leak.
    maskedErrors: { maskError: (error) => maskError(error, { logger: app.logger, requestId: undefined }) },
  });
}
