import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { builder } from '../../../graphql/builder.js';
import { positionCursor } from '../../../graphql/position-cursor.js';
import type { ChallengeActivitiesTable, ChallengeCompetitorsTable, ChallengesTable } from '../challenge-tables.js';
import { activityTypes, challengeCategories } from '../challenge-values.js';
import { activityFeedPage, challengeActivities, challengeCompetitors, competitorName, leaderboardPage } from './challenge-reads.js';
import { LeaderboardEntryType } from './leaderboard-entry-type.js';

export const ActivityTypeEnum = builder.enumType('ActivityType', { values: activityTypes });
export const ChallengeCategoryEnum = builder.enumType('ChallengeCategory', {
  description: 'Every competitor is ranked OVERALL, and also in MEN or WOMEN when they chose one.',
  values: challengeCategories,
});
export const GenderCategoryEnum = builder.enumType('GenderCategory', { values: ['MEN', 'WOMEN'] as const });
export const ChallengeStatusEnum = builder.enumType('ChallengeStatus', {
  values: {
    CREATED: { description: 'Not yet open for competitors.' },
    HOSTED: { description: 'Open for competitors; not started.' },
    ACTIVE: { description: 'Running: activities count.' },
    ENDED: { description: 'Over; the results are final.' },
  },
});

const CompetitorType = builder.objectRef<ChallengeCompetitorsTable>('Competitor').implement({
  fields: (t) => ({
    athleteId: t.exposeID('athlete_id'),
    athleteName: t.exposeString('athlete_name'),
    category: t.field({ type: GenderCategoryEnum, nullable: true, description: 'Besides OVERALL.', resolve: (row) => row.category }),
    joinedAt: t.field({ type: 'DateTime', resolve: (row) => row.joined_at }),
  }),
});

export const ChallengeActivityType = builder.objectRef<ChallengeActivitiesTable>('ChallengeActivity').implement({
  description: 'An activity that counts in a challenge.',
  fields: (t) => ({
    id: t.exposeID('activity_id'),
    athleteId: t.exposeID('athlete_id'),
    athleteName: t.string({
      nullable: true,
      description: 'Null when the athlete has left the challenge.',
      resolve: (row, _args, ctx) => competitorName(ctx, row.challenge_id, row.athlete_id),
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
      resolve: (row, _args, ctx) => challengeCompetitors(ctx, row.challenge_id),
    }),
    leaderboard: t.connection({
      type: LeaderboardEntryType,
      description: 'The latest ranking of a category, first place first; the cursor is the rank.',
      args: { category: t.arg({ type: ChallengeCategoryEnum, defaultValue: 'OVERALL', required: true }) },
      resolve: (row, args, ctx) =>
        resolveCursorConnection({ args, toCursor: (entry) => String(entry.rank) }, (page: ResolveCursorConnectionArgs) =>
          leaderboardPage(ctx, row.challenge_id, args.category, page),
        ),
    }),
    activityFeed: t.connection({
      type: ChallengeActivityType,
      description: 'The latest activities across the challenge, newest first; the cursor is the log position.',
      resolve: (row, args, ctx) =>
        resolveCursorConnection({ args, toCursor: (activity) => positionCursor(activity.position) }, (page: ResolveCursorConnectionArgs) =>
          activityFeedPage(ctx, row.challenge_id, page),
        ),
    }),
    activities: t.field({
      type: [ChallengeActivityType],
      description: 'The activities of one athlete (or everyone’s), in the order they started.',
      args: { athleteId: t.arg.id() },
      resolve: (row, args, ctx) => challengeActivities(ctx, row.challenge_id, args.athleteId == null ? null : String(args.athleteId)),
    }),
  }),
});
