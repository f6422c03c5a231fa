import { builder } from '../../../graphql/builder.js';
import { unitsOfMeasure } from '../order-item.js';
import type { OrderItemsTable, OrderReadStatus, OrdersTable } from '../orders-tables.js';
import { orderLoaders } from './order-loaders.js';
import { ShipmentType } from './shipment-type.js';
import { admin } from '../../../auth/admin-role.js';
import { anyOf } from '../../../es/index.js';
import { ownOrder } from './order-access.js';

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
      resolve: (row, _args, ctx) => orderLoaders(ctx).items.load(row.id),
    }),
    shipment: t.field({
      type: ShipmentType,
      nullable: true,
      description: 'Created by the shipment policy shortly after the order completes.',
      resolve: (row, _args, ctx) => orderLoaders(ctx).shipmentOfOrder.load(row.id),
    }),
    version: t.int({ description: 'The version of the order stream this view reflects.', resolve: (row) => row.version }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (row) => row.updated_at }),
  }),
});

export const OrderItemInput = builder.inputType('OrderItemInput', {
  fields: (t) => ({
    productId: t.id({ required: true, description: 'A UUID.' }),
    quantity: t.float({ required: true, description: 'Greater than 0.' }),
    uom: t.field({ type: UnitOfMeasureEnum, required: true }),
  }),
});
