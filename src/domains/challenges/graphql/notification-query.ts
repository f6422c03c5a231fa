import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { builder } from '../../../graphql/builder.js';
import { positionCursor } from '../../../graphql/position-cursor.js';
import type { ChallengeNotificationsTable } from '../challenge-tables.js';
import { athleteOwnerOfArg } from './athlete-type.js';
import { notificationsPage } from './challenge-reads.js';
import { NotificationType } from './notification-type.js';

builder.queryField('notifications', (t) =>
  t.connection({
    access: athleteOwnerOfArg('athleteId'),
    type: NotificationType,
    description: 'An athlete’s notifications, newest first; the cursor is the position of the ranking behind each.',
    args: { athleteId: t.arg.id({ required: true }), unreadOnly: t.arg.boolean({ defaultValue: false, required: true }) },
    resolve: (_root, args, ctx) =>
      resolveCursorConnection(
        { args, toCursor: (row: ChallengeNotificationsTable) => `${positionCursor(row.position)}` },
        (page: ResolveCursorConnectionArgs) => notificationsPage(ctx, String(args.athleteId), args.unreadOnly, page),
      ),
  }),
);
