import { type DomainEvent, definePersonalData } from '../../es/index.js';
import type { OrderItem } from './orders-values.js';

export type OrderEvent =
  | DomainEvent<'OrderCreated', { orderId: string; orderNumber: string; businessPartner: string; items: OrderItem[] }>
  | DomainEvent<'OrderItemsAdded', { orderId: string; items: OrderItem[] }>
  | DomainEvent<'OrderItemRemoved', { orderId: string; productId: string }>
  | DomainEvent<'OrderCompleted', { orderId: string }>
  | DomainEvent<'OrderDeleted', { orderId: string }>;

export const orderEventTypes = [
  'OrderCreated',
  'OrderItemsAdded',
  'OrderItemRemoved',
  'OrderCompleted',
  'OrderDeleted',
] as const satisfies ReadonlyArray<OrderEvent['type']>;

/**
 * The business partner's email is personal data kept on behalf of the actor who created the order:
 * erasing that actor erases it (docs/privacy.md).
 */
export const orderPersonalData = definePersonalData<OrderEvent>({
  OrderCreated: { businessPartner: (_order, { actor }) => actor },
});
