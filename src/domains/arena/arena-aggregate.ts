import { defineAggregate } from '../../es/index.js';
import { type ArenaCommand, arenaCommands } from './arena-commands.js';
import type { ArenaEvent } from './arena-events.js';
import { ArenaNotFound } from './arena-errors.js';

export interface ArenaState {
  /** False until the arena's first kill. */
  open: boolean;
  /** The week being played, from 1. */
  week: number;
  /** Kills per attacker in the current week. */
  kills: Record<string, number>;
}

/**
 * An arcade arena, played in weeks. Kills count toward the current week; completing it starts
 * the next week with every score at zero. Past weeks live on in the read model.
 */
export const arenaAggregate = defineAggregate<ArenaState, ArenaCommand, ArenaEvent>({
  name: 'arena',
  commands: arenaCommands,
  initialState: { open: false, week: 1, kills: {} },
  snapshot: { every: 500, schemaVersion: 1 },

  execute(state, command) {
    const { arenaId } = command;
    if (command.type === 'RecordKill') {
      const { attacker } = command;
      const kills = (Object.hasOwn(state.kills, attacker) ? state.kills[attacker]! : 0) + 1;
      return { type: 'ZombieKilled', data: { arenaId, week: state.week, attacker, kills } };
    }
    if (!state.open) return new ArenaNotFound();
    return { type: 'WeekCompleted', data: { arenaId, week: state.week } };
  },

  apply(state, event) {
    if (event.type === 'WeekCompleted') return { open: true, week: event.data.week + 1, kills: {} };
    return { open: true, week: state.week, kills: { ...state.kills, [event.data.attacker]: event.data.kills } };
  },
});
