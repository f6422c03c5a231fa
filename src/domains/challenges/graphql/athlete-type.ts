import { builder } from '../../../graphql/builder.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { athleteAggregate } from '../athlete-aggregate.js';
import type { ChallengeAthletesTable } from '../challenge-tables.js';
import { GenderCategoryEnum } from './challenge-type.js';

/** Only the owner of the athlete the field's argument `name` names. */
export function athleteOwnerOfArg(name: string) {
  return ownerOfField(athleteAggregate, ({ args }: FieldInput<Record<string, string | number>>) => String(args[name]));
}

export const AthleteType = builder.objectRef<ChallengeAthletesTable>('Athlete').implement({
  description: 'An athlete as they last joined a challenge: name and leaderboard category.',
  fields: (t) => ({
    id: t.exposeID('athlete_id'),
    name: t.exposeString('name'),
    category: t.field({ type: GenderCategoryEnum, nullable: true, description: 'Besides OVERALL.', resolve: (row) => row.category }),
  }),
});
