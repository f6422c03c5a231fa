import { DomainError, domainError } from '../../es/index.js';

export const OrderNotFound = domainError('ORDER_NOT_FOUND', 'No order has this id', 'No order has this id (or it was deleted).');
export const OrderAlreadyCreated = domainError(
  'ORDER_ALREADY_CREATED',
  'An order with this id already exists',
  'An order with this id exists already (or existed and was deleted).',
);
export const OrderNumberTaken = domainError(
  'ORDER_NUMBER_TAKEN',
  'Another order has this order number',
  'Another order has this order number; order numbers are never reused.',
);
export const OrderNotOpen = domainError(
  'ORDER_NOT_OPEN',
  'The order is no longer open',
  'The order is completed or deleted; only an open order changes.',
);
export const OrderAlreadyCompleted = domainError(
  'ORDER_ALREADY_COMPLETED',
  'The order is completed already',
  'The order is completed already.',
);
export const OrderItemExists = domainError(
  'ORDER_ITEM_EXISTS',
  'The order has an item for this product already; remove it first',
  'The order has an item for this product already; remove it first.',
);
export const OrderItemNotFound = domainError(
  'ORDER_ITEM_NOT_FOUND',
  'The order has no item for this product',
  'The order has no item for this product.',
);
export const OrderLastItem = domainError(
  'ORDER_LAST_ITEM',
  'An order keeps at least one item; delete the order instead',
  'An order keeps at least one item; delete the order instead.',
);

/** Completing was refused because some of the order's products are blocked; it names them. */
export class OrderHasBlockedProducts extends DomainError {
  static readonly code = 'ORDER_HAS_BLOCKED_PRODUCTS';
  static readonly description = 'The order cannot be completed while products on it are blocked; they are listed.';
  override readonly name = 'OrderHasBlockedProducts';
  constructor(readonly productIds: readonly string[]) {
    super(OrderHasBlockedProducts.code, `The order has blocked products: ${productIds.join(', ')}`);
  }
}
