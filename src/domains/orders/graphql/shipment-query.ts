import { authenticated } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { normalizeId } from './normalize-id.js';
import { findShipment } from './orders-reads.js';
import { ShipmentType } from './shipment-type.js';

builder.queryField('shipment', (t) =>
  t.field({
    access: authenticated,
    type: ShipmentType,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => findShipment(ctx, normalizeId(id)),
  }),
);
