import { builder } from '../../../graphql/builder.js';
import { AthleteType, athleteOwnerOfArg } from './athlete-type.js';
import { findAthlete } from './challenge-reads.js';

builder.queryField('athlete', (t) =>
  t.field({
    access: athleteOwnerOfArg('id'),
    type: AthleteType,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => findAthlete(ctx, String(id)),
  }),
);
