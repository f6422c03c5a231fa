import { GraphQLError } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Chronicle } from '../app/chronicle.js';
import { ConcurrencyConflictError } from '../es/command-errors.js';
import type { GraphQLContext } from './context.js';
import { schema } from './schema.js';

type ServerContext = Record<string, unknown>;

/**
 * The GraphQL endpoint over Fetch: HTTP, SSE and the GraphiQL page. Domain errors are result
 * types; everything unexpected reaches the client as a masked error carrying the request id,
 * and the original is logged with that id.
 */
export function createChronicleYoga(
  app: Chronicle,
  options: { graphiql?: boolean } = {},
): YogaServerInstance<ServerContext, GraphQLContext> {
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.graphiql === false ? false : { title: 'Chronicle', subscriptionsProtocol: 'WS' },
    logging: false,
    context: ({ request }) => ({
      app,
      requestId: request.headers.get('x-request-id') || crypto.randomUUID(),
      actor: undefined,
    }),
    maskedErrors: {
      maskError(error, message) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (original instanceof ConcurrencyConflictError) {
          return new GraphQLError(original.message, { extensions: { code: original.code, retryable: true } });
        }
        if (error instanceof GraphQLError && !original) return error;
        app.logger.error({ err: original ?? error }, 'unexpected error');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
  });
}
