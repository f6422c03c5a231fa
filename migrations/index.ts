import type { Migration } from 'kysely';
import * as eventStore from './0001-event-store.js';
import * as bank from './0002-bank.js';
import * as calculator from './0003-calculator.js';
import * as commandRefusals from './0004-command-refusals.js';
import * as orders from './0005-orders.js';
import * as coins from './0006-coins.js';
import * as challenges from './0007-challenges.js';
import * as arena from './0008-arena.js';
import * as commandRefusalDetails from './0009-command-refusal-details.js';
import * as checkpointFence from './0010-checkpoint-fence.js';
import * as orderOwners from './0011-order-owners.js';

/** Every migration, in order. Listed explicitly so they run the same under tsx, vitest and a bundle. */
export const migrations: Record<string, Migration> = {
  '0001-event-store': eventStore,
  '0002-bank': bank,
  '0003-calculator': calculator,
  '0004-command-refusals': commandRefusals,
  '0005-orders': orders,
  '0006-coins': coins,
  '0007-challenges': challenges,
  '0008-arena': arena,
  '0009-command-refusal-details': commandRefusalDetails,
  '0010-checkpoint-fence': checkpointFence,
  '0011-order-owners': orderOwners,
};
