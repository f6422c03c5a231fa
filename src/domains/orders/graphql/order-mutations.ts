import { builder } from '../../../graphql/builder.js';
import { dispatch } from '../../../graphql/dispatch.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { OrderCommand } from '../order-commands.js';
import {
  OrderAlreadyCompleted,
  OrderAlreadyCreated,
  OrderHasBlockedProducts,
  OrderItemExists,
  OrderItemNotFound,
  OrderLastItem,
  OrderNotFound,
  OrderNotOpen,
  OrderNumberTaken,
} from '../order-errors.js';
import type { OrderItem } from '../order-item.js';
import { ORDERS_PROJECTION } from '../orders-projector.js';
import { normalizeId } from './normalize-id.js';
import { findOrder } from './order-loaders.js';
import { OrderItemInput, OrderType } from './order-type.js';
import { byCommand } from '../../../graphql/field-access.js';
import { readBack } from '../../../graphql/read-back.js';

/** Sends the command and waits until the orders projection has it. */
async function send(ctx: GraphQLContext, command: OrderCommand): Promise<void> {
  await dispatch(ctx, command, { consistency: 'strong', projections: [ORDERS_PROJECTION] });
}

/** Sends the command and answers with the order as projected. */
async function execute(ctx: GraphQLContext, command: OrderCommand) {
  await send(ctx, command);
  return readBack(await findOrder(ctx, command.id), `Order ${command.id}`);
}

type ItemInput = { productId: string | number; quantity: number; uom: OrderItem['uom'] };
const toItems = (items: readonly ItemInput[]): OrderItem[] =>
  items.map(({ productId, quantity, uom }) => ({ productId: normalizeId(productId), quantity, uom }));

const CreateOrderInput = builder.inputType('CreateOrderInput', {
  fields: (t) => ({
    id: t.id({
      required: true,
      description: 'A UUID the client chooses: sending the same create again is answered ORDER_ALREADY_CREATED.',
    }),
    orderNumber: t.string({ required: true, description: 'The business key: unique across all orders, exact match.' }),
    businessPartner: t.string({ required: true, description: 'An email address.' }),
    items: t.field({ type: [OrderItemInput], required: true, description: 'At least one; each product once.' }),
  }),
});

const DeletedOrderType = builder.objectRef<{ id: string }>('DeletedOrder').implement({
  description: 'The order was deleted: every later command to it answers ORDER_NOT_FOUND. Its order number stays taken.',
  fields: (t) => ({ id: t.exposeID('id') }),
});

builder.mutationFields((t) => ({
  createOrder: t.field({
    access: byCommand('CreateOrder'),
    type: OrderType,
    description: 'Creates an OPEN order with its items.',
    errors: { types: [OrderAlreadyCreated, OrderNumberTaken] },
    args: { input: t.arg({ type: CreateOrderInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      execute(ctx, {
        type: 'CreateOrder',
        id: normalizeId(input.id),
        orderNumber: input.orderNumber,
        businessPartner: input.businessPartner,
        items: toItems(input.items),
      }),
  }),
  addOrderItems: t.field({
    access: byCommand('AddOrderItems'),
    type: OrderType,
    description: 'Adds items (products not on the order yet) to an OPEN order.',
    errors: { types: [OrderNotFound, OrderNotOpen, OrderItemExists] },
    args: { id: t.arg.id({ required: true }), items: t.arg({ type: [OrderItemInput], required: true }) },
    resolve: (_root, { id, items }, ctx) => execute(ctx, { type: 'AddOrderItems', id: normalizeId(id), items: toItems(items) }),
  }),
  removeOrderItem: t.field({
    access: byCommand('RemoveOrderItem'),
    type: OrderType,
    description: 'Removes the item of one product from an OPEN order; the last item stays.',
    errors: { types: [OrderNotFound, OrderNotOpen, OrderItemNotFound, OrderLastItem] },
    args: { id: t.arg.id({ required: true }), productId: t.arg.id({ required: true }) },
    resolve: (_root, { id, productId }, ctx) =>
      execute(ctx, { type: 'RemoveOrderItem', id: normalizeId(id), productId: normalizeId(productId) }),
  }),
  completeOrder: t.field({
    access: byCommand('CompleteOrder'),
    type: OrderType,
    description:
      'Completes an OPEN order unless a product on it is blocked. The shipment policy then creates its shipment ' +
      '(follow it with `order(id)` or `orderStatusChanged`).',
    errors: { types: [OrderNotFound, OrderAlreadyCompleted, OrderHasBlockedProducts] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => execute(ctx, { type: 'CompleteOrder', id: normalizeId(id) }),
  }),
  deleteOrder: t.field({
    access: byCommand('DeleteOrder'),
    type: DeletedOrderType,
    description: 'Deletes an OPEN order.',
    errors: { types: [OrderNotFound, OrderNotOpen] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const command: OrderCommand = { type: 'DeleteOrder', id: normalizeId(id) };
      await send(ctx, command);
      return { id: command.id };
    },
  }),
}));
