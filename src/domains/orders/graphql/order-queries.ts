import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { ADMIN_ROLE } from '../../../auth/admin-role.js';
import { tables } from '../../../db/database.js';
import { builder } from '../../../graphql/builder.js';
import { parsePositionCursor, positionCursor } from '../../../graphql/position-cursor.js';
import type { OrdersTables } from '../orders-tables.js';
import { normalizeId } from './normalize-id.js';
import { findOrder, findOrderByNumber, findShipment } from './order-loaders.js';
import { OrderStatusEnum, OrderType } from './order-type.js';
import { ShipmentType } from './shipment-type.js';
import { authenticated } from '../../../es/index.js';
import { described } from '../../../graphql/field-access.js';

builder.queryFields((t) => ({
  order: t.field({
    access: authenticated,
    type: OrderType,
    nullable: true,
    description: 'An order as projected; null when no order has this id (or it was deleted).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => findOrder(ctx, normalizeId(id)),
  }),
  orderByNumber: t.field({
    access: authenticated,
    type: OrderType,
    nullable: true,
    description: 'The order with this order number (exact match); null when there is none.',
    args: { orderNumber: t.arg.string({ required: true }) },
    resolve: (_root, { orderNumber }, ctx) => findOrderByNumber(ctx, orderNumber),
  }),
  orders: t.connection(
    {
      access: described(authenticated, 'any signed-in actor: their own orders (every order, for admins)'),
      type: OrderType,
      description:
        'The orders you created (every order, for operators), oldest first, optionally only those of one status or one business partner.',
      args: {
        status: t.arg({ type: OrderStatusEnum }),
        businessPartner: t.arg.string({ description: 'Exact match.' }),
      },
      resolve: (_root, args, ctx) =>
        resolveCursorConnection(
          { args, toCursor: (order) => positionCursor(order.created_position) },
          ({ before, after, limit, inverted }: ResolveCursorConnectionArgs) => {
            let query = tables<OrdersTables>(ctx.app.database).selectFrom('orders').selectAll();
            if (!ctx.actor?.roles.includes(ADMIN_ROLE)) query = query.where('owner', '=', ctx.actor?.subject ?? '');
            if (args.status) query = query.where('status', '=', args.status);
            if (args.businessPartner != null) query = query.where('business_partner', '=', args.businessPartner);
            if (after) query = query.where('created_position', '>', parsePositionCursor(after, 'after'));
            if (before) query = query.where('created_position', '<', parsePositionCursor(before, 'before'));
            return query
              .orderBy('created_position', inverted ? 'desc' : 'asc')
              .limit(limit)
              .execute();
          },
        ),
    },
    { name: 'OrderConnection' },
    { name: 'OrderEdge' },
  ),
  shipment: t.field({
    access: authenticated,
    type: ShipmentType,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => findShipment(ctx, normalizeId(id)),
  }),
  blockedProducts: t.field({
    access: authenticated,
    type: ['ID'],
    description: 'Products no order can be completed with, most recently blocked last.',
    resolve: async (_root, _args, ctx) => {
      const rows = await tables<OrdersTables>(ctx.app.database)
        .selectFrom('blocked_products')
        .select('product_id')
        .orderBy('blocked_at')
        .orderBy('product_id')
        .execute();
      return rows.map((row) => row.product_id);
    },
  }),
}));
