import { describe, expect, it } from 'vitest';
import { ORDERS_STREAM, ordersStreamLinker } from '../../../src/domains/orders/orders-stream-linker.js';
import { ShipmentAlreadyCreated, ShipmentNotFound } from '../../../src/domains/orders/shipment-errors.js';
import { shipmentIdFor } from '../../../src/domains/orders/shipment-id.js';
import { shipmentPolicy } from '../../../src/domains/orders/shipment-policy.js';
import { DomainError } from '../../../src/es/domain-error.js';
import { eventHandlerSpec } from '../../../src/es/testing/event-handler-spec.js';

const policy = eventHandlerSpec(shipmentPolicy);
const orderId = '6f1c2b9e-0d4a-4c6e-9a51-2f7d3e8b1c40';
const completed = { type: 'OrderCompleted' as const, data: { orderId } };

describe('shipment policy', () => {
  it('when an order completes, creates its shipment with an id derived from the order', async () => {
    await policy.when(completed).then({ type: 'CreateShipment', id: shipmentIdFor(orderId), orderId });
    expect(shipmentIdFor(orderId)).toBe(shipmentIdFor(orderId));
    expect(shipmentIdFor(orderId)).not.toBe(shipmentIdFor('0b8f6d1e-5c2a-4f3b-8e7d-9a1c2b3d4e5f'));
  });

  it('takes a shipment that exists already as done, however the refusal arrives', async () => {
    const expected = { type: 'CreateShipment', id: shipmentIdFor(orderId), orderId };
    await policy.when(completed, { refuse: { CreateShipment: new ShipmentAlreadyCreated() } }).then(expected);
    // A refusal recorded for a command id comes back from the store as a plain DomainError with its code.
    await policy.when(completed, { refuse: { CreateShipment: new DomainError('SHIPMENT_ALREADY_CREATED', 'x') } }).then(expected);
  });

  it('fails on any other refusal, so the error policy retries and dead-letters it', async () => {
    const error = await policy.when(completed, { refuse: { CreateShipment: new ShipmentNotFound() } }).thenThrows();
    expect(error).toBeInstanceOf(ShipmentNotFound);
  });

  it('ignores every other order event', async () => {
    await policy.when({ type: 'OrderCreated', data: { orderId, orderNumber: 'PO', businessPartner: 'a@b.co', items: [] } }).then();
    await policy.when({ type: 'OrderDeleted', data: { orderId } }).then();
  });
});

describe('orders stream linker', () => {
  it('links every order event into the orders stream', async () => {
    const linker = eventHandlerSpec(ordersStreamLinker());
    await linker.when(completed).thenLinked(ORDERS_STREAM);
    await linker.when({ type: 'OrderItemRemoved', data: { orderId, productId: orderId } }).thenLinked(ORDERS_STREAM);
  });

  it('links nothing when its fault hook throws', async () => {
    const error = await eventHandlerSpec(
      ordersStreamLinker({
        beforeLink: () => {
          throw new Error('injected');
        },
      }),
    )
      .when(completed)
      .thenThrows();
    expect(String(error)).toMatch(/injected/);
  });
});
