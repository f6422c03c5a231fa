import type { DomainEvent } from '../../es/index.js';

/** `kills` is the attacker's total for the week after this kill, so a projection never has to count. */
export type ArenaEvent =
  | DomainEvent<'ZombieKilled', { arenaId: string; week: number; attacker: string; kills: number }>
  | DomainEvent<'WeekCompleted', { arenaId: string; week: number }>;

export const arenaEventTypes: ArenaEvent['type'][] = ['ZombieKilled', 'WeekCompleted'];
