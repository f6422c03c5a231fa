import { getOperationAST, type DocumentNode } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { GraphQLContext } from '../graphql/context.js';
import { onEnd } from './on-end.js';

/**
 * One log line per GraphQL operation (over HTTP or WebSocket), from a child logger bound to the
 * request id: its type and name, how long it took, how many errors it returned and, under
 * `commands`, the lines of the commands it sent (see `commandTelemetry`); for a subscription, a
 * line when it starts and one when it ends. Variables and headers are never
 * logged: they may carry personal data or credentials.
 */
export function useRequestLogging(logger: Logger): Plugin<GraphQLContext> {
  const scope = (context: Partial<GraphQLContext>, document: DocumentNode, operationName: string | null | undefined) => {
    const operation = getOperationAST(document, operationName);
    const { requestId } = context;
    return {
      // Not a child logger: one per operation costs more than the line it writes.
      log: { info: (fields: object, message: string) => logger.info({ requestId, ...fields }, message) },
      operation: { type: operation?.operation, name: operation?.name?.value },
      started: performance.now(),
    };
  };
  const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;

  return {
    onExecute({ args }) {
      const { log, operation, started } = scope(args.contextValue, args.document, args.operationName);
      const commands: Array<Record<string, unknown>> = [];
      if (operation.type === 'mutation') args.contextValue.commandLog = commands;
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result)) return;
          const fields = { operation, durationMs: elapsed(started), errors: result.errors?.length ?? 0 };
          log.info(commands.length > 0 ? { ...fields, commands } : fields, 'graphql operation');
        },
      };
    },
    onSubscribe({ args }) {
      const { log, operation, started } = scope(args.contextValue, args.document, args.operationName);
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) {
            log.info({ operation, durationMs: elapsed(started), errors: result.errors?.length ?? 0 }, 'graphql subscription refused');
            return;
          }
          log.info({ operation }, 'graphql subscription started');
          setResult(onEnd(result, () => log.info({ operation, durationMs: elapsed(started) }, 'graphql subscription ended')));
        },
      };
    },
  };
}
