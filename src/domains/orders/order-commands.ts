import { z } from 'zod';
import { type CommandOf, defineCommands, ValidationError } from '../../es/index.js';
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
} from './order-errors.js';
import { orderItemsSchema, uuidSchema } from './orders-values.js';

/** Commands to an order; every one but a create is refused ORDER_NOT_FOUND for an unknown or deleted order. */
export const orderCommands = defineCommands({
  CreateOrder: {
    schema: z.object({
      id: uuidSchema,
      orderNumber: z
        .string()
        .max(100, 'must be at most 100 characters')
        .refine((value) => value.trim().length > 0, 'must not be empty'),
      businessPartner: z.email('must be an email address'),
      items: orderItemsSchema,
    }),
    // ORDER_NUMBER_TAKEN is the uniqueness claim's (orders-module.ts).
    refusals: [OrderAlreadyCreated, OrderNumberTaken],
  },
  AddOrderItems: {
    schema: z.object({ id: uuidSchema, items: orderItemsSchema }),
    // A validation error when the items would take the order beyond MAX_ORDER_ITEMS.
    refusals: [OrderNotFound, OrderNotOpen, OrderItemExists, ValidationError],
  },
  RemoveOrderItem: {
    schema: z.object({ id: uuidSchema, productId: uuidSchema }),
    refusals: [OrderNotFound, OrderNotOpen, OrderItemNotFound, OrderLastItem],
  },
  CompleteOrder: {
    // As sent, `blockedProducts` is absent: the enrichment middleware looks it up before the aggregate decides.
    schema: z.object({ id: uuidSchema, blockedProducts: z.array(z.string()).readonly().optional() }),
    refusals: [OrderNotFound, OrderAlreadyCompleted, OrderHasBlockedProducts],
  },
  DeleteOrder: { schema: z.object({ id: uuidSchema }), refusals: [OrderNotFound, OrderNotOpen] },
});

export type OrderCommand = CommandOf<typeof orderCommands>;
export type CompleteOrder = Extract<OrderCommand, { type: 'CompleteOrder' }>;
