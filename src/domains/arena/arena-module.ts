import type { DomainModule } from '../../app/domain-module.js';
import { admin } from '../../auth/admin-role.js';
import { authenticated } from '../../es/index.js';
import { arenaAggregate } from './arena-aggregate.js';
import { arenaProjector } from './arena-projector.js';
import { arenaMigrations } from './migrations/index.js';
// The slice's GraphQL types and fields, registered on the shared builder when the slice is listed.
import './graphql/index.js';

/** The arcade leaderboard: kills per arena and week, and the weekly top 10. */
export const arenaModule: DomainModule = {
  name: 'arena',
  migrations: arenaMigrations,
  register({ router, runtimes }) {
    router.register(arenaAggregate, {
      RecordKill: { identity: 'arenaId', access: authenticated },
      CompleteWeek: { identity: 'arenaId', access: admin },
    });
    runtimes.addProjector(arenaProjector);
  },
};
