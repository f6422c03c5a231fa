import { type RecordedEvent, streamIdOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { parsePositionCursor, positionCursor } from '../../../graphql/position-cursor.js';
import { orderAggregate } from '../order-aggregate.js';
import { shipmentAggregate } from '../shipment-aggregate.js';
import { shipmentIdFor } from '../shipment-id.js';
import { normalizeId } from './normalize-id.js';

/** The events that change an order's status as clients see it, and the status each one leads to. */
const statusAfter = {
  OrderCreated: 'OPEN',
  OrderCompleted: 'COMPLETED',
  OrderDeleted: 'DELETED',
  ShipmentDispatched: 'SHIPPED',
  ShipmentDelivered: 'DELIVERED',
} as const;
type StatusEvent = RecordedEvent<keyof typeof statusAfter, { orderId: string; shipmentId?: string }>;
const statusEventTypes = Object.keys(statusAfter) as Array<keyof typeof statusAfter>;

const OrderLifecycleStatusEnum = builder.enumType('OrderLifecycleStatus', {
  description: 'Every status an order passes through: those of OrderStatus, and DELETED.',
  values: [...new Set(Object.values(statusAfter))],
});

interface OrderStatusChange {
  orderId: string;
  status: (typeof statusAfter)[keyof typeof statusAfter];
  shipmentId: string | null;
  eventType: string;
  position: string;
  occurredAt: Date;
}

const OrderStatusChangeType = builder.objectRef<OrderStatusChange>('OrderStatusChange').implement({
  fields: (t) => ({
    orderId: t.exposeID('orderId'),
    status: t.field({ type: OrderLifecycleStatusEnum, resolve: (change) => change.status }),
    shipmentId: t.exposeID('shipmentId', { nullable: true }),
    eventType: t.exposeString('eventType', { description: 'The event that changed it.' }),
    position: t.exposeString('position', { description: 'Pass as `after` to resume from here.' }),
    occurredAt: t.field({ type: 'DateTime', resolve: (change) => change.occurredAt }),
  }),
});

/** Only whoever created the order the field's `id` argument names. */
const orderOwner = ownerOfField(orderAggregate, ({ args }: FieldInput<{ id: string | number }>) => normalizeId(args.id));

builder.subscriptionField('orderStatusChanged', (t) =>
  t.field({
    access: orderOwner,
    type: OrderStatusChangeType,
    description:
      'Every status change of the order (its shipment included) as it commits. With `after` (a position), first ' +
      'replays every change since then from the store, then goes live, with no gap and no duplicate.',
    args: { id: t.arg.id({ required: true }), after: t.arg.string({ required: false }) },
    subscribe: (_root, { id, after }, ctx) => {
      const orderId = normalizeId(id);
      const streams = new Set([streamIdOf(orderAggregate, orderId), streamIdOf(shipmentAggregate, shipmentIdFor(orderId))]);
      return ctx.app.feed.follow({
        ...(after == null ? {} : { after: parsePositionCursor(after) }),
        types: statusEventTypes,
        filter: (event) => streams.has(event.streamId),
      }) as AsyncIterable<StatusEvent>;
    },
    resolve: (event) => ({
      orderId: event.data.orderId,
      status: statusAfter[event.type],
      shipmentId: event.data.shipmentId ?? null,
      eventType: event.type,
      position: positionCursor(event.position),
      occurredAt: event.occurredAt,
    }),
  }),
);
