import { z } from 'zod';
import { type CommandOf, defineCommands } from '../../es/index.js';
import {
  ShipmentAlreadyCreated,
  ShipmentAlreadyDelivered,
  ShipmentAlreadyDispatched,
  ShipmentNotDispatched,
  ShipmentNotFound,
} from './shipment-errors.js';
import { uuidSchema } from './orders-values.js';

/** A shipment is created by the shipment policy and moved on by operators. */
export const shipmentCommands = defineCommands({
  // Sent by the shipment policy, never by a client: the id is `shipmentIdFor(orderId)`.
  CreateShipment: { schema: z.object({ id: uuidSchema, orderId: uuidSchema }), refusals: [ShipmentAlreadyCreated] },
  DispatchShipment: { schema: z.object({ id: uuidSchema }), refusals: [ShipmentNotFound, ShipmentAlreadyDispatched] },
  DeliverShipment: {
    schema: z.object({ id: uuidSchema }),
    refusals: [ShipmentNotFound, ShipmentNotDispatched, ShipmentAlreadyDelivered],
  },
});

export type ShipmentCommand = CommandOf<typeof shipmentCommands>;
