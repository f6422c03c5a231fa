import { builder } from '../../../graphql/builder.js';
import type { ChallengeAthletesTable } from '../challenge-tables.js';
import { challengeTables } from './challenge-reads.js';
import { GenderCategoryEnum } from './challenge-enums.js';
import { athleteOwnerOfArg } from './athlete-access.js';

export const AthleteType = builder.objectRef<ChallengeAthletesTable>('Athlete').implement({
  description: 'An athlete as they last joined a challenge: name and leaderboard category.',
  fields: (t) => ({
    id: t.exposeID('athlete_id'),
    name: t.exposeString('name'),
    category: t.field({ type: GenderCategoryEnum, nullable: true, description: 'Besides OVERALL.', resolve: (row) => row.category }),
  }),
});

builder.queryField('athlete', (t) =>
  t.field({
    access: athleteOwnerOfArg('id'),
    type: AthleteType,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      challengeTables(ctx).selectFrom('challenge_athletes').selectAll().where('athlete_id', '=', String(id)).executeTakeFirst(),
  }),
);
