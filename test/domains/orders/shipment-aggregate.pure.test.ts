import { describe, it } from 'vitest';
import { productBlockAggregate } from '../../../src/domains/orders/product-block-aggregate.js';
import { shipmentAggregate } from '../../../src/domains/orders/shipment-aggregate.js';
import type { ShipmentEvent } from '../../../src/domains/orders/shipment-events.js';
import { aggregateSpec } from '../../../src/es/testing/aggregate-spec.js';

const shipment = aggregateSpec(shipmentAggregate);
const id = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const orderId = '6f1c2b9e-0d4a-4c6e-9a51-2f7d3e8b1c40';
const created: ShipmentEvent = { type: 'ShipmentCreated', data: { shipmentId: id, orderId } };
const dispatched: ShipmentEvent = { type: 'ShipmentDispatched', data: { shipmentId: id, orderId } };
const delivered: ShipmentEvent = { type: 'ShipmentDelivered', data: { shipmentId: id, orderId } };

describe('shipment aggregate', () => {
  it('is created PENDING for its order, once', () => {
    shipment.given().when({ type: 'CreateShipment', id, orderId }).then(created);
    shipment.given(created).thenState({ status: 'PENDING', orderId });
    shipment.given(created).when({ type: 'CreateShipment', id, orderId }).thenError('SHIPMENT_ALREADY_CREATED');
  });

  it('moves PENDING → DISPATCHED → DELIVERED, each event naming the order', () => {
    shipment.given(created).when({ type: 'DispatchShipment', id }).then(dispatched);
    shipment.given(created, dispatched).when({ type: 'DeliverShipment', id }).then(delivered);
    shipment.given(created, dispatched, delivered).thenState({ status: 'DELIVERED', orderId });
  });

  it('refuses every step out of order', () => {
    shipment.given(created).when({ type: 'DeliverShipment', id }).thenError('SHIPMENT_NOT_DISPATCHED');
    shipment.given(created, dispatched).when({ type: 'DispatchShipment', id }).thenError('SHIPMENT_ALREADY_DISPATCHED');
    shipment.given(created, dispatched, delivered).when({ type: 'DispatchShipment', id }).thenError('SHIPMENT_ALREADY_DISPATCHED');
    shipment.given(created, dispatched, delivered).when({ type: 'DeliverShipment', id }).thenError('SHIPMENT_ALREADY_DELIVERED');
  });

  it('answers SHIPMENT_NOT_FOUND for an unknown shipment', () => {
    shipment.given().when({ type: 'DispatchShipment', id }).thenError('SHIPMENT_NOT_FOUND');
    shipment.given().when({ type: 'DeliverShipment', id }).thenError('SHIPMENT_NOT_FOUND');
  });
});

describe('product block aggregate', () => {
  const block = aggregateSpec(productBlockAggregate);
  const productId = '0b8f6d1e-5c2a-4f3b-8e7d-9a1c2b3d4e5f';
  const blocked = { type: 'ProductBlocked' as const, data: { productId } };

  it('blocks and unblocks; repeating either records nothing', () => {
    block.given().when({ type: 'BlockProduct', productId }).then(blocked);
    block.given(blocked).when({ type: 'BlockProduct', productId }).then();
    block.given(blocked).when({ type: 'UnblockProduct', productId }).then({ type: 'ProductUnblocked', data: { productId } });
    block.given().when({ type: 'UnblockProduct', productId }).then();
    block.given(blocked, { type: 'ProductUnblocked', data: { productId } }).thenState({ blocked: false });
  });
});
