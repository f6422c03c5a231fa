import type { ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { parsePositionCursor } from '../../../graphql/position-cursor.js';
import { readBack } from '../../../graphql/read-back.js';
import type { OrderItemsTable, OrderReadStatus, OrdersTable, OrdersTables, ShipmentsTable } from '../orders-tables.js';

interface OrderLoaders {
  order: DataLoader<string, OrdersTable | undefined>;
  items: DataLoader<string, OrderItemsTable[]>;
  shipmentOfOrder: DataLoader<string, ShipmentsTable | undefined>;
}

const perRequest = new WeakMap<GraphQLContext, OrderLoaders>();

/** Per request: the items and shipments of a page of orders are read in one query each, not one per order. */
function orderLoaders(ctx: GraphQLContext): OrderLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    const db = tables<OrdersTables>(ctx.reads);
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

/** The order as projected after a `strong` command. */
export async function loadOrder(ctx: GraphQLContext, id: string): Promise<OrdersTable> {
  return readBack(await findOrder(ctx, id), `Order ${id}`);
}

export function findOrderByNumber(ctx: GraphQLContext, orderNumber: string): Promise<OrdersTable | undefined> {
  return tables<OrdersTables>(ctx.reads).selectFrom('orders').selectAll().where('order_number', '=', orderNumber).executeTakeFirst();
}

/** The order's items, in the order they were added. */
export function itemsOfOrder(ctx: GraphQLContext, orderId: string): Promise<OrderItemsTable[]> {
  return orderLoaders(ctx).items.load(orderId);
}

export function shipmentOfOrder(ctx: GraphQLContext, orderId: string): Promise<ShipmentsTable | undefined> {
  return orderLoaders(ctx).shipmentOfOrder.load(orderId);
}

export interface OrdersFilter {
  /** Only the orders this actor created; null for every order. */
  owner: string | null;
  status?: OrderReadStatus | null | undefined;
  /** Exact match. */
  businessPartner?: string | null | undefined;
}

/** One page of orders, by the position they were created at. */
export function ordersPage(
  ctx: GraphQLContext,
  { owner, status, businessPartner }: OrdersFilter,
  { before, after, limit, inverted }: ResolveCursorConnectionArgs,
): Promise<OrdersTable[]> {
  let query = tables<OrdersTables>(ctx.reads).selectFrom('orders').selectAll();
  if (owner !== null) query = query.where('owner', '=', owner);
  if (status) query = query.where('status', '=', status);
  if (businessPartner != null) query = query.where('business_partner', '=', businessPartner);
  if (after) query = query.where('created_position', '>', parsePositionCursor(after, 'after'));
  if (before) query = query.where('created_position', '<', parsePositionCursor(before, 'before'));
  return query
    .orderBy('created_position', inverted ? 'desc' : 'asc')
    .limit(limit)
    .execute();
}

export function findShipment(ctx: GraphQLContext, id: string): Promise<ShipmentsTable | undefined> {
  return tables<OrdersTables>(ctx.reads).selectFrom('shipments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The shipment as projected after a `strong` command. */
export async function loadShipment(ctx: GraphQLContext, id: string): Promise<ShipmentsTable> {
  return readBack(await findShipment(ctx, id), `Shipment ${id}`);
}

/** Every blocked product, most recently blocked last. */
export async function blockedProductIds(ctx: GraphQLContext): Promise<string[]> {
  const rows = await tables<OrdersTables>(ctx.reads)
    .selectFrom('blocked_products')
    .select('product_id')
    .orderBy('blocked_at')
    .orderBy('product_id')
    .execute();
  return rows.map((row) => row.product_id);
}

/** When the product was blocked; null when it is not. */
export async function productBlockedAt(ctx: GraphQLContext, productId: string): Promise<Date | null> {
  const row = await tables<OrdersTables>(ctx.reads)
    .selectFrom('blocked_products')
    .select('blocked_at')
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return row?.blocked_at ?? null;
}
