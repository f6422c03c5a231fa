import type { DomainModule } from '../../app/domain-module.js';
import { admin } from '../../auth/admin-role.js';
import { authenticated, type Clock, systemClock } from '../../es/index.js';
import { arenaAggregate } from './arena-aggregate.js';
import { arenaProjector } from './arena-projector.js';
import { arenaWeekProcess } from './arena-week-process.js';
import { arenaMigrations } from './migrations/index.js';
// The slice's GraphQL types and fields, registered on the shared builder when the slice is listed.
import './graphql/index.js';

/**
 * The arcade leaderboard: kills per arena and week, and the weekly top 10. Weeks end by themselves
 * (the arena week process schedules them, so the app must list the scheduling module too); `clock`
 * stamps each kill's time, from which its week's end is fixed (tests pass the scheduler's clock).
 */
export function createArenaModule({ clock = systemClock }: { clock?: Clock } = {}): DomainModule {
  return {
    name: 'arena',
    migrations: arenaMigrations,
    register({ router, runtimes }) {
      router.register(arenaAggregate, {
        RecordKill: {
          identity: 'arenaId',
          access: authenticated,
          enrich: async (command) => ({ ...command, at: command.at ?? clock.now().toISOString() }),
        },
        CompleteWeek: { identity: 'arenaId', access: admin },
      });
      runtimes.addProjector(arenaProjector).addProcessManager(arenaWeekProcess);
    },
  };
}

export const arenaModule = createArenaModule();
