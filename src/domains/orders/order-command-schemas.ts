import { z } from 'zod';
import { MAX_ORDER_ITEMS, unitsOfMeasure } from './order-item.js';

export const uuidSchema = z.uuid('must be a UUID');

const orderItemSchema = z.object({
  productId: uuidSchema,
  quantity: z.number('must be a number').positive('must be greater than 0'),
  uom: z.enum(unitsOfMeasure, `must be one of ${unitsOfMeasure.join(', ')}`),
});

/** At least one item and at most MAX_ORDER_ITEMS, each product once: a repeated product is reported at its second (and later) occurrence. */
const orderItemsSchema = z
  .array(orderItemSchema)
  .min(1, 'must have at least one item')
  .max(MAX_ORDER_ITEMS, `must have at most ${MAX_ORDER_ITEMS} items`)
  .superRefine((items, context) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.productId)) context.addIssue({ code: 'custom', message: 'appears more than once', path: [index, 'productId'] });
      seen.add(item.productId);
    });
  });

export const createOrderSchema = z.object({
  id: uuidSchema,
  orderNumber: z
    .string()
    .max(100, 'must be at most 100 characters')
    .refine((value) => value.trim().length > 0, 'must not be empty'),
  businessPartner: z.email('must be an email address'),
  items: orderItemsSchema,
});

export const addOrderItemsSchema = z.object({ id: uuidSchema, items: orderItemsSchema });

export const removeOrderItemSchema = z.object({ id: uuidSchema, productId: uuidSchema });

export const idOnlySchema = z.object({ id: uuidSchema });

export const productIdOnlySchema = z.object({ productId: uuidSchema });
