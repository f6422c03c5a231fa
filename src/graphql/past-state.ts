import { GraphQLError } from 'graphql';
import { type Aggregate, type AsOf, InvalidAsOfError, loadAggregateAsOf, type PastState, VersionBeyondHeadError } from '../es/index.js';
import type { GraphQLContext } from './context.js';

/**
 * The aggregate's state as of `asOf`, from the log (never the projection nor the state cache);
 * undefined when its stream had no event by then. A point the engine cannot answer (a negative
 * version, one beyond the head) is a BAD_USER_INPUT error on `argument`.
 */
export async function pastState<S>(
  ctx: GraphQLContext,
  aggregate: Aggregate<S, any, any>,
  streamId: string,
  asOf: AsOf,
  argument = 'asOf',
): Promise<PastState<S> | undefined> {
  try {
    return await loadAggregateAsOf(ctx.app.store, aggregate, streamId, asOf);
  } catch (error) {
    if (error instanceof VersionBeyondHeadError) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argument, head: error.head } });
    }
    if (error instanceof InvalidAsOfError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argument } });
    throw error;
  }
}

/** The engine's `AsOf` from the `AsOf` input (`@oneOf`, so exactly one field is set). */
export function asOfInput(input: { version?: number | null; at?: Date | null }): AsOf {
  return input.version != null ? { version: input.version } : { at: input.at! };
}
