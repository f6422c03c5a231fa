import type { Migration } from 'kysely';
import * as challenges from './0007-challenges.js';

/** The challenges slice's tables, run by the app when it lists the slice (naming rule: app/domain-module.ts). */
export const challengesMigrations: Readonly<Record<string, Migration>> = {
  '0007-challenges': challenges,
};
