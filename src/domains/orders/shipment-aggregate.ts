import { defineAggregate } from '../../es/index.js';
import { type ShipmentCommand, shipmentCommands } from './shipment-commands.js';
import {
  ShipmentAlreadyCreated,
  ShipmentAlreadyDelivered,
  ShipmentAlreadyDispatched,
  ShipmentNotDispatched,
  ShipmentNotFound,
} from './shipment-errors.js';
import type { ShipmentEvent } from './shipment-events.js';

export type ShipmentStatus = 'NONE' | 'PENDING' | 'DISPATCHED' | 'DELIVERED';

export interface ShipmentState {
  status: ShipmentStatus;
  orderId: string | null;
}

/** The shipment of one completed order: PENDING → DISPATCHED → DELIVERED. */
export const shipmentAggregate = defineAggregate<ShipmentState, ShipmentCommand, ShipmentEvent>({
  name: 'shipment',
  commands: shipmentCommands,
  initialState: { status: 'NONE', orderId: null },

  execute(state, command) {
    const shipmentId = command.id;
    if (command.type === 'CreateShipment') {
      if (state.status !== 'NONE') return new ShipmentAlreadyCreated();
      return { type: 'ShipmentCreated', data: { shipmentId, orderId: command.orderId } };
    }
    if (state.status === 'NONE') return new ShipmentNotFound();
    const orderId = state.orderId!;
    if (command.type === 'DispatchShipment') {
      if (state.status !== 'PENDING') return new ShipmentAlreadyDispatched();
      return { type: 'ShipmentDispatched', data: { shipmentId, orderId } };
    }
    if (state.status === 'PENDING') return new ShipmentNotDispatched();
    if (state.status === 'DELIVERED') return new ShipmentAlreadyDelivered();
    return { type: 'ShipmentDelivered', data: { shipmentId, orderId } };
  },

  apply(state, event) {
    switch (event.type) {
      case 'ShipmentCreated':
        return { status: 'PENDING', orderId: event.data.orderId };
      case 'ShipmentDispatched':
        return { ...state, status: 'DISPATCHED' };
      case 'ShipmentDelivered':
        return { ...state, status: 'DELIVERED' };
    }
  },
});
