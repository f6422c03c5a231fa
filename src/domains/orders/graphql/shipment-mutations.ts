import { commandMutation } from '../../../graphql/command-mutation.js';
import { ORDERS_PROJECTION } from '../orders-projector.js';
import { shipmentAggregate } from '../shipment-aggregate.js';
import { normalizeId } from './normalize-id.js';
import { loadShipment } from './orders-reads.js';
import { ShipmentType } from './shipment-type.js';

// Both answer with the shipment as projected once its command is done.

commandMutation('dispatchShipment', {
  aggregate: shipmentAggregate,
  command: 'DispatchShipment',
  description: 'Marks a PENDING shipment DISPATCHED; its order becomes SHIPPED.',
  arguments: { args: (t) => ({ id: t.id({ required: true }) }) },
  toCommand: ({ id }) => ({ id: normalizeId(id) }),
  type: ShipmentType,
  waitFor: [ORDERS_PROJECTION],
  result: (ctx, command) => loadShipment(ctx, command.id),
});

commandMutation('deliverShipment', {
  aggregate: shipmentAggregate,
  command: 'DeliverShipment',
  description: 'Marks a DISPATCHED shipment DELIVERED; its order becomes DELIVERED.',
  arguments: { args: (t) => ({ id: t.id({ required: true }) }) },
  toCommand: ({ id }) => ({ id: normalizeId(id) }),
  type: ShipmentType,
  waitFor: [ORDERS_PROJECTION],
  result: (ctx, command) => loadShipment(ctx, command.id),
});
