import type { DomainModule } from '../../app/domain-module.js';
import { owner } from '../../es/index.js';
import { calculatorAggregate } from './calculator-aggregate.js';
import { calculatorProjector } from './calculator-projector.js';
import { calculatorMigrations } from './migrations/index.js';
// The slice's GraphQL types and fields, registered on the shared builder when the slice is listed.
import './graphql/index.js';

/** The calculator slice: its one command and the projector keeping the `calculators` table. */
export const calculatorModule: DomainModule = {
  name: 'calculator',
  migrations: calculatorMigrations,
  register({ router, runtimes }) {
    router.register(calculatorAggregate, {
      // A calculator belongs to whoever first calculates on it.
      Calculate: { identity: 'calculatorId', access: owner },
    });
    runtimes.addProjector(calculatorProjector);
  },
};
