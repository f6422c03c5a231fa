import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { builder } from '../../../graphql/builder.js';
import { parsePositionCursor, positionCursor } from '../../../graphql/position-cursor.js';
import type {
  ChallengeActivitiesTable,
  ChallengeCompetitorsTable,
  ChallengesTable,
  ChallengeLeaderboardEntriesTable,
} from '../challenge-tables.js';
import { ActivityTypeEnum, ChallengeCategoryEnum, ChallengeStatusEnum, GenderCategoryEnum } from './challenge-enums.js';
import { challengeTables } from './challenge-reads.js';
import { LeaderboardEntryType } from './leaderboard-entry-type.js';

export const CompetitorType = builder.objectRef<ChallengeCompetitorsTable>('Competitor').implement({
  fields: (t) => ({
    athleteId: t.exposeID('athlete_id'),
    athleteName: t.exposeString('athlete_name'),
    category: t.field({ type: GenderCategoryEnum, nullable: true, description: 'Besides OVERALL.', resolve: (row) => row.category }),
    joinedAt: t.field({ type: 'DateTime', resolve: (row) => row.joined_at }),
  }),
});

export const ActivityType = builder.objectRef<ChallengeActivitiesTable>('ChallengeActivity').implement({
  description: 'An activity that counts in a challenge.',
  fields: (t) => ({
    id: t.exposeID('activity_id'),
    athleteId: t.exposeID('athlete_id'),
    athleteName: t.string({
      nullable: true,
      description: 'Null when the athlete has left the challenge.',
      resolve: async (row, _args, ctx) =>
        (
          await challengeTables(ctx)
            .selectFrom('challenge_competitors')
            .select('athlete_name')
            .where('challenge_id', '=', row.challenge_id)
            .where('athlete_id', '=', row.athlete_id)
            .executeTakeFirst()
        )?.athlete_name ?? null,
    }),
    activityType: t.field({ type: ActivityTypeEnum, resolve: (row) => row.activity_type }),
    startDateLocal: t.field({ type: 'DateTime', resolve: (row) => row.start_date_local }),
    distanceMetres: t.field({ type: 'SafeInt', resolve: (row) => row.distance_metres }),
    movingTimeSeconds: t.field({ type: 'SafeInt', resolve: (row) => row.moving_time_seconds }),
    elevationMetres: t.field({ type: 'SafeInt', resolve: (row) => row.elevation_metres }),
    position: t.string({ description: 'Where it was recorded in the log.', resolve: (row) => positionCursor(row.position) }),
    recordedAt: t.field({ type: 'DateTime', resolve: (row) => row.recorded_at }),
  }),
});

export function toRanking(row: ChallengeLeaderboardEntriesTable) {
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

export const ChallengeType = builder.objectRef<ChallengesTable>('Challenge').implement({
  description: 'A distance challenge as its projection shows it.',
  fields: (t) => ({
    id: t.exposeID('challenge_id'),
    slug: t.exposeString('slug', { description: 'Derived from the name; unique. The live page is /live/challenges/<slug>.' }),
    name: t.exposeString('name'),
    description: t.exposeString('description'),
    startDate: t.field({ type: 'DateTime', resolve: (row) => row.start_date }),
    endDate: t.field({ type: 'DateTime', resolve: (row) => row.end_date }),
    goalMetres: t.field({ type: 'SafeInt', resolve: (row) => row.goal_metres }),
    activityType: t.field({ type: ActivityTypeEnum, resolve: (row) => row.activity_type }),
    status: t.field({ type: ChallengeStatusEnum, resolve: (row) => row.status }),
    competitorCount: t.exposeInt('competitor_count'),
    version: t.int({ description: 'The version of the challenge stream this view reflects.', resolve: (row) => row.version }),
    competitors: t.field({
      type: [CompetitorType],
      description: 'In the order they joined.',
      resolve: (row, _args, ctx) =>
        challengeTables(ctx)
          .selectFrom('challenge_competitors')
          .selectAll()
          .where('challenge_id', '=', row.challenge_id)
          .orderBy('joined_position')
          .execute(),
    }),
    leaderboard: t.connection({
      type: LeaderboardEntryType,
      description: 'The latest ranking of a category, first place first; the cursor is the rank.',
      args: { category: t.arg({ type: ChallengeCategoryEnum, defaultValue: 'OVERALL', required: true }) },
      resolve: (row, args, ctx) =>
        resolveCursorConnection(
          { args, toCursor: (entry) => String(entry.rank) },
          async ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
            let query = challengeTables(ctx)
              .selectFrom('challenge_leaderboard_entries')
              .selectAll()
              .where('challenge_id', '=', row.challenge_id)
              .where('category', '=', args.category);
            if (after) query = query.where('rank', '>', parsePositionCursor(after, 'after'));
            if (before) query = query.where('rank', '<', parsePositionCursor(before, 'before'));
            return (
              await query
                .orderBy('rank', inverted ? 'desc' : 'asc')
                .limit(limit)
                .execute()
            ).map(toRanking);
          },
        ),
    }),
    activityFeed: t.connection({
      type: ActivityType,
      description: 'The latest activities across the challenge, newest first; the cursor is the log position.',
      resolve: (row, args, ctx) =>
        resolveCursorConnection(
          { args, toCursor: (activity) => positionCursor(activity.position) },
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
            let query = challengeTables(ctx).selectFrom('challenge_activities').selectAll().where('challenge_id', '=', row.challenge_id);
            if (after) query = query.where('position', '<', parsePositionCursor(after, 'after'));
            if (before) query = query.where('position', '>', parsePositionCursor(before, 'before'));
            return query
              .orderBy('position', inverted ? 'asc' : 'desc')
              .limit(limit)
              .execute();
          },
        ),
    }),
    activities: t.field({
      type: [ActivityType],
      description: 'The activities of one athlete (or everyone’s), in the order they started.',
      args: { athleteId: t.arg.id() },
      resolve: (row, args, ctx) => {
        let query = challengeTables(ctx).selectFrom('challenge_activities').selectAll().where('challenge_id', '=', row.challenge_id);
        if (args.athleteId != null) query = query.where('athlete_id', '=', String(args.athleteId));
        return query.orderBy('start_date_local').orderBy('activity_id').execute();
      },
    }),
  }),
});
