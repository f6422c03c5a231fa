import type { AccessRule } from '../../../es/index.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { athleteAggregate } from '../athlete-aggregate.js';
import { challengeTables } from './challenge-reads.js';

/** Only the owner of the athlete the field's argument `name` names. */
export function athleteOwnerOfArg(name: string) {
  return ownerOfField(athleteAggregate, ({ args }: FieldInput<Record<string, string | number>>) => String(args[name]));
}

const ownerOfAthlete = ownerOfField(athleteAggregate, ({ args }: FieldInput<{ athleteId: string }>) => args.athleteId);

/** A notification is acknowledged by the owner of the athlete it was written for. */
export const ownerOfNotification: AccessRule<FieldInput<{ id: string | number }>> = {
  allows: ownerOfAthlete.allows,
  async check({ args, context }, access) {
    const row = await challengeTables(context)
      .selectFrom('challenge_notifications')
      .select('athlete_id')
      .where('notification_id', '=', String(args.id))
      .executeTakeFirst();
    // No such notification: nothing to protect, and the mutation answers NotificationNotFound.
    if (!row) return;
    await ownerOfAthlete.check({ args: { athleteId: row.athlete_id }, parent: undefined, context }, access);
  },
};
