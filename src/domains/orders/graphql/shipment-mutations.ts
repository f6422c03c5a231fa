import { builder } from '../../../graphql/builder.js';
import { dispatch } from '../../../graphql/dispatch.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { ORDERS_PROJECTION } from '../orders-projector.js';
import type { ShipmentCommand } from '../shipment-commands.js';
import { ShipmentAlreadyDelivered, ShipmentAlreadyDispatched, ShipmentNotDispatched, ShipmentNotFound } from '../shipment-errors.js';
import { normalizeId } from './normalize-id.js';
import { findShipment } from './order-loaders.js';
import { ShipmentType } from './shipment-type.js';
import { byCommand } from '../../../graphql/field-access.js';
import { readBack } from '../../../graphql/read-back.js';

async function execute(ctx: GraphQLContext, command: ShipmentCommand) {
  await dispatch(ctx, command, { consistency: 'strong', projections: [ORDERS_PROJECTION] });
  return readBack(await findShipment(ctx, command.id), `Shipment ${command.id}`);
}

builder.mutationFields((t) => ({
  dispatchShipment: t.field({
    access: byCommand('DispatchShipment'),
    type: ShipmentType,
    description: 'Marks a PENDING shipment DISPATCHED; its order becomes SHIPPED.',
    errors: { types: [ShipmentNotFound, ShipmentAlreadyDispatched] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => execute(ctx, { type: 'DispatchShipment', id: normalizeId(id) }),
  }),
  deliverShipment: t.field({
    access: byCommand('DeliverShipment'),
    type: ShipmentType,
    description: 'Marks a DISPATCHED shipment DELIVERED; its order becomes DELIVERED.',
    errors: { types: [ShipmentNotFound, ShipmentNotDispatched, ShipmentAlreadyDelivered] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => execute(ctx, { type: 'DeliverShipment', id: normalizeId(id) }),
  }),
}));
