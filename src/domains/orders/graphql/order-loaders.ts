import DataLoader from 'dataloader';
import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { OrderItemsTable, OrdersTable, OrdersTables, ShipmentsTable } from '../orders-tables.js';

interface OrderLoaders {
  order: DataLoader<string, OrdersTable | undefined>;
  items: DataLoader<string, OrderItemsTable[]>;
  shipmentOfOrder: DataLoader<string, ShipmentsTable | undefined>;
}

const perRequest = new WeakMap<GraphQLContext, OrderLoaders>();

/** Per request: the items and shipments of a page of orders are read in one query each, not one per order. */
export function orderLoaders(ctx: GraphQLContext): OrderLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    const db = tables<OrdersTables>(ctx.app.database);
    // No cache: a mutation reads what it just wrote, later in the same request.
    const options = { cache: false };
    loaders = {
      order: new DataLoader(async (ids) => {
        const rows = await db.selectFrom('orders').selectAll().where('id', 'in', ids).execute();
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id));
      }, options),
      items: new DataLoader(async (orderIds) => {
        const rows = await db
          .selectFrom('order_items')
          .selectAll()
          .where('order_id', 'in', orderIds)
          .orderBy('added_position')
          .orderBy('added_index')
          .execute();
        return orderIds.map((orderId) => rows.filter((row) => row.order_id === orderId));
      }, options),
      shipmentOfOrder: new DataLoader(async (orderIds) => {
        const rows = await db.selectFrom('shipments').selectAll().where('order_id', 'in', orderIds).execute();
        const byOrder = new Map(rows.map((row) => [row.order_id, row]));
        return orderIds.map((orderId) => byOrder.get(orderId));
      }, options),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}

export function findOrder(ctx: GraphQLContext, id: string): Promise<OrdersTable | undefined> {
  return orderLoaders(ctx).order.load(id);
}

export async function findOrderByNumber(ctx: GraphQLContext, orderNumber: string): Promise<OrdersTable | undefined> {
  return tables<OrdersTables>(ctx.app.database).selectFrom('orders').selectAll().where('order_number', '=', orderNumber).executeTakeFirst();
}

export function findShipment(ctx: GraphQLContext, id: string): Promise<ShipmentsTable | undefined> {
  return tables<OrdersTables>(ctx.app.database).selectFrom('shipments').selectAll().where('id', '=', id).executeTakeFirst();
}
