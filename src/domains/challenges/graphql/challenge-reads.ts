import type { ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { parsePositionCursor } from '../../../graphql/position-cursor.js';
import { readBack } from '../../../graphql/read-back.js';
import type { Ranking } from '../challenge-events.js';
import type {
  ChallengeActivitiesTable,
  ChallengeAthletesTable,
  ChallengeCompetitorsTable,
  ChallengeLeaderboardEntriesTable,
  ChallengeNotificationsTable,
  ChallengesTable,
  ChallengeTables,
} from '../challenge-tables.js';
import type { ChallengeCategory, ChallengeStatus } from '../challenge-values.js';

/** What a read needs of the context: the database it reads (the slice's HTTP routes pass `{ reads: app.database }`). */
type ReadContext = Pick<GraphQLContext, 'reads'>;

function challengeTables(ctx: ReadContext) {
  return tables<ChallengeTables>(ctx.reads);
}

export function findChallenge(ctx: ReadContext, by: { id?: string | null; slug?: string | null }): Promise<ChallengesTable | undefined> {
  let query = challengeTables(ctx).selectFrom('challenges').selectAll();
  if (by.id != null) query = query.where('challenge_id', '=', by.id);
  if (by.slug != null) query = query.where('slug', '=', by.slug);
  return query.executeTakeFirst();
}

/** The challenge as projected after a `strong` command. */
export async function loadChallenge(ctx: GraphQLContext, challengeId: string): Promise<ChallengesTable> {
  return readBack(await findChallenge(ctx, { id: challengeId }), `Challenge ${challengeId}`);
}

/** Challenges, optionally of one status, soonest start first (at most 500). */
export function listChallenges(ctx: GraphQLContext, status: ChallengeStatus | null | undefined): Promise<ChallengesTable[]> {
  let query = challengeTables(ctx).selectFrom('challenges').selectAll();
  if (status != null) query = query.where('status', '=', status);
  return query.orderBy('start_date').orderBy('challenge_id').limit(500).execute();
}

/** A challenge's competitors, in the order they joined. */
export function challengeCompetitors(ctx: GraphQLContext, challengeId: string): Promise<ChallengeCompetitorsTable[]> {
  return challengeTables(ctx)
    .selectFrom('challenge_competitors')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .orderBy('joined_position')
    .execute();
}

/** The name an athlete competes under in a challenge; null once they have left it. */
export async function competitorName(ctx: GraphQLContext, challengeId: string, athleteId: string): Promise<string | null> {
  const row = await challengeTables(ctx)
    .selectFrom('challenge_competitors')
    .select('athlete_name')
    .where('challenge_id', '=', challengeId)
    .where('athlete_id', '=', athleteId)
    .executeTakeFirst();
  return row?.athlete_name ?? null;
}

/** One page of a category's latest ranking, by rank. */
export async function leaderboardPage(
  ctx: GraphQLContext,
  challengeId: string,
  category: ChallengeCategory,
  { before, after, limit, inverted }: ResolveCursorConnectionArgs,
): Promise<Ranking[]> {
  let query = challengeTables(ctx)
    .selectFrom('challenge_leaderboard_entries')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .where('category', '=', category);
  if (after) query = query.where('rank', '>', parsePositionCursor(after, 'after'));
  if (before) query = query.where('rank', '<', parsePositionCursor(before, 'before'));
  return (
    await query
      .orderBy('rank', inverted ? 'desc' : 'asc')
      .limit(limit)
      .execute()
  ).map(toRanking);
}

function toRanking(row: ChallengeLeaderboardEntriesTable): Ranking {
  return {
    rank: row.rank,
    athleteId: row.athlete_id,
    athleteName: row.athlete_name,
    distanceMetres: row.distance_metres,
    movingTimeSeconds: row.moving_time_seconds,
    elevationMetres: row.elevation_metres,
    activityCount: row.activity_count,
    progress: row.progress,
  };
}

/** One page of the activities across a challenge, newest first by log position. */
export function activityFeedPage(
  ctx: GraphQLContext,
  challengeId: string,
  { before, after, limit, inverted }: ResolveCursorConnectionArgs,
): Promise<ChallengeActivitiesTable[]> {
  let query = challengeTables(ctx).selectFrom('challenge_activities').selectAll().where('challenge_id', '=', challengeId);
  if (after) query = query.where('position', '<', parsePositionCursor(after, 'after'));
  if (before) query = query.where('position', '>', parsePositionCursor(before, 'before'));
  return query
    .orderBy('position', inverted ? 'asc' : 'desc')
    .limit(limit)
    .execute();
}

/** The activities of one athlete (or everyone's) in a challenge, in the order they started. */
export function challengeActivities(
  ctx: GraphQLContext,
  challengeId: string,
  athleteId: string | null | undefined,
): Promise<ChallengeActivitiesTable[]> {
  let query = challengeTables(ctx).selectFrom('challenge_activities').selectAll().where('challenge_id', '=', challengeId);
  if (athleteId != null) query = query.where('athlete_id', '=', athleteId);
  return query.orderBy('start_date_local').orderBy('activity_id').execute();
}

export function findAthlete(ctx: GraphQLContext, athleteId: string): Promise<ChallengeAthletesTable | undefined> {
  return challengeTables(ctx).selectFrom('challenge_athletes').selectAll().where('athlete_id', '=', athleteId).executeTakeFirst();
}

export function findNotification(ctx: GraphQLContext, notificationId: string): Promise<ChallengeNotificationsTable | undefined> {
  return challengeTables(ctx)
    .selectFrom('challenge_notifications')
    .selectAll()
    .where('notification_id', '=', notificationId)
    .executeTakeFirst();
}

/** One page of an athlete's notifications, newest first by the position of the ranking behind each. */
export function notificationsPage(
  ctx: GraphQLContext,
  athleteId: string,
  unreadOnly: boolean,
  { before, after, limit, inverted }: ResolveCursorConnectionArgs,
): Promise<ChallengeNotificationsTable[]> {
  let query = challengeTables(ctx).selectFrom('challenge_notifications').selectAll().where('athlete_id', '=', athleteId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  if (after) query = query.where('position', '<', parsePositionCursor(after, 'after'));
  if (before) query = query.where('position', '>', parsePositionCursor(before, 'before'));
  const order = inverted ? 'asc' : 'desc';
  return query.orderBy('position', order).orderBy('category', order).limit(limit).execute();
}
