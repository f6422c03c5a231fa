import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { ADMIN_ROLE } from '../../../auth/admin-role.js';
import { authenticated } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { described } from '../../../graphql/field-access.js';
import { positionCursor } from '../../../graphql/position-cursor.js';
import { normalizeId } from './normalize-id.js';
import { OrderStatusEnum, OrderType } from './order-type.js';
import { findOrder, findOrderByNumber, ordersPage } from './orders-reads.js';

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
      resolve: (_root, args, ctx) => {
        const owner = ctx.actor?.roles.includes(ADMIN_ROLE) ? null : (ctx.actor?.subject ?? '');
        return resolveCursorConnection(
          { args, toCursor: (order) => positionCursor(order.created_position) },
          (page: ResolveCursorConnectionArgs) =>
            ordersPage(ctx, { owner, status: args.status, businessPartner: args.businessPartner }, page),
        );
      },
    },
    { name: 'OrderConnection' },
    { name: 'OrderEdge' },
  ),
}));
