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

errorType(OrderNotFound);
errorType(OrderAlreadyCreated);
errorType(OrderNumberTaken);
errorType(OrderNotOpen);
errorType(OrderAlreadyCompleted);
errorType(OrderItemExists);
errorType(OrderItemNotFound);
errorType(OrderLastItem);
errorType(ShipmentNotFound);
errorType(ShipmentAlreadyDispatched);
errorType(ShipmentNotDispatched);
errorType(ShipmentAlreadyDelivered);

builder.objectType(OrderHasBlockedProducts, {
  name: 'OrderHasBlockedProductsError',
  interfaces: [ErrorInterface],
  description: 'The order cannot be completed while products on it are blocked; they are listed.',
  isTypeOf: (value) => value instanceof OrderHasBlockedProducts,
  fields: (t) => ({
    productIds: t.field({ type: ['ID'], resolve: (error) => [...error.productIds] }),
  }),
});
