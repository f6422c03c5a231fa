import type { Migration } from 'kysely';
import * as orders from './0005-orders.js';
import * as orderOwners from './0011-order-owners.js';

/** The orders slice's tables, run by the app when it lists the slice (naming rule: app/domain-module.ts). */
export const ordersMigrations: Readonly<Record<string, Migration>> = {
  '0005-orders': orders,
  '0011-order-owners': orderOwners,
};
