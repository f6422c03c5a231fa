import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
import { ArenaNotFound } from './arena-errors.js';

const name = z
  .string()
  .max(100, 'must be at most 100 characters')
  .refine((value) => value.trim().length > 0, 'must not be blank');

/**
 * A kill opens the arena; completing a week needs an arena that saw one. `at` is when the kill
 * happened by the server's clock (the arena module's enrichment stamps it; clients never send it).
 * `week` names the week to complete: the scheduled completion sends it, so it completes nothing
 * once that week is over; without it (the admin's mutation) the week being played ends.
 */
export const arenaCommands = defineCommands({
  RecordKill: { schema: z.object({ arenaId: name, attacker: name, at: z.iso.datetime().optional() }), refusals: [] },
  CompleteWeek: { schema: z.object({ arenaId: name, week: z.number().int().min(1).optional() }), refusals: [ArenaNotFound] },
});

export type ArenaCommand = CommandOf<typeof arenaCommands>;
