import type { Migration } from 'kysely';
import * as arena from './0008-arena.js';

/** The arena slice's tables, run by the app when it lists the slice (naming rule: app/domain-module.ts). */
export const arenaMigrations: Readonly<Record<string, Migration>> = {
  '0008-arena': arena,
};
