import type { Migration } from 'kysely';
import * as coins from './0006-coins.js';

/** The coins slice's tables, run by the app when it lists the slice (naming rule: app/domain-module.ts). */
export const coinsMigrations: Readonly<Record<string, Migration>> = {
  '0006-coins': coins,
};
