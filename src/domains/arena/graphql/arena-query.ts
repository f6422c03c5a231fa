import { builder } from '../../../graphql/builder.js';
import { ArenaType } from './arena-type.js';
import { findArenaWeek } from './arena-reads.js';
import { everyone } from '../../../es/index.js';

builder.queryField('arena', (t) =>
  t.field({
    access: everyone,
    type: ArenaType,
    nullable: true,
    description: 'An arena in its current week, or in a past `week` (from 1); null for an arena without a kill or a week not reached.',
    args: { id: t.arg.string({ required: true }), week: t.arg.int() },
    resolve: async (_root, { id, week }, ctx) => (await findArenaWeek(ctx, id, week ?? undefined)) ?? null,
  }),
);
