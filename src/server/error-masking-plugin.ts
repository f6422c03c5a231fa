import type { ExecutionResult } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GraphQLContext } from '../graphql/context.js';
import { maskError } from './mask-error.js';

/**
 * Masks the errors of every execution and subscription result while the request's context (and
 * so its request id) is at hand; Yoga's own masking then only sees errors raised before any
 * context existed.
 */
export function useErrorMasking(logger: Logger): Plugin<GraphQLContext> {
  const maskResult =
    (context: Partial<GraphQLContext>) =>
    ({ result, setResult }: { result: ExecutionResult; setResult: (result: ExecutionResult) => void }) => {
      if (!result.errors?.length) return;
      const scope = { logger, requestId: context.requestId };
      setResult({ ...result, errors: result.errors.map((error) => maskError(error, scope)) });
    };

  return {
    onExecute({ args }) {
      const context = args.contextValue as Partial<GraphQLContext>;
      return { onExecuteDone: (payload) => handleStreamOrSingleExecutionResult(payload, maskResult(context)) };
    },
    onSubscribe({ args }) {
      const context = args.contextValue as Partial<GraphQLContext>;
      return {
        onSubscribeResult: (payload) => handleStreamOrSingleExecutionResult(payload, maskResult(context)),
        onSubscribeError: ({ error, setError }) => setError(maskError(error, { logger, requestId: context.requestId })),
      };
    },
  };
}
