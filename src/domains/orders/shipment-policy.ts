import { defineEventHandler, DomainError } from '../../es/index.js';
import type { OrderEvent } from './order-events.js';
import type { ShipmentCommand } from './shipment-commands.js';
import { ShipmentAlreadyCreated } from './shipment-errors.js';
import { shipmentIdFor } from './shipment-id.js';

export const SHIPMENT_POLICY = 'order-shipment-policy';

/**
 * A completed order gets a shipment. The command is caused by OrderCompleted and carries its
 * correlation (the order's, see CompleteOrder's registration). Redelivery is harmless twice over:
 * the command id derives from the event, so the router answers a repeat with the first result,
 * and the shipment id derives from the order, so even another command finds the shipment there
 * and is refused, which here means done.
 */
export const shipmentPolicy = defineEventHandler<OrderEvent>({
  name: SHIPMENT_POLICY,
  handlers: {
    async OrderCompleted(event, context) {
      const command: ShipmentCommand = { type: 'CreateShipment', id: shipmentIdFor(event.data.orderId), orderId: event.data.orderId };
      try {
        await context.dispatch(command);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === ShipmentAlreadyCreated.code)) throw error;
      }
    },
  },
});
