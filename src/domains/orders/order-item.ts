export const unitsOfMeasure = ['KG', 'MT'] as const;
export type UnitOfMeasure = (typeof unitsOfMeasure)[number];

/** One line of an order: a product in some quantity (kilograms or metric tonnes). A product appears once per order. */
export interface OrderItem {
  productId: string;
  quantity: number;
  uom: UnitOfMeasure;
}
