import type { DomainModule } from '../../src/app/domain-module.js';
import { owner } from '../../src/es/index.js';
import { counterAggregate } from './counter-aggregate.js';
import { counterProjector } from './counter-projector.js';
import { counterMigrations } from './migrations/index.js';
import './graphql/index.js';

/** A toy slice: one command, one projection, one query, one subscription. */
export const counterModule: DomainModule = {
  name: 'counter',
  migrations: counterMigrations,
  register({ router, runtimes }) {
    router.register(counterAggregate, { Increment: { identity: 'counterId', access: owner } });
    runtimes.addProjector(counterProjector);
  },
};
