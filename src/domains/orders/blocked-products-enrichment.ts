import type { Kysely } from 'kysely';
import type { EnrichmentContext } from '../../es/index.js';
import type { CompleteOrder } from './order-commands.js';
import type { OrdersTables } from './orders-tables.js';

/** The order's products (as the read model lists them) that are on the blocked list. */
async function blockedProductsOf(db: Kysely<OrdersTables>, orderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('order_items')
    .innerJoin('blocked_products', 'blocked_products.product_id', 'order_items.product_id')
    .select('order_items.product_id')
    .where('order_items.order_id', '=', orderId)
    .orderBy('order_items.added_position')
    .orderBy('order_items.added_index')
    .execute();
  return rows.map((row) => row.product_id);
}

/** Enrichment of CompleteOrder: the aggregate decides on the blocked products this finds. */
export async function withBlockedProducts(command: CompleteOrder, { db }: EnrichmentContext): Promise<CompleteOrder> {
  return { ...command, blockedProducts: await blockedProductsOf(db, command.id) };
}
