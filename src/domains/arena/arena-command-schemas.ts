import { z } from 'zod';

const name = z
  .string()
  .max(100, 'must be at most 100 characters')
  .refine((value) => value.trim().length > 0, 'must not be blank');

export const recordKillSchema = z.object({ arenaId: name, attacker: name });
export const completeWeekSchema = z.object({ arenaId: name });
