import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipmentIdFor } from '../../../src/domains/orders/shipment-id.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createOrder } from './order-fixtures.js';
import { COMPLETE_ORDER, DELETE_ORDER, DELIVER_SHIPMENT, DISPATCH_SHIPMENT, ORDER_STATUS_CHANGED } from './order-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

interface Change {
  orderId: string;
  status: string;
  shipmentId: string | null;
  eventType: string;
  position: string;
}

async function take(iterator: AsyncIterableIterator<{ data?: any; errors?: unknown }>, count: number): Promise<Change[]> {
  const changes: Change[] = [];
  for await (const result of iterator) {
    expect(result.errors).toBeUndefined();
    changes.push(result.data.orderStatusChanged);
    if (changes.length === count) break;
  }
  return changes;
}

/** Completes the order, waits for its shipment, then dispatches (and delivers) it. */
async function ship(id: string, { deliver = true } = {}) {
  await t.graphql(COMPLETE_ORDER, { id });
  await t.settle();
  await t.graphql(DISPATCH_SHIPMENT, { id: shipmentIdFor(id) });
  if (deliver) await t.graphql(DELIVER_SHIPMENT, { id: shipmentIdFor(id) });
}

describe('orderStatusChanged', () => {
  it('replays every change after the cursor, the shipment’s included, then goes live', async () => {
    const { id } = await createOrder(t);
    const afterCreate = await t.app.store.head();
    await ship(id, { deliver: false });
    const subscription = await t.subscribe(ORDER_STATUS_CHANGED, { id, after: String(afterCreate) });
    const received = take(subscription, 3);
    await t.graphql(DELIVER_SHIPMENT, { id: shipmentIdFor(id) });
    const changes = await received;
    expect(changes.map((change) => [change.status, change.eventType])).toEqual([
      ['COMPLETED', 'OrderCompleted'],
      ['SHIPPED', 'ShipmentDispatched'],
      ['DELIVERED', 'ShipmentDelivered'],
    ]);
    expect(changes.every((change) => change.orderId === id)).toBe(true);
    expect(changes.map((change) => change.shipmentId)).toEqual([null, shipmentIdFor(id), shipmentIdFor(id)]);
  });

  it('has no gap and no duplicate at the seam while the order moves on', async () => {
    const { id } = await createOrder(t);
    const start = await t.app.store.head();
    const moving = ship(id);
    const subscription = await t.subscribe(ORDER_STATUS_CHANGED, { id: id.toUpperCase(), after: String(start) });
    const changes = await take(subscription, 3);
    await moving;
    expect(changes.map((change) => change.status)).toEqual(['COMPLETED', 'SHIPPED', 'DELIVERED']);
    const positions = changes.map((change) => Number(change.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(3);
  });

  it('resumes from the position of the last change it delivered', async () => {
    const before = await t.app.store.head();
    const { id } = await createOrder(t);
    await ship(id);
    const [first] = await take(await t.subscribe(ORDER_STATUS_CHANGED, { id, after: String(before) }), 1);
    const [second] = await take(await t.subscribe(ORDER_STATUS_CHANGED, { id, after: first!.position }), 1);
    expect([first!.status, second!.status]).toEqual(['OPEN', 'COMPLETED']);
  });

  it('without a cursor delivers only what commits after it starts, for that order only', async () => {
    const { id } = await createOrder(t);
    const other = await createOrder(t);
    const subscription = await t.subscribe(ORDER_STATUS_CHANGED, { id });
    const received = take(subscription, 1);
    await t.app.feed.waitFor(await t.app.store.head());
    await t.graphql(DELETE_ORDER, { id: other.id });
    await t.graphql(DELETE_ORDER, { id });
    expect((await received).map((change) => [change.orderId, change.status])).toEqual([[id, 'DELETED']]);
  });

  it('refuses a malformed cursor', async () => {
    const { id } = await createOrder(t);
    const result = await t.subscribe(ORDER_STATUS_CHANGED, { id, after: 'x' }).catch((error: Error) => error);
    expect(String(result)).toMatch(/position cursor/);
  });
});
