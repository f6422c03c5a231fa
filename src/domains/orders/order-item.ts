export const unitsOfMeasure = ['KG', 'MT'] as const;
export type UnitOfMeasure = (typeof unitsOfMeasure)[number];

/** The most items one order holds, so no client can make an order (its events, its reads) grow without bound. */
export const MAX_ORDER_ITEMS = 100;

/** One line of an order: a product in some quantity (kilograms or metric tonnes). A product appears once per order. */
export interface OrderItem {
  productId: string;
  quantity: number;
  uom: UnitOfMeasure;
}
