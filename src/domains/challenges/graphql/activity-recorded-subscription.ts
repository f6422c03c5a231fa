import { everyone, type RecordedEvent, streamIdOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { parsePositionCursor } from '../../../graphql/position-cursor.js';
import { challengeAggregate } from '../challenge-aggregate.js';
import type { ChallengeEvent } from '../challenge-events.js';
import type { ChallengeActivitiesTable } from '../challenge-tables.js';
import { ChallengeActivityType } from './challenge-type.js';

type RecordedActivity = RecordedEvent<'ActivityRecorded', Extract<ChallengeEvent, { type: 'ActivityRecorded' }>['data']>;

/** The activity as the feed's row will hold it, straight from its event (the projection may not have it yet). */
function toActivityRow({ data, position, occurredAt }: RecordedActivity): ChallengeActivitiesTable {
  return {
    challenge_id: data.challengeId,
    activity_id: data.activityId,
    athlete_id: data.athleteId,
    activity_type: data.activityType,
    start_date_local: new Date(data.startDateLocal),
    distance_metres: data.distanceMetres,
    moving_time_seconds: data.movingTimeSeconds,
    elevation_metres: data.elevationMetres,
    position,
    recorded_at: occurredAt,
  };
}

builder.subscriptionField('activityRecorded', (t) =>
  t.field({
    access: everyone,
    type: ChallengeActivityType,
    description:
      'Each activity that counts in the challenge, as it is recorded. With `after` (a position, e.g. the `position` of the ' +
      'newest activity of `activityFeed`), first replays those recorded since then, then goes live, with no gap and no duplicate.',
    args: { challengeId: t.arg.id({ required: true }), after: t.arg.string() },
    subscribe: (_root, { challengeId, after }, ctx) =>
      ctx.app.feed.follow({
        ...(after == null ? {} : { after: parsePositionCursor(after) }),
        streamId: streamIdOf(challengeAggregate, String(challengeId)),
        types: ['ActivityRecorded'],
      }) as AsyncIterable<RecordedActivity>,
    resolve: (event) => toActivityRow(event),
  }),
);
