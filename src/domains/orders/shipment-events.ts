import type { DomainEvent } from '../../es/index.js';

/** Every shipment event names its order, so the order's read model can follow it. */
export type ShipmentEvent =
  | DomainEvent<'ShipmentCreated', { shipmentId: string; orderId: string }>
  | DomainEvent<'ShipmentDispatched', { shipmentId: string; orderId: string }>
  | DomainEvent<'ShipmentDelivered', { shipmentId: string; orderId: string }>;
