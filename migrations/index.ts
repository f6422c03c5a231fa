import type { Migration } from 'kysely';
import * as eventStore from './0001-event-store.js';
import * as bank from './0002-bank.js';
import * as calculator from './0003-calculator.js';
import * as commandRefusals from './0004-command-refusals.js';
import * as challenges from './0007-challenges.js';

/** Every migration, in order. Listed explicitly so they run the same under tsx, vitest and a bundle. */
export const migrations: Record<string, Migration> = {
  '0001-event-store': eventStore,
  '0002-bank': bank,
  '0003-calculator': calculator,
  '0004-command-refusals': commandRefusals,
  '0007-challenges': challenges,
};
