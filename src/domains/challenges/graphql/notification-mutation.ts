import { sql } from 'kysely';
import type { AccessRule } from '../../../es/index.js';
import { tables } from '../../../db/database.js';
import { builder } from '../../../graphql/builder.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { errorType } from '../../../graphql/types/errors.js';
import { athleteAggregate } from '../athlete-aggregate.js';
import { NotificationNotFound } from '../challenge-errors.js';
import type { ChallengeTables } from '../challenge-tables.js';
import { findNotification } from './challenge-reads.js';
import { NotificationType } from './notification-type.js';

const ownerOfAthlete = ownerOfField(athleteAggregate, ({ args }: FieldInput<{ athleteId: string }>) => args.athleteId);

/** A notification is acknowledged by the owner of the athlete it was written for. */
const ownerOfNotification: AccessRule<FieldInput<{ id: string | number }>> = {
  allows: ownerOfAthlete.allows,
  async check({ args, context }, access) {
    const notification = await findNotification(context, String(args.id));
    // No such notification: nothing to protect, and the mutation answers NotificationNotFound.
    if (!notification) return;
    await ownerOfAthlete.check({ args: { athleteId: notification.athlete_id }, parent: undefined, context }, access);
  },
};

// Acknowledging sends no command: it marks the notifier's row read, so its one refusal is its own.
errorType(NotificationNotFound);

builder.mutationField('acknowledgeNotification', (t) =>
  t.field({
    access: ownerOfNotification,
    type: NotificationType,
    description: 'Marks a notification read; acknowledging it again keeps the first time.',
    errors: { types: [NotificationNotFound] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const row = await tables<ChallengeTables>(ctx.app.database)
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
