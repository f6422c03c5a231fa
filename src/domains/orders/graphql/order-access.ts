import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { orderAggregate } from '../order-aggregate.js';
import type { OrdersTable, ShipmentsTable } from '../orders-tables.js';
import { normalizeId } from './normalize-id.js';

/** Only whoever created the order the field's `id` argument names. */
export const orderOwner = ownerOfField(orderAggregate, ({ args }: FieldInput<{ id: string | number }>) => normalizeId(args.id));

/** An order is read by whoever created it. */
export const ownOrder = ownerOfField(orderAggregate, ({ parent }: FieldInput<unknown, OrdersTable>) => parent.id);

/** A shipment is read by whoever created its order. */
export const ownShipment = ownerOfField(orderAggregate, ({ parent }: FieldInput<unknown, ShipmentsTable>) => parent.order_id);
