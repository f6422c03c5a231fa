import { builder } from '../../../graphql/builder.js';
import { commandMutation } from '../../../graphql/command-mutation.js';
import { errorType } from '../../../graphql/types/errors.js';
import { orderAggregate } from '../order-aggregate.js';
import { OrderHasBlockedProducts } from '../order-errors.js';
import { ORDERS_PROJECTION } from '../orders-projector.js';
import type { OrderItem } from '../orders-values.js';
import { normalizeId } from './normalize-id.js';
import { OrderType, UnitOfMeasureEnum } from './order-type.js';
import { loadOrder } from './orders-reads.js';

// Every order mutation but the delete answers with the order as projected once its command is done.

// Before completeOrder's result union is made from its refusals: this one names the blocked products.
errorType(OrderHasBlockedProducts, {
  fields: (t) => ({
    productIds: t.field({ type: ['ID'], resolve: (error) => [...error.productIds] }),
  }),
});

const OrderItemInput = builder.inputType('OrderItemInput', {
  fields: (t) => ({
    productId: t.id({ required: true, description: 'A UUID.' }),
    quantity: t.float({ required: true, description: 'Greater than 0.' }),
    uom: t.field({ type: UnitOfMeasureEnum, required: true }),
  }),
});

type ItemInput = { productId: string | number; quantity: number; uom: OrderItem['uom'] };
const toItems = (items: readonly ItemInput[]): OrderItem[] =>
  items.map(({ productId, quantity, uom }) => ({ productId: normalizeId(productId), quantity, uom }));

commandMutation('createOrder', {
  aggregate: orderAggregate,
  command: 'CreateOrder',
  description: 'Creates an OPEN order with its items.',
  arguments: {
    input: (t) => ({
      id: t.id({
        required: true,
        description: 'A UUID the client chooses: sending the same create again is answered ORDER_ALREADY_CREATED.',
      }),
      orderNumber: t.string({ required: true, description: 'The business key: unique across all orders, exact match.' }),
      businessPartner: t.string({ required: true, description: 'An email address.' }),
      items: t.field({ type: [OrderItemInput], required: true, description: 'At least one; each product once.' }),
    }),
  },
  toCommand: ({ id, orderNumber, businessPartner, items }) => ({
    id: normalizeId(id),
    orderNumber,
    businessPartner,
    items: toItems(items),
  }),
  type: OrderType,
  waitFor: [ORDERS_PROJECTION],
  result: (ctx, command) => loadOrder(ctx, command.id),
});

commandMutation('addOrderItems', {
  aggregate: orderAggregate,
  command: 'AddOrderItems',
  description: 'Adds items (products not on the order yet) to an OPEN order.',
  arguments: { args: (t) => ({ id: t.id({ required: true }), items: t.field({ type: [OrderItemInput], required: true }) }) },
  toCommand: ({ id, items }) => ({ id: normalizeId(id), items: toItems(items) }),
  type: OrderType,
  waitFor: [ORDERS_PROJECTION],
  result: (ctx, command) => loadOrder(ctx, command.id),
});

commandMutation('removeOrderItem', {
  aggregate: orderAggregate,
  command: 'RemoveOrderItem',
  description: 'Removes the item of one product from an OPEN order; the last item stays.',
  arguments: { args: (t) => ({ id: t.id({ required: true }), productId: t.id({ required: true }) }) },
  toCommand: ({ id, productId }) => ({ id: normalizeId(id), productId: normalizeId(productId) }),
  type: OrderType,
  waitFor: [ORDERS_PROJECTION],
  result: (ctx, command) => loadOrder(ctx, command.id),
});

commandMutation('completeOrder', {
  aggregate: orderAggregate,
  command: 'CompleteOrder',
  description:
    'Completes an OPEN order unless a product on it is blocked. The shipment policy then creates its shipment ' +
    '(follow it with `order(id)` or `orderStatusChanged`).',
  arguments: { args: (t) => ({ id: t.id({ required: true }) }) },
  toCommand: ({ id }) => ({ id: normalizeId(id) }),
  type: OrderType,
  waitFor: [ORDERS_PROJECTION],
  result: (ctx, command) => loadOrder(ctx, command.id),
});

const DeletedOrderType = builder.objectRef<{ id: string }>('DeletedOrder').implement({
  description: 'The order was deleted: every later command to it answers ORDER_NOT_FOUND. Its order number stays taken.',
  fields: (t) => ({ id: t.exposeID('id') }),
});

commandMutation('deleteOrder', {
  aggregate: orderAggregate,
  command: 'DeleteOrder',
  description: 'Deletes an OPEN order.',
  arguments: { args: (t) => ({ id: t.id({ required: true }) }) },
  toCommand: ({ id }) => ({ id: normalizeId(id) }),
  type: DeletedOrderType,
  waitFor: [ORDERS_PROJECTION],
  result: (_ctx, command) => ({ id: command.id }),
});
