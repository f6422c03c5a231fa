import { builder } from '../../../graphql/builder.js';
import { dispatch } from '../../../graphql/dispatch.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { errorType } from '../../../graphql/types/errors.js';
import type { ArenaCommand } from '../arena-commands.js';
import { ArenaNotFound } from '../arena-errors.js';
import type { ArenaEvent } from '../arena-events.js';
import { ARENA_PROJECTION } from '../arena-projector.js';
import { ArenaScoreType, ArenaType } from './arena-type.js';
import { findArenaWeek, findScore } from './find-arena-scores.js';
import { byCommand } from '../../../graphql/field-access.js';
import { readBack } from '../../../graphql/read-back.js';

errorType(ArenaNotFound);

/** Sends the command and waits until the arena projection has it, so the answer reads its own write. */
async function execute(ctx: GraphQLContext, command: ArenaCommand): Promise<ArenaEvent> {
  const result = await dispatch<ArenaEvent>(ctx, command, { consistency: 'strong', projections: [ARENA_PROJECTION] });
  return result.events[0]!;
}

const RecordKillInput = builder.inputType('RecordKillInput', {
  fields: (t) => ({
    arenaId: t.string({ required: true, description: 'Any non-blank id of at most 100 characters; an arena opens with its first kill.' }),
    attacker: t.string({ required: true }),
  }),
});

builder.mutationField('recordKill', (t) =>
  t.field({
    access: byCommand('RecordKill'),
    type: ArenaScoreType,
    description: 'Records a zombie killed by `attacker` in the arena’s current week; answers with their score and rank.',
    errors: { types: [] },
    args: { input: t.arg({ type: RecordKillInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const event = await execute(ctx, { type: 'RecordKill', ...input });
      return readBack(
        await findScore(ctx, input.arenaId, event.data.week, input.attacker),
        `The score of ${input.attacker} in arena ${input.arenaId}`,
      );
    },
  }),
);

builder.mutationField('completeWeek', (t) =>
  t.field({
    access: byCommand('CompleteWeek'),
    type: ArenaType,
    description: 'Ends the arena’s current week and starts the next with every score at zero; the week ended stays readable.',
    errors: { types: [ArenaNotFound] },
    args: { arenaId: t.arg.string({ required: true }) },
    resolve: async (_root, { arenaId }, ctx) => {
      await execute(ctx, { type: 'CompleteWeek', arenaId });
      return readBack(await findArenaWeek(ctx, arenaId), `Arena ${arenaId}`);
    },
  }),
);
