import type { Migration } from 'kysely';
import * as coins from './0006-coins.js';
import * as coinAccountOwners from './0019-coin-account-owners.js';

/** The coins slice's tables, run by the app when it lists the slice (naming rule: app/domain-module.ts). */
export const coinsMigrations: Readonly<Record<string, Migration>> = {
  '0006-coins': coins,
  '0019-coin-account-owners': coinAccountOwners,
};
