import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
import { ArenaNotFound } from './arena-errors.js';

const name = z
  .string()
  .max(100, 'must be at most 100 characters')
  .refine((value) => value.trim().length > 0, 'must not be blank');

/** A kill opens the arena; completing a week needs an arena that saw one. */
export const arenaCommands = defineCommands({
  RecordKill: { schema: z.object({ arenaId: name, attacker: name }), refusals: [] },
  CompleteWeek: { schema: z.object({ arenaId: name }), refusals: [ArenaNotFound] },
});

export type ArenaCommand = CommandOf<typeof arenaCommands>;
