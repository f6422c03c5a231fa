import type { Migration } from 'kysely';
import * as calculator from './0003-calculator.js';

/** The calculator slice's table, run by the app when it lists the slice (naming rule: app/domain-module.ts). */
export const calculatorMigrations: Readonly<Record<string, Migration>> = {
  '0003-calculator': calculator,
};
