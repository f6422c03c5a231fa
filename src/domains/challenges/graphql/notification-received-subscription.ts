import type { RecordedEvent } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { parsePositionCursor } from '../../../graphql/position-cursor.js';
import type { LeaderboardRankedData } from '../challenge-events.js';
import { LOST_PLACE_NOTIFIER, lostPlaceNotificationId } from '../lost-place-notifier.js';
import { athleteOwnerOfArg } from './athlete-type.js';
import { findNotification } from './challenge-reads.js';
import { NotificationType } from './notification-type.js';

type RankedEvent = RecordedEvent<'LeaderboardRanked', LeaderboardRankedData>;

builder.subscriptionField('notificationReceived', (t) =>
  t.field({
    access: athleteOwnerOfArg('athleteId'),
    type: NotificationType,
    description: 'Each new notification of the athlete, as the notifier writes it.',
    args: { athleteId: t.arg.id({ required: true }), after: t.arg.string({ description: 'A position: replay from there first.' }) },
    subscribe: (_root, { athleteId, after }, ctx) =>
      ctx.app.feed.follow({
        ...(after == null ? {} : { after: parsePositionCursor(after) }),
        types: ['LeaderboardRanked'],
        filter: (event) => (event as RankedEvent).data.positionsLost.some((lost) => lost.athleteId === String(athleteId)),
      }) as AsyncIterable<RankedEvent>,
    resolve: async (event, { athleteId }, ctx) => {
      await ctx.app.runtimes.waitFor(event.position, [LOST_PLACE_NOTIFIER]);
      const row = await findNotification(ctx, lostPlaceNotificationId(event.eventId, String(athleteId)));
      if (!row) throw new Error(`The notifier has not written the notification of event ${event.position} in time`);
      return row;
    },
  }),
);
