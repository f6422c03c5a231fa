import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { ChallengesTable, ChallengeTables } from '../challenge-tables.js';

export function challengeTables(ctx: GraphQLContext) {
  return tables<ChallengeTables>(ctx.app.database);
}

export function findChallenge(ctx: GraphQLContext, by: { id?: string | null; slug?: string | null }): Promise<ChallengesTable | undefined> {
  let query = challengeTables(ctx).selectFrom('challenges').selectAll();
  if (by.id != null) query = query.where('challenge_id', '=', by.id);
  if (by.slug != null) query = query.where('slug', '=', by.slug);
  return query.executeTakeFirst();
}

/** After a `strong` command the projection has the challenge; its absence is a bug, not a client error. */
export async function loadChallenge(ctx: GraphQLContext, challengeId: string): Promise<ChallengesTable> {
  const challenge = await findChallenge(ctx, { id: challengeId });
  if (!challenge) throw new Error(`Challenge ${challengeId} is missing from its projection after a strong command`);
  return challenge;
}
