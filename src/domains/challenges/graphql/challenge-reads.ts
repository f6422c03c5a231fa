import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { ChallengesTable, ChallengeTables } from '../challenge-tables.js';
import { readBack } from '../../../graphql/read-back.js';

export function challengeTables(ctx: GraphQLContext) {
  return tables<ChallengeTables>(ctx.app.database);
}

export function findChallenge(ctx: GraphQLContext, by: { id?: string | null; slug?: string | null }): Promise<ChallengesTable | undefined> {
  let query = challengeTables(ctx).selectFrom('challenges').selectAll();
  if (by.id != null) query = query.where('challenge_id', '=', by.id);
  if (by.slug != null) query = query.where('slug', '=', by.slug);
  return query.executeTakeFirst();
}

/** The challenge as projected after a `strong` command. */
export async function loadChallenge(ctx: GraphQLContext, challengeId: string): Promise<ChallengesTable> {
  return readBack(await findChallenge(ctx, { id: challengeId }), `Challenge ${challengeId}`);
}
