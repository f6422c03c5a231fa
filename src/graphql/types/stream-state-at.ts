import { GraphQLError } from 'graphql';
import { type Aggregate, aggregateOfStream, UnknownStreamCategoryError } from '../../es/index.js';
import { admin } from '../../auth/admin-role.js';
import { builder } from '../builder.js';
import type { GraphQLContext } from '../context.js';
import { pastState } from '../past-state.js';
import { StreamType } from './event-browser.js';

/**
 * Any stream's state at a point of its past, as JSON, for operators: folded by the aggregate
 * registered for the stream's category, straight from the log (docs/time-travel.md).
 */
builder.objectField(StreamType, 'stateAt', (t) =>
  t.field({
    access: admin,
    type: 'JSON',
    nullable: true,
    description:
      "The state of the stream's aggregate after its `version`th event, or as it stood `at` a time (at most one of " +
      'them; neither: now), as the aggregate snapshots it. Null before its first event. BAD_USER_INPUT for a version ' +
      'beyond its head; UNKNOWN_STREAM_CATEGORY when no registered aggregate writes streams like it.',
    args: { version: t.arg.int(), at: t.arg({ type: 'DateTime' }) },
    resolve: async (stream, { version, at }, ctx) => {
      if (version != null && at != null) {
        throw new GraphQLError('Give "version" or "at", not both', { extensions: { code: 'BAD_USER_INPUT', argument: 'at' } });
      }
      const aggregate = streamAggregate(ctx, stream.id);
      const asOf = at != null ? { at } : { version: version ?? stream.version };
      const past = await pastState(ctx, aggregate, stream.id, asOf, at != null ? 'at' : 'version');
      if (!past) return null;
      return aggregate.snapshot?.toJSON ? aggregate.snapshot.toJSON(past.state) : past.state;
    },
  }),
);

function streamAggregate(ctx: GraphQLContext, streamId: string): Aggregate<unknown> {
  const aggregates = new Set(ctx.app.router.commands().map(({ aggregate }) => aggregate));
  try {
    return aggregateOfStream(aggregates, streamId);
  } catch (error) {
    if (!(error instanceof UnknownStreamCategoryError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: 'UNKNOWN_STREAM_CATEGORY', streamId } });
  }
}
