import { type Kysely, sql } from 'kysely';

/** `orders.owner`: who created each order (its OrderCreated's actor), so a list shows each actor their own. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('owner', 'text').execute();
  await sql`
    update orders set owner = events.actor
    from events where events.stream_id = 'order-' || orders.id and events.type = 'OrderCreated'
  `.execute(db);
  await db.schema.createIndex('orders_owner_created_position').on('orders').columns(['owner', 'created_position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('owner').execute();
}
