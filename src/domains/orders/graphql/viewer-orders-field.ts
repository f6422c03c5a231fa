import { resolveCursorConnection, type ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import { builder } from '../../../graphql/builder.js';
import { positionCursor } from '../../../graphql/position-cursor.js';
import { ViewerType } from '../../../graphql/types/viewer.js';
import { OrderType } from './order-type.js';
import { ordersPage } from './orders-reads.js';

builder.objectField(ViewerType, 'orders', (t) =>
  t.connection({
    type: OrderType,
    description: 'The orders you created, oldest first (for an operator too: their own, where `orders` lists everyone’s).',
    resolve: (viewer, args, ctx) =>
      resolveCursorConnection({ args, toCursor: (order) => positionCursor(order.created_position) }, (page: ResolveCursorConnectionArgs) =>
        ordersPage(ctx, { owner: viewer.subject }, page),
      ),
  }),
);
