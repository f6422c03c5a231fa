import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/database.js';
import type { Actor } from '../../es/index.js';
import type { Chronicle } from '../../server/chronicle.js';
import type { GraphQLContext } from '../context.js';
import { ownWrites } from './own-writes.js';
import { projectorsPast } from './projectors-past.js';
import { WalMarks } from './wal-marks.js';

/** Why a query read where it did: it asked for nothing, for a minimum position, or read its actor's own writes. */
type ReadConsistency = 'any' | 'min_position' | 'own_writes';

/**
 * Chooses per operation the database its reads go to (`ctx.reads`). Mutations and subscriptions
 * read the primary. A query with a minimum position (`Chronicle-Min-Position`) reads only data at
 * or past it: once every projector has processed it, from a replica that has replayed the
 * primary's log past those projectors' commits, or else from the primary. Without one, a
 * signed-in actor's query reads as if it carried the position of the actor's own last write, and
 * anyone else's reads a replica as it is (eventually consistent). See docs/consistency.md.
 */
export function useReadRouting(app: Chronicle): Plugin<GraphQLContext> {
  const marks = new WalMarks();
  return {
    async onExecute({ args, extendContext, setResultAndStopExecution }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      const { minPosition, actor } = args.contextValue;
      let route: { reads: Database; consistency: ReadConsistency };
      try {
        route = await routeQuery(app, marks, minPosition, actor);
      } catch (error) {
        // A client error is the operation's result; thrown, it would close a graphql-ws socket.
        if (!(error instanceof GraphQLError)) throw error;
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      app.metrics.queryReads.inc({ database: route.reads === app.database ? 'primary' : 'replica', consistency: route.consistency });
      extendContext({ reads: route.reads });
    },
  };
}

async function routeQuery(
  app: Chronicle,
  marks: WalMarks,
  minPosition: number | undefined,
  actor: Actor | undefined,
): Promise<{ reads: Database; consistency: ReadConsistency }> {
  if (minPosition !== undefined) return { reads: await readsPast(app, marks, minPosition), consistency: 'min_position' };
  const replica = app.replicas?.any();
  // Without a replica that answers, the primary holds every write: nothing to look up.
  if (!replica || !actor) return { reads: replica ?? app.database, consistency: 'any' };
  const own = await ownWrites(app, marks, actor.subject);
  if (!own) return { reads: replica, consistency: 'any' };
  const reads = own.location === undefined ? undefined : await app.replicas!.replayed(own.location);
  return { reads: reads ?? app.database, consistency: 'own_writes' };
}

async function readsPast(app: Chronicle, marks: WalMarks, position: number): Promise<Database> {
  const location = marks.covering(position) ?? (await projectorsPast(app, position, app.replicas ? marks : undefined));
  if (!app.replicas || location === undefined) return app.database;
  return (await app.replicas.replayed(location)) ?? app.database;
}
