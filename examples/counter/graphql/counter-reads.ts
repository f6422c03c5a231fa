import { tables } from '../../../src/db/database.js';
import type { GraphQLContext } from '../../../src/graphql/context.js';
import type { CounterTables } from '../counter-projector.js';

export function findCounter(ctx: GraphQLContext, id: string) {
  return tables<CounterTables>(ctx.app.database).selectFrom('counters').selectAll().where('id', '=', id).executeTakeFirst();
}
