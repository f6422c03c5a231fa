import { defineProjector, ERASED, type PersonalDataErasedEvent } from '../../es/index.js';
import { athleteOfSubject, type ChallengeEvent } from './challenge-events.js';
import type { ChallengeTables } from './challenge-tables.js';

export const LEADERBOARDS_PROJECTION = 'challenge-leaderboards';

/** Each category's latest ranking, and the activities that count (the activity feed reads them newest first). */
export const leaderboardsProjector = defineProjector<ChallengeTables, ChallengeEvent | PersonalDataErasedEvent>({
  name: LEADERBOARDS_PROJECTION,
  tables: ['challenge_leaderboard_entries', 'challenge_activities'],
  handlers: {
    LeaderboardRanked: async (trx, event) => {
      const { challengeId, category, rankings } = event.data;
      await trx
        .deleteFrom('challenge_leaderboard_entries')
        .where('challenge_id', '=', challengeId)
        .where('category', '=', category)
        .execute();
      if (rankings.length === 0) return;
      await trx
        .insertInto('challenge_leaderboard_entries')
        .values(
          rankings.map((ranking) => ({
            challenge_id: challengeId,
            category,
            rank: ranking.rank,
            athlete_id: ranking.athleteId,
            athlete_name: ranking.athleteName,
            distance_metres: ranking.distanceMetres,
            moving_time_seconds: ranking.movingTimeSeconds,
            elevation_metres: ranking.elevationMetres,
            activity_count: ranking.activityCount,
            progress: ranking.progress,
            position: event.position,
          })),
        )
        .execute();
    },
    ActivityRecorded: async (trx, event) => {
      const { challengeId, activityId, athleteId, activityType, startDateLocal, distanceMetres, movingTimeSeconds, elevationMetres } =
        event.data;
      await trx
        .insertInto('challenge_activities')
        .values({
          challenge_id: challengeId,
          activity_id: activityId,
          athlete_id: athleteId,
          activity_type: activityType,
          start_date_local: new Date(startDateLocal),
          distance_metres: distanceMetres,
          moving_time_seconds: movingTimeSeconds,
          elevation_metres: elevationMetres,
          position: event.position,
          recorded_at: event.occurredAt,
        })
        .execute();
    },
    ActivityRemoved: async (trx, event) => {
      await trx
        .deleteFrom('challenge_activities')
        .where('challenge_id', '=', event.data.challengeId)
        .where('activity_id', '=', event.data.activityId)
        .execute();
    },
    PersonalDataErased: async (trx, event) => {
      const athleteId = athleteOfSubject(event.data.subject);
      if (athleteId === undefined) return;
      await trx.updateTable('challenge_leaderboard_entries').set({ athlete_name: ERASED }).where('athlete_id', '=', athleteId).execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('challenge_leaderboard_entries').execute();
    await db.deleteFrom('challenge_activities').execute();
  },
});
