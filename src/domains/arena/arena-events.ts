import type { DomainEvent } from '../../es/index.js';

/**
 * `kills` is the attacker's total for the week after this kill, so a projection never has to count.
 * `WeekEndFixed` comes with the first kill of a week: the week ends by itself at `endsAt` (the next
 * Monday 00:00 UTC), which the arena week process schedules.
 */
export type ArenaEvent =
  | DomainEvent<'ZombieKilled', { arenaId: string; week: number; attacker: string; kills: number }>
  | DomainEvent<'WeekEndFixed', { arenaId: string; week: number; endsAt: string }>
  | DomainEvent<'WeekCompleted', { arenaId: string; week: number }>;

export const arenaEventTypes: ArenaEvent['type'][] = ['ZombieKilled', 'WeekEndFixed', 'WeekCompleted'];
