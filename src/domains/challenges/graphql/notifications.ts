import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { sql } from 'kysely';
import type { RecordedEvent } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { parsePositionCursor, positionCursor } from '../../../graphql/position-cursor.js';
import { errorType } from '../../../graphql/types/errors.js';
import type { LeaderboardRankedData } from '../challenge-events.js';
import { NotificationNotFound } from '../challenge-errors.js';
import type { ChallengeNotificationsTable } from '../challenge-tables.js';
import { LOST_PLACE_NOTIFIER, lostPlaceNotificationId } from '../lost-place-notifier.js';
import { ChallengeCategoryEnum } from './challenge-enums.js';
import { challengeTables } from './challenge-reads.js';
import { athleteOwnerOfArg, ownerOfNotification } from './athlete-access.js';

errorType(NotificationNotFound);

const NotificationType = builder.objectRef<ChallengeNotificationsTable>('Notification').implement({
  description: 'A message to an athlete: so far, that they lost places on a leaderboard.',
  fields: (t) => ({
    id: t.exposeID('notification_id'),
    athleteId: t.exposeID('athlete_id'),
    challengeId: t.exposeID('challenge_id'),
    category: t.field({ type: ChallengeCategoryEnum, resolve: (row) => row.category }),
    message: t.exposeString('message'),
    rank: t.exposeInt('rank', { description: 'The rank after losing places.' }),
    placesLost: t.exposeInt('places_lost'),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.created_at }),
    readAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was acknowledged.', resolve: (row) => row.read_at }),
  }),
});

builder.queryField('notifications', (t) =>
  t.connection({
    access: athleteOwnerOfArg('athleteId'),
    type: NotificationType,
    description: 'An athlete’s notifications, newest first; the cursor is the position of the ranking behind each.',
    args: { athleteId: t.arg.id({ required: true }), unreadOnly: t.arg.boolean({ defaultValue: false, required: true }) },
    resolve: (_root, args, ctx) =>
      resolveCursorConnection(
        { args, toCursor: (row: ChallengeNotificationsTable) => `${positionCursor(row.position)}` },
        ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
          let query = challengeTables(ctx)
            .selectFrom('challenge_notifications')
            .selectAll()
            .where('athlete_id', '=', String(args.athleteId));
          if (args.unreadOnly) query = query.where('read_at', 'is', null);
          if (after) query = query.where('position', '<', parsePositionCursor(after, 'after'));
          if (before) query = query.where('position', '>', parsePositionCursor(before, 'before'));
          const order = inverted ? 'asc' : 'desc';
          return query.orderBy('position', order).orderBy('category', order).limit(limit).execute();
        },
      ),
  }),
);

builder.mutationField('acknowledgeNotification', (t) =>
  t.field({
    access: ownerOfNotification,
    type: NotificationType,
    description: 'Marks a notification read; acknowledging it again keeps the first time.',
    errors: { types: [NotificationNotFound] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const row = await challengeTables(ctx)
        .updateTable('challenge_notifications')
        .set({ read_at: sql<Date>`coalesce(read_at, now())` })
        .where('notification_id', '=', String(id))
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new NotificationNotFound();
      return row;
    },
  }),
);

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
      const row = await challengeTables(ctx)
        .selectFrom('challenge_notifications')
        .selectAll()
        .where('notification_id', '=', lostPlaceNotificationId(event.eventId, String(athleteId)))
        .executeTakeFirst();
      if (!row) throw new Error(`The notifier has not written the notification of event ${event.position} in time`);
      return row;
    },
  }),
);
