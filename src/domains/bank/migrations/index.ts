import type { Migration } from 'kysely';
import * as bank from './0002-bank.js';
import * as accountOwners from './0018-account-owners.js';

/** The bank slice's tables, run by the app when it lists the slice (naming rule: app/domain-module.ts). */
export const bankMigrations: Readonly<Record<string, Migration>> = {
  '0002-bank': bank,
  '0018-account-owners': accountOwners,
};
