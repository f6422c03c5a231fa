import type { Kysely } from 'kysely';

/** Read tables of the orders slice, kept by the orders projector. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_number', 'text', (c) => c.notNull().unique())
    .addColumn('business_partner', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('created_position', 'bigint', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_status_idx').on('orders').columns(['status', 'created_position']).execute();
  await db.schema.createIndex('orders_business_partner_idx').on('orders').columns(['business_partner', 'created_position']).execute();

  await db.schema
    .createTable('order_items')
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision', (c) => c.notNull())
    .addColumn('uom', 'text', (c) => c.notNull())
    .addColumn('added_position', 'bigint', (c) => c.notNull())
    .addColumn('added_index', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_items_pkey', ['order_id', 'product_id'])
    .execute();
  await db.schema.createIndex('order_items_product_idx').on('order_items').column('product_id').execute();

  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('dispatched_at', 'timestamptz')
    .addColumn('delivered_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('blocked_products')
    .addColumn('product_id', 'text', (c) => c.primaryKey())
    .addColumn('blocked_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['blocked_products', 'shipments', 'order_items', 'orders']) await db.schema.dropTable(table).ifExists().execute();
}
