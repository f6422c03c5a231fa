import type { OrderItem } from './order-item.js';

export type CreateOrder = { type: 'CreateOrder'; id: string; orderNumber: string; businessPartner: string; items: OrderItem[] };

/** As sent, `blockedProducts` is absent: the enrichment middleware looks it up before the aggregate decides. */
export type CompleteOrder = { type: 'CompleteOrder'; id: string; blockedProducts?: readonly string[] };

export type OrderCommand =
  | CreateOrder
  | { type: 'AddOrderItems'; id: string; items: OrderItem[] }
  | { type: 'RemoveOrderItem'; id: string; productId: string }
  | CompleteOrder
  | { type: 'DeleteOrder'; id: string };
