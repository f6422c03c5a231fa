import { commandMutation } from '../../../graphql/command-mutation.js';
import { readBack } from '../../../graphql/read-back.js';
import { arenaAggregate } from '../arena-aggregate.js';
import type { ArenaEvent } from '../arena-events.js';
import { ARENA_PROJECTION } from '../arena-projector.js';
import { findArenaWeek, findScore } from './arena-reads.js';
import { ArenaScoreType, ArenaType } from './arena-type.js';

// Both mutations wait for the arena projection, so the answer reads its own write.

commandMutation('recordKill', {
  aggregate: arenaAggregate,
  command: 'RecordKill',
  description: 'Records a zombie killed by `attacker` in the arena’s current week; answers with their score and rank.',
  arguments: {
    input: (t) => ({
      arenaId: t.string({ required: true, description: 'Any non-blank id of at most 100 characters; an arena opens with its first kill.' }),
      attacker: t.string({ required: true }),
    }),
  },
  type: ArenaScoreType,
  waitFor: [ARENA_PROJECTION],
  result: async (ctx, { arenaId, attacker }, execution) => {
    // The week the kill counted toward, whatever week the arena has moved on to since (the first
    // kill of a week comes after the week's WeekEndFixed).
    const killed = execution.events.find((event) => event.type === 'ZombieKilled') as Extract<ArenaEvent, { type: 'ZombieKilled' }>;
    const { week } = killed.data;
    return readBack(await findScore(ctx, arenaId, week, attacker), `The score of ${attacker} in arena ${arenaId}`);
  },
});

commandMutation('completeWeek', {
  aggregate: arenaAggregate,
  command: 'CompleteWeek',
  description: 'Ends the arena’s current week and starts the next with every score at zero; the week ended stays readable.',
  arguments: { args: (t) => ({ arenaId: t.string({ required: true }) }) },
  type: ArenaType,
  waitFor: [ARENA_PROJECTION],
  result: async (ctx, { arenaId }) => readBack(await findArenaWeek(ctx, arenaId), `Arena ${arenaId}`),
});
