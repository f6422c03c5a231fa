import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Chronicle } from '../app/chronicle.js';
import { useErrorMasking } from '../server/error-masking-plugin.js';
import { graphiqlOptions, renderOfflineGraphiQL } from '../server/graphiql.js';
import { useRequestLogging } from '../observability/request-logging-plugin.js';
import { useSubscriptionMetrics } from '../observability/subscription-metrics-plugin.js';
import { ServerLifecycle } from '../server/lifecycle.js';
import { useLifecycle } from '../server/lifecycle-plugin.js';
import { maskError } from '../server/mask-error.js';
import { requestIdOf, useRequestId } from '../server/request-id.js';
import type { GraphQLContext } from './context.js';
import { schema } from './schema.js';

/** What the transport hands Yoga besides the request: the WebSocket server sets the request id itself. */
export interface ChronicleServerContext {
  requestId?: string;
}

export interface ChronicleYogaOptions {
  /** Serve the offline GraphiQL page on GET /graphql from a browser (default true). */
  graphiql?: boolean;
  /** The server's drain state; a standalone endpoint (as in tests) gets its own. */
  lifecycle?: ServerLifecycle;
}

export type ChronicleYoga = YogaServerInstance<ChronicleServerContext, GraphQLContext>;

/**
 * The GraphQL endpoint over Fetch: HTTP, SSE and the GraphiQL page. Domain errors are result
 * types; everything unexpected reaches the client as a masked error carrying the request id,
 * and the original is logged with that id.
 */
export function createChronicleYoga(app: Chronicle, options: ChronicleYogaOptions = {}): ChronicleYoga {
  const lifecycle = options.lifecycle ?? new ServerLifecycle();
  return createYoga<ChronicleServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.graphiql === false ? false : graphiqlOptions,
    renderGraphiQL: renderOfflineGraphiQL,
    logging: false,
    context: ({ request, requestId }) => ({
      app,
      requestId: requestId ?? requestIdOf(request),
      actor: undefined,
    }),
    plugins: [
      useRequestId(),
      useLifecycle(lifecycle),
      useErrorMasking(app.logger),
      useRequestLogging(app.logger),
      useSubscriptionMetrics(app.metrics),
    ],
    // Errors raised before an operation has a context (none in practice) still never leak.
    maskedErrors: { maskError: (error) => maskError(error, { logger: app.logger, requestId: undefined }) },
  });
}
