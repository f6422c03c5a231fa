import { z } from 'zod';

export const unitsOfMeasure = ['KG', 'MT'] as const;
export type UnitOfMeasure = (typeof unitsOfMeasure)[number];

/** The most items one order holds, so no client can make an order (its events, its reads) grow without bound. */
export const MAX_ORDER_ITEMS = 100;

/** Orders, shipments and products are named by UUIDs. */
export const uuidSchema = z.uuid('must be a UUID');

const orderItemSchema = z.object({
  productId: uuidSchema,
  quantity: z.number('must be a number').positive('must be greater than 0'),
  uom: z.enum(unitsOfMeasure, `must be one of ${unitsOfMeasure.join(', ')}`),
});

/** One line of an order: a product in some quantity (kilograms or metric tonnes). A product appears once per order. */
export type OrderItem = z.infer<typeof orderItemSchema>;

/** At least one item and at most MAX_ORDER_ITEMS, each product once: a repeated product is reported at its second (and later) occurrence. */
export const orderItemsSchema = z
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
