import { admin } from '../../../auth/admin-role.js';
import { anyOf } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { orderAggregate } from '../order-aggregate.js';
import type { OrderItemsTable, OrderReadStatus, OrdersTable } from '../orders-tables.js';
import { unitsOfMeasure } from '../orders-values.js';
import { itemsOfOrder, shipmentOfOrder } from './orders-reads.js';
import { ShipmentType } from './shipment-type.js';

export const OrderStatusEnum = builder.enumType('OrderStatus', {
  description: 'OPEN until completed; then the shipment moves it to SHIPPED and DELIVERED.',
  values: ['OPEN', 'COMPLETED', 'SHIPPED', 'DELIVERED'] as const satisfies readonly OrderReadStatus[],
});

export const UnitOfMeasureEnum = builder.enumType('UnitOfMeasure', {
  description: 'KG: kilograms; MT: metric tonnes.',
  values: unitsOfMeasure,
});

const OrderItemType = builder.objectRef<OrderItemsTable>('OrderItem').implement({
  fields: (t) => ({
    productId: t.exposeID('product_id'),
    quantity: t.exposeFloat('quantity'),
    uom: t.field({ type: UnitOfMeasureEnum, resolve: (row) => row.uom }),
  }),
});

/** An order is read by whoever created it. */
const ownOrder = ownerOfField(orderAggregate, ({ parent }: FieldInput<unknown, OrdersTable>) => parent.id);

export const OrderType = builder.objectRef<OrdersTable>('Order').implement({
  // Whoever created it reads it; operators read every order.
  access: anyOf(ownOrder, admin),
  description: 'An order as its projection shows it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    orderNumber: t.exposeString('order_number'),
    businessPartner: t.exposeString('business_partner'),
    status: t.field({ type: OrderStatusEnum, resolve: (row) => row.status }),
    items: t.field({
      type: [OrderItemType],
      description: 'In the order they were added.',
      resolve: (row, _args, ctx) => itemsOfOrder(ctx, row.id),
    }),
    shipment: t.field({
      type: ShipmentType,
      nullable: true,
      description: 'Created by the shipment policy shortly after the order completes.',
      resolve: (row, _args, ctx) => shipmentOfOrder(ctx, row.id),
    }),
    version: t.int({ description: 'The version of the order stream this view reflects.', resolve: (row) => row.version }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (row) => row.updated_at }),
  }),
});
