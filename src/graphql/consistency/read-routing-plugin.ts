import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/database.js';
import { primaryWalLocation } from '../../db/read-replicas.js';
import type { Chronicle } from '../../server/chronicle.js';
import type { GraphQLContext } from '../context.js';
import { positionCursor } from '../position-cursor.js';

/**
 * Chooses per operation the database its reads go to (`ctx.reads`). Mutations and subscriptions
 * read the primary. A query without a minimum position reads a replica when there are any
 * (eventually consistent); one with a minimum position (`Chronicle-Min-Position`) reads only data
 * at or past it: once every projector has processed it, from a replica that has replayed the
 * primary's log past those projectors' commits, or else from the primary. See docs/consistency.md.
 */
export function useReadRouting(app: Chronicle): Plugin<GraphQLContext> {
  return {
    async onExecute({ args, extendContext }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      extendContext({ reads: await readsFor(app, args.contextValue.minPosition) });
    },
  };
}

async function readsFor(app: Chronicle, minPosition: number | undefined): Promise<Database> {
  if (minPosition === undefined) return app.replicas?.any() ?? app.database;
  await refuseBeyondHead(app, minPosition);
  // As the primary has them: a projector's checkpoint commits with its writes. Bounded like a strong command's wait.
  await app.runtimes.waitFor(minPosition);
  if (!app.replicas) return app.database;
  // Taken after the projectors' commits, so a replica past it shows them.
  const location = await primaryWalLocation(app.database.db);
  return (await app.replicas.replayed(location)) ?? app.database;
}

/** A position never handed out would hold the query for the whole wait and then answer anyway: a client error. */
async function refuseBeyondHead(app: Chronicle, position: number): Promise<void> {
  if (position <= app.feed.position) return;
  const head = await app.store.head();
  if (position <= head) return;
  throw new GraphQLError(`Chronicle-Min-Position is ${position}, beyond the head of the log (position ${head})`, {
    extensions: { code: 'BAD_USER_INPUT', head: positionCursor(head) },
  });
}
