import type { Transaction } from 'kysely';
import { defineProjector, ERASED, erasedIdentities, type PersonalDataErasedEvent } from '../../es/index.js';
import { orderAggregate } from './order-aggregate.js';
import type { OrderEvent } from './order-events.js';
import type { OrderItem } from './orders-values.js';
import type { OrdersTables } from './orders-tables.js';
import type { ProductBlockEvent } from './product-block-events.js';
import type { ShipmentEvent } from './shipment-events.js';

export const ORDERS_PROJECTION = 'orders';

/**
 * Orders with their items and shipment, and the blocked products. One projector keeps all four
 * tables, so a strong command reads every one of them current. A deleted order leaves the read
 * model; a shipment's progress also moves its order to SHIPPED and DELIVERED.
 */
export const ordersProjector = defineProjector<OrdersTables, OrderEvent | ShipmentEvent | ProductBlockEvent | PersonalDataErasedEvent>({
  name: ORDERS_PROJECTION,
  tables: ['orders', 'order_items', 'shipments', 'blocked_products'],
  handlers: {
    OrderCreated: async (trx, event) => {
      const { orderId, orderNumber, businessPartner, items } = event.data;
      await trx
        .insertInto('orders')
        .values({
          id: orderId,
          order_number: orderNumber,
          business_partner: businessPartner,
          owner: event.metadata.actor ?? null,
          status: 'OPEN',
          version: event.version,
          created_position: event.position,
          created_at: event.occurredAt,
          updated_at: event.occurredAt,
        })
        .execute();
      await insertItems(trx, orderId, items, event.position);
    },
    OrderItemsAdded: async (trx, event) => {
      await touchOrder(trx, event.data.orderId, event);
      await insertItems(trx, event.data.orderId, event.data.items, event.position);
    },
    OrderItemRemoved: async (trx, event) => {
      await touchOrder(trx, event.data.orderId, event);
      await trx
        .deleteFrom('order_items')
        .where('order_id', '=', event.data.orderId)
        .where('product_id', '=', event.data.productId)
        .execute();
    },
    OrderCompleted: async (trx, event) => {
      await touchOrder(trx, event.data.orderId, event, 'COMPLETED');
    },
    OrderDeleted: async (trx, event) => {
      await trx.deleteFrom('orders').where('id', '=', event.data.orderId).execute();
    },
    ShipmentCreated: async (trx, event) => {
      await trx
        .insertInto('shipments')
        .values({
          id: event.data.shipmentId,
          order_id: event.data.orderId,
          status: 'PENDING',
          version: event.version,
          created_at: event.occurredAt,
          dispatched_at: null,
          delivered_at: null,
        })
        .execute();
    },
    ShipmentDispatched: async (trx, event) => {
      await trx
        .updateTable('shipments')
        .set({ status: 'DISPATCHED', version: event.version, dispatched_at: event.occurredAt })
        .where('id', '=', event.data.shipmentId)
        .execute();
      await trx
        .updateTable('orders')
        .set({ status: 'SHIPPED', updated_at: event.occurredAt })
        .where('id', '=', event.data.orderId)
        .execute();
    },
    ShipmentDelivered: async (trx, event) => {
      await trx
        .updateTable('shipments')
        .set({ status: 'DELIVERED', version: event.version, delivered_at: event.occurredAt })
        .where('id', '=', event.data.shipmentId)
        .execute();
      await trx
        .updateTable('orders')
        .set({ status: 'DELIVERED', updated_at: event.occurredAt })
        .where('id', '=', event.data.orderId)
        .execute();
    },
    ProductBlocked: async (trx, event) => {
      await trx
        .insertInto('blocked_products')
        .values({ product_id: event.data.productId, blocked_at: event.occurredAt })
        .onConflict((conflict) => conflict.column('product_id').doNothing())
        .execute();
    },
    ProductUnblocked: async (trx, event) => {
      await trx.deleteFrom('blocked_products').where('product_id', '=', event.data.productId).execute();
    },
    PersonalDataErased: async (trx, event) => {
      const orders = erasedIdentities(event.data, orderAggregate);
      if (orders.length === 0) return;
      await trx.updateTable('orders').set({ business_partner: ERASED }).where('id', 'in', orders).execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('order_items').execute();
    await db.deleteFrom('shipments').execute();
    await db.deleteFrom('orders').execute();
    await db.deleteFrom('blocked_products').execute();
  },
});

async function insertItems(trx: Transaction<OrdersTables>, orderId: string, items: readonly OrderItem[], position: number): Promise<void> {
  await trx
    .insertInto('order_items')
    .values(
      items.map((item, index) => ({
        order_id: orderId,
        product_id: item.productId,
        quantity: item.quantity,
        uom: item.uom,
        added_position: position,
        added_index: index,
      })),
    )
    .execute();
}

async function touchOrder(
  trx: Transaction<OrdersTables>,
  orderId: string,
  event: { version: number; occurredAt: Date },
  status?: 'COMPLETED',
): Promise<void> {
  await trx
    .updateTable('orders')
    .set({ version: event.version, updated_at: event.occurredAt, ...(status ? { status } : {}) })
    .where('id', '=', orderId)
    .execute();
}
