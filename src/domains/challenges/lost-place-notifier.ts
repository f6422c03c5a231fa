import { defineEventHandler, deterministicId } from '../../es/index.js';
import type { ChallengeEvent } from './challenge-events.js';
import type { ChallengeTables } from './challenge-tables.js';
import { lostPlaceMessage } from './lost-place-message.js';

export const LOST_PLACE_NOTIFIER = 'challenge-lost-place-notifier';

/** The notification of one athlete about one ranking: the same on every delivery of the event. */
export function lostPlaceNotificationId(eventId: string, athleteId: string): string {
  return deterministicId(LOST_PLACE_NOTIFIER, eventId, athleteId);
}

/**
 * Tells every athlete who lost places in a ranking, through the notifications outbox. Each
 * notification's id derives from (event, athlete) and all of a ranking's go in one statement
 * that skips ids already there: a redelivered event writes nothing twice.
 */
export const lostPlaceNotifier = defineEventHandler<ChallengeEvent>({
  name: LOST_PLACE_NOTIFIER,
  handlers: {
    LeaderboardRanked: async (event, { db }) => {
      const { challengeId, challengeName, endDate, category, positionsLost } = event.data;
      if (positionsLost.length === 0) return;
      await (db as import('kysely').Kysely<ChallengeTables>)
        .insertInto('challenge_notifications')
        .values(
          positionsLost.map((lost) => ({
            notification_id: lostPlaceNotificationId(event.eventId, lost.athleteId),
            athlete_id: lost.athleteId,
            challenge_id: challengeId,
            category,
            message: lostPlaceMessage({ challengeName, category, places: lost.places, rank: lost.rank, endDate, at: event.occurredAt }),
            rank: lost.rank,
            places_lost: lost.places,
            position: event.position,
            created_at: event.occurredAt,
            read_at: null,
          })),
        )
        .onConflict((conflict) => conflict.column('notification_id').doNothing())
        .execute();
    },
  },
});
