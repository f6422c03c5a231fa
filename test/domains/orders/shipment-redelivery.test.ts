import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipmentIdFor } from '../../../src/domains/orders/shipment-id.js';
import { SHIPMENT_POLICY } from '../../../src/domains/orders/shipment-policy.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createOrder } from './order-fixtures.js';
import { COMPLETE_ORDER } from './order-operations.js';
import { systemActor } from '../../../src/es/actor.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

/** Delivers the log again to the shipment policy from `position` on, as after a crash before its checkpoint moved. */
async function redeliverFrom(position: number): Promise<void> {
  await t.app.runtimes.stop();
  await t.app.database.db.updateTable('checkpoints').set({ position }).where('name', '=', SHIPMENT_POLICY).execute();
  await t.app.runtimes.start();
  await t.settle();
}

describe('shipment policy against the store', () => {
  it('creates one shipment per completed order, caused by OrderCompleted', async () => {
    const { id } = await createOrder(t);
    await t.graphql(COMPLETE_ORDER, { id });
    await t.settle();
    const [completed] = await t.app.store.readAll({ types: ['OrderCompleted'], streamId: `order-${id}` });
    const shipment = await t.app.store.readStream(`shipment-${shipmentIdFor(id)}`);
    expect(shipment).toHaveLength(1);
    expect(shipment[0]).toMatchObject({ type: 'ShipmentCreated', data: { shipmentId: shipmentIdFor(id), orderId: id } });
    expect(shipment[0]!.metadata).toMatchObject({ causationId: completed!.eventId, correlationId: completed!.metadata.correlationId });
  });

  it('redelivered OrderCompleted events create no second shipment and append nothing', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await createOrder(t);
      await t.graphql(COMPLETE_ORDER, { id });
      ids.push(id);
    }
    await t.settle();
    const head = await t.app.store.head();

    await redeliverFrom(0);

    expect(await t.app.store.head()).toBe(head);
    for (const id of ids) expect(await t.app.store.streamVersion(`shipment-${shipmentIdFor(id)}`)).toBe(1);
    expect(await t.app.runtimes.deadLetters(SHIPMENT_POLICY)).toEqual([]);
  });

  it('a second CreateShipment for the order, under another command id, is refused: the shipment id follows from the order', async () => {
    const { id } = await createOrder(t);
    await t.graphql(COMPLETE_ORDER, { id });
    await t.settle();
    const head = await t.app.store.head();
    await expect(
      t.app.router.dispatch({ type: 'CreateShipment', id: shipmentIdFor(id), orderId: id }, { actor: systemActor('shipment-policy') }),
    ).rejects.toMatchObject({
      code: 'SHIPMENT_ALREADY_CREATED',
    });
    expect(await t.app.store.head()).toBe(head);
  });
});
