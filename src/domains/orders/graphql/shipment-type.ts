import { admin } from '../../../auth/admin-role.js';
import { anyOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { orderAggregate } from '../order-aggregate.js';
import type { ShipmentReadStatus, ShipmentsTable } from '../orders-tables.js';

export const ShipmentStatusEnum = builder.enumType('ShipmentStatus', {
  values: ['PENDING', 'DISPATCHED', 'DELIVERED'] as const satisfies readonly ShipmentReadStatus[],
});

/** A shipment is read by whoever created its order. */
const ownShipment = ownerOfField(orderAggregate, ({ parent }: FieldInput<unknown, ShipmentsTable>) => parent.order_id);

export const ShipmentType = builder.objectRef<ShipmentsTable>('Shipment').implement({
  // Whoever created its order reads it; operators (who move it on) read every shipment.
  access: anyOf(ownShipment, admin),
  description: 'The shipment of a completed order, created by the shipment policy: PENDING → DISPATCHED → DELIVERED.',
  fields: (t) => ({
    id: t.exposeID('id'),
    orderId: t.exposeID('order_id'),
    status: t.field({ type: ShipmentStatusEnum, resolve: (row) => row.status }),
    version: t.int({ description: 'The version of the shipment stream this view reflects.', resolve: (row) => row.version }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.created_at }),
    dispatchedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.dispatched_at }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, resolve: (row) => row.delivered_at }),
  }),
});
