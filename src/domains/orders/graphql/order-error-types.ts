import { builder } from '../../../graphql/builder.js';
import { ErrorInterface, errorType } from '../../../graphql/types/errors.js';
import {
  OrderAlreadyCompleted,
  OrderAlreadyCreated,
  OrderHasBlockedProducts,
  OrderItemExists,
  OrderItemNotFound,
  OrderLastItem,
  OrderNotFound,
  OrderNotOpen,
  OrderNumberTaken,
} from '../order-errors.js';
import { ShipmentAlreadyDelivered, ShipmentAlreadyDispatched, ShipmentNotDispatched, ShipmentNotFound } from '../shipment-errors.js';

errorType(OrderNotFound, 'OrderNotFoundError', 'No order has this id (or it was deleted).');
errorType(OrderAlreadyCreated, 'OrderAlreadyCreatedError', 'An order with this id exists already (or existed and was deleted).');
errorType(OrderNumberTaken, 'OrderNumberTakenError', 'Another order has this order number; order numbers are never reused.');
errorType(OrderNotOpen, 'OrderNotOpenError', 'The order is completed or deleted; only an open order changes.');
errorType(OrderAlreadyCompleted, 'OrderAlreadyCompletedError', 'The order is completed already.');
errorType(OrderItemExists, 'OrderItemExistsError', 'The order has an item for this product already; remove it first.');
errorType(OrderItemNotFound, 'OrderItemNotFoundError', 'The order has no item for this product.');
errorType(OrderLastItem, 'OrderLastItemError', 'An order keeps at least one item; delete the order instead.');
errorType(ShipmentNotFound, 'ShipmentNotFoundError', 'No shipment has this id.');
errorType(ShipmentAlreadyDispatched, 'ShipmentAlreadyDispatchedError', 'The shipment has been dispatched already.');
errorType(ShipmentNotDispatched, 'ShipmentNotDispatchedError', 'The shipment has not been dispatched yet.');
errorType(ShipmentAlreadyDelivered, 'ShipmentAlreadyDeliveredError', 'The shipment has been delivered already.');

builder.objectType(OrderHasBlockedProducts, {
  name: 'OrderHasBlockedProductsError',
  interfaces: [ErrorInterface],
  description: 'The order cannot be completed while products on it are blocked; they are listed.',
  isTypeOf: (value) => value instanceof OrderHasBlockedProducts,
  fields: (t) => ({
    productIds: t.field({ type: ['ID'], resolve: (error) => [...error.productIds] }),
  }),
});
