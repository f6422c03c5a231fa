import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { IdentityProviderUnavailable } from '../auth/identity-provider-unavailable.js';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import { ConcurrencyConflictError, DomainError } from '../es/index.js';

export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';
export const SERVICE_UNAVAILABLE_MESSAGE = 'The database is unavailable; try again shortly.';

export interface MaskingScope {
  logger: Logger;
  /** Put into the masked error and the log line, to find one from the other. */
  requestId: string | undefined;
}

/**
 * What a client may see of an error. GraphQL's own errors (syntax, validation, variables) and
 * errors raised deliberately as GraphQLError pass; domain refusals keep their code and message;
 * a concurrency conflict, an unreachable database and an unreachable identity provider say they
 * can be retried, each with its own code. Anything else is a bug or an outage: it is
 * logged whole with the request id, and the client gets a generic message and the request id:
 * never our message or stack.
 */
export function maskError(error: unknown, { logger, requestId }: MaskingScope): GraphQLError {
  if (error instanceof GraphQLError && rootCause(error) instanceof GraphQLError) return error;
  const original = error instanceof GraphQLError ? error.originalError : error;

  const located = error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {};
  if (original instanceof ConcurrencyConflictError) {
    return new GraphQLError(original.message, { ...located, extensions: { code: original.code, retryable: true } });
  }
  if (isDatabaseUnavailable(original)) {
    logger.warn({ err: original, requestId, path: located.path?.join('.') }, 'database unavailable');
    return new GraphQLError(SERVICE_UNAVAILABLE_MESSAGE, {
      ...located,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, ...(requestId ? { requestId } : {}) },
    });
  }
  if (original instanceof IdentityProviderUnavailable) {
    logger.warn({ err: original, requestId, path: located.path?.join('.') }, 'identity provider unavailable');
    return new GraphQLError(original.message, {
      ...located,
      // Keeps what the transport added (the 503 and Retry-After of an HTTP request).
      extensions: {
        ...(error instanceof GraphQLError ? error.extensions : {}),
        code: original.code,
        retryable: true,
        ...(requestId ? { requestId } : {}),
      },
    });
  }
  if (original instanceof DomainError) {
    return new GraphQLError(original.message, { ...located, extensions: { code: original.code } });
  }
  logger.error({ err: original ?? error, requestId, path: located.path?.join('.') }, 'unexpected error');
  return new GraphQLError(UNEXPECTED_ERROR_MESSAGE, {
    ...located,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  });
}

function rootCause(error: Error): Error {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}
