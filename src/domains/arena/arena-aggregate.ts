import { defineAggregate } from '../../es/index.js';
import { type ArenaCommand, arenaCommands } from './arena-commands.js';
import type { ArenaEvent } from './arena-events.js';
import { ArenaNotFound } from './arena-errors.js';
import { weekEndAfter } from './arena-week.js';

export interface ArenaState {
  /** False until the arena's first kill. */
  open: boolean;
  /** The week being played, from 1. */
  week: number;
  /** Kills per attacker in the current week. */
  kills: Record<string, number>;
  /** When the current week ends by itself; null until its first kill fixes it. */
  weekEndsAt: string | null;
}

/**
 * An arcade arena, played in weeks. Kills count toward the current week; completing it starts
 * the next week with every score at zero. Past weeks live on in the read model. The first kill of
 * a week fixes its end, the next Monday 00:00 UTC, when the arena week process completes it; a
 * week without a kill has no end to reach, so an idle arena stays in its week.
 */
export const arenaAggregate = defineAggregate<ArenaState, ArenaCommand, ArenaEvent>({
  name: 'arena',
  commands: arenaCommands,
  initialState: { open: false, week: 1, kills: {}, weekEndsAt: null },
  snapshot: { every: 500, schemaVersion: 2 },

  execute(state, command) {
    const { arenaId } = command;
    if (command.type === 'RecordKill') {
      const { attacker } = command;
      const kills = (Object.hasOwn(state.kills, attacker) ? state.kills[attacker]! : 0) + 1;
      const killed: ArenaEvent = { type: 'ZombieKilled', data: { arenaId, week: state.week, attacker, kills } };
      // Without a time (a command sent around the module's enrichment) no end can be fixed.
      if (state.weekEndsAt !== null || command.at === undefined) return killed;
      return [{ type: 'WeekEndFixed', data: { arenaId, week: state.week, endsAt: weekEndAfter(command.at) } }, killed];
    }
    if (!state.open) return new ArenaNotFound();
    // The week named is over already (an admin completed it first): there is nothing left to complete.
    if (command.week !== undefined && command.week !== state.week) return [];
    return { type: 'WeekCompleted', data: { arenaId, week: state.week } };
  },

  apply(state, event) {
    switch (event.type) {
      case 'WeekCompleted':
        return { open: true, week: event.data.week + 1, kills: {}, weekEndsAt: null };
      case 'WeekEndFixed':
        return { ...state, open: true, weekEndsAt: event.data.endsAt };
      case 'ZombieKilled':
        return { ...state, open: true, kills: { ...state.kills, [event.data.attacker]: event.data.kills } };
    }
  },
});
