import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';
import { positionCursor } from '../position-cursor.js';

/** The response header naming the log position a mutation's writes reached. */
export const POSITION_HEADER = 'chronicle-position';

/** Per request: the highest log position its commands appended, which a later query can ask to see. */
export class WrittenPosition {
  reached: number | undefined;

  record(position: number | undefined): void {
    if (position !== undefined && (this.reached === undefined || position > this.reached)) this.reached = position;
  }
}

/**
 * Tells the client where a mutation's writes reached in the log: `extensions.chronicle.position`
 * in its result and the `Chronicle-Position` response header, as a decimal string. Sent back as
 * `Chronicle-Min-Position`, it makes a query answer from data at or past it (`useReadRouting`).
 * A mutation that appended nothing (a refusal) carries none.
 */
export function useWrittenPosition(): Plugin<GraphQLContext> {
  const byRequest = new WeakMap<Request, WrittenPosition>();
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const { written, request } = args.contextValue as GraphQLContext & { request?: Request };
      if (!written) return;
      if (request) byRequest.set(request, written);
      return {
        onExecuteDone({ result, setResult }) {
          if (written.reached === undefined || Symbol.asyncIterator in result) return;
          const chronicle = { position: positionCursor(written.reached) };
          setResult({ ...result, extensions: { ...result.extensions, chronicle } });
        },
      };
    },
    onResponse({ request, response }) {
      const reached = byRequest.get(request)?.reached;
      if (reached !== undefined) response.headers.set(POSITION_HEADER, positionCursor(reached));
    },
  };
}
