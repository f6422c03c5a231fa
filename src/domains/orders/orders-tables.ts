import type { UnitOfMeasure } from './orders-values.js';

/** As clients see an order: the shipment's progress shows on the order too. */
export type OrderReadStatus = 'OPEN' | 'COMPLETED' | 'SHIPPED' | 'DELIVERED';
export type ShipmentReadStatus = 'PENDING' | 'DISPATCHED' | 'DELIVERED';

export interface OrdersTable {
  id: string;
  order_number: string;
  business_partner: string;
  /** Who created it: the actor of its OrderCreated. */
  owner: string | null;
  status: OrderReadStatus;
  version: number;
  /** Global position of OrderCreated: the order in which orders are listed, and their cursor. */
  created_position: number;
  created_at: Date;
  updated_at: Date;
}

export interface OrderItemsTable {
  order_id: string;
  product_id: string;
  quantity: number;
  uom: UnitOfMeasure;
  /** Where the item was added (event position, index in it): items list in the order they were added. */
  added_position: number;
  added_index: number;
}

export interface ShipmentsTable {
  id: string;
  order_id: string;
  status: ShipmentReadStatus;
  version: number;
  created_at: Date;
  dispatched_at: Date | null;
  delivered_at: Date | null;
}

export interface BlockedProductsTable {
  product_id: string;
  blocked_at: Date;
}

export interface OrdersTables {
  orders: OrdersTable;
  order_items: OrderItemsTable;
  shipments: ShipmentsTable;
  blocked_products: BlockedProductsTable;
}
