import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../db/database.js';
import { primaryWalLocation, type WalLocation } from '../../db/read-replicas.js';
import type { Chronicle } from '../../server/chronicle.js';
import type { GraphQLContext } from '../context.js';
import { positionCursor } from '../position-cursor.js';
import { WalMarks } from './wal-marks.js';

/**
 * Chooses per operation the database its reads go to (`ctx.reads`). Mutations and subscriptions
 * read the primary. A query without a minimum position reads a replica when there are any
 * (eventually consistent); one with a minimum position (`Chronicle-Min-Position`) reads only data
 * at or past it: once every projector has processed it, from a replica that has replayed the
 * primary's log past those projectors' commits, or else from the primary. See docs/consistency.md.
 */
export function useReadRouting(app: Chronicle): Plugin<GraphQLContext> {
  const marks = new WalMarks();
  return {
    async onExecute({ args, extendContext, setResultAndStopExecution }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'query') return;
      const { minPosition } = args.contextValue;
      let reads: Database;
      try {
        reads = await readsFor(app, marks, minPosition);
      } catch (error) {
        // A client error is the operation's result; thrown, it would close a graphql-ws socket.
        if (!(error instanceof GraphQLError)) throw error;
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      app.metrics.queryReads.inc({
        database: reads === app.database ? 'primary' : 'replica',
        consistency: minPosition === undefined ? 'any' : 'min_position',
      });
      extendContext({ reads });
    },
  };
}

async function readsFor(app: Chronicle, marks: WalMarks, minPosition: number | undefined): Promise<Database> {
  if (minPosition === undefined) return app.replicas?.any() ?? app.database;
  const location = marks.covering(minPosition) ?? (await projectorsPast(app, minPosition, app.replicas ? marks : undefined));
  if (!app.replicas || location === undefined) return app.database;
  return (await app.replicas.replayed(location)) ?? app.database;
}

/**
 * Waits until every projector has processed `position` as the primary has it (a projector's
 * checkpoint commits with its writes), bounded like a strong command's wait; with replicas, then
 * answers the primary's WAL location, which is past those commits, and remembers it in `marks`.
 */
async function projectorsPast(app: Chronicle, position: number, marks: WalMarks | undefined): Promise<WalLocation | undefined> {
  await refuseBeyondHead(app, position);
  await app.runtimes.waitFor(position);
  if (!marks) return undefined;
  const reached = Math.min(
    ...(await app.runtimes.status()).filter((runtime) => runtime.kind === 'projector').map((runtime) => runtime.checkpoint),
  );
  const location = await primaryWalLocation(app.database.db);
  // A projector that did not catch up in time: a replica may not hold its writes, so the primary answers.
  if (reached < position) return undefined;
  marks.record(reached, location);
  return location;
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
