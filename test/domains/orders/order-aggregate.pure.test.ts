import { describe, expect, it } from 'vitest';
import { orderAggregate } from '../../../src/domains/orders/order-aggregate.js';
import type { OrderCommand } from '../../../src/domains/orders/order-commands.js';
import type { OrderEvent } from '../../../src/domains/orders/order-events.js';
import type { OrderItem } from '../../../src/domains/orders/orders-values.js';
import { aggregateSpec } from '../../../src/es/testing/aggregate-spec.js';

const order = aggregateSpec(orderAggregate);
const id = '6f1c2b9e-0d4a-4c6e-9a51-2f7d3e8b1c40';
const steel: OrderItem = { productId: '0b8f6d1e-5c2a-4f3b-8e7d-9a1c2b3d4e5f', quantity: 2.5, uom: 'MT' };
const copper: OrderItem = { productId: '1c9e7a2f-6d3b-4a4c-9f8e-0b2d3c4e5f60', quantity: 120, uom: 'KG' };
const zinc: OrderItem = { productId: '2da08b3c-7e4c-4b5d-8a9f-1c3e4d5f6071', quantity: 3, uom: 'KG' };

const created: OrderEvent = {
  type: 'OrderCreated',
  data: { orderId: id, orderNumber: 'PO-1', businessPartner: 'buyer@example.com', items: [steel, copper] },
};
const completed: OrderEvent = { type: 'OrderCompleted', data: { orderId: id } };
const deleted: OrderEvent = { type: 'OrderDeleted', data: { orderId: id } };
const complete = (blockedProducts: string[] = []): OrderCommand => ({ type: 'CompleteOrder', id, blockedProducts });

describe('order aggregate', () => {
  it('creates an OPEN order with its items', () => {
    order
      .given()
      .when({ type: 'CreateOrder', id, orderNumber: 'PO-1', businessPartner: 'buyer@example.com', items: [steel, copper] })
      .then(created);
    order.given(created).thenState({ status: 'OPEN', items: [steel, copper] });
  });

  it('refuses a second create of the same id, also after the order was deleted', () => {
    const create: OrderCommand = { type: 'CreateOrder', id, orderNumber: 'PO-2', businessPartner: 'b@example.com', items: [zinc] };
    order.given(created).when(create).thenError('ORDER_ALREADY_CREATED');
    order.given(created, deleted).when(create).thenError('ORDER_ALREADY_CREATED');
  });

  it('answers ORDER_NOT_FOUND to every other command for an unknown or deleted order', () => {
    const commands: OrderCommand[] = [
      { type: 'AddOrderItems', id, items: [zinc] },
      { type: 'RemoveOrderItem', id, productId: steel.productId },
      complete(),
      { type: 'DeleteOrder', id },
    ];
    for (const command of commands) {
      order.given().when(command).thenError('ORDER_NOT_FOUND');
      order.given(created, deleted).when(command).thenError('ORDER_NOT_FOUND');
    }
  });

  it('adds items of products not on the order yet, while OPEN', () => {
    order
      .given(created)
      .when({ type: 'AddOrderItems', id, items: [zinc] })
      .then({ type: 'OrderItemsAdded', data: { orderId: id, items: [zinc] } });
    order
      .given(created, { type: 'OrderItemsAdded', data: { orderId: id, items: [zinc] } })
      .thenState({ status: 'OPEN', items: [steel, copper, zinc] });
    const error = order
      .given(created)
      .when({ type: 'AddOrderItems', id, items: [zinc, { ...copper, quantity: 1 }] })
      .thenError('ORDER_ITEM_EXISTS');
    expect(error.message).toContain(copper.productId);
    order
      .given(created, completed)
      .when({ type: 'AddOrderItems', id, items: [zinc] })
      .thenError('ORDER_NOT_OPEN');
  });

  it('removes an item while OPEN, but never the last one', () => {
    order
      .given(created)
      .when({ type: 'RemoveOrderItem', id, productId: steel.productId })
      .then({ type: 'OrderItemRemoved', data: { orderId: id, productId: steel.productId } });
    order
      .given(created, { type: 'OrderItemRemoved', data: { orderId: id, productId: steel.productId } })
      .thenState({ status: 'OPEN', items: [copper] });
    order.given(created).when({ type: 'RemoveOrderItem', id, productId: zinc.productId }).thenError('ORDER_ITEM_NOT_FOUND');
    order
      .given(created, { type: 'OrderItemRemoved', data: { orderId: id, productId: steel.productId } })
      .when({ type: 'RemoveOrderItem', id, productId: copper.productId })
      .thenError('ORDER_LAST_ITEM');
    order.given(created, completed).when({ type: 'RemoveOrderItem', id, productId: steel.productId }).thenError('ORDER_NOT_OPEN');
  });

  it('completes an OPEN order without blocked products, once', () => {
    order.given(created).when(complete()).then(completed);
    order
      .given(created)
      .when(complete([zinc.productId]))
      .then(completed);
    order.given(created, completed).when(complete()).thenError('ORDER_ALREADY_COMPLETED');
  });

  it('refuses to complete an order with blocked products and names exactly those on the order', () => {
    const error = order
      .given(created)
      .when(complete([copper.productId, zinc.productId, steel.productId]))
      .thenError('ORDER_HAS_BLOCKED_PRODUCTS');
    expect(error).toMatchObject({ productIds: [steel.productId, copper.productId] });
    expect(error.message).toContain(steel.productId);
  });

  it('refuses to decide a completion nobody looked up the blocked products for', () => {
    expect(() => orderAggregate.execute(orderAggregate.apply(orderAggregate.initialState, created), { type: 'CompleteOrder', id })).toThrow(
      /blocked products/,
    );
  });

  it('deletes only an OPEN order', () => {
    order.given(created).when({ type: 'DeleteOrder', id }).then(deleted);
    order.given(created, completed).when({ type: 'DeleteOrder', id }).thenError('ORDER_NOT_OPEN');
  });
});
