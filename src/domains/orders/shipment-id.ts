import { deterministicId } from '../../es/index.js';

/** An order has at most one shipment, and its id follows from the order's: a redelivered request finds the same shipment. */
export function shipmentIdFor(orderId: string): string {
  return deterministicId('shipment', orderId);
}
