import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ORDER_SNAPSHOT_SCHEMA_VERSION, defineOrderAggregate } from '../../../src/domains/orders/order-aggregate.js';
import type { OrderEvent } from '../../../src/domains/orders/order-events.js';
import { createOrdersModule } from '../../../src/domains/orders/orders-module.js';
import { AggregateRepository } from '../../../src/es/aggregate-repository.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { newId, newItem, orderInput } from './order-fixtures.js';
import { TEST_ACTOR } from '../../support/test-auth.js';

const asOwner = { actor: TEST_ACTOR };

const EVERY = 3;
const order = defineOrderAggregate({ snapshotEvery: EVERY });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ domains: [createOrdersModule({ snapshotEvery: EVERY })] });
});
afterAll(() => t.stop());

/** An order with 11 events: created with one item, 8 added one at a time, 2 removed. */
async function busyOrder(): Promise<string> {
  const input = orderInput({ items: [newItem()] });
  await t.app.router.dispatch({ type: 'CreateOrder', ...input }, asOwner);
  const added = [];
  for (let i = 0; i < 8; i++) {
    const item = newItem({ quantity: i + 0.5, uom: i % 2 ? 'KG' : 'MT' });
    await t.app.router.dispatch({ type: 'AddOrderItems', id: input.id, items: [item] }, asOwner);
    added.push(item);
  }
  for (const item of [added[2]!, added[5]!])
    await t.app.router.dispatch({ type: 'RemoveOrderItem', id: input.id, productId: item.productId }, asOwner);
  return input.id;
}

async function fullReplay(streamId: string) {
  const events = await t.app.store.readStream(streamId);
  return {
    state: events.reduce((state, event) => order.apply(state, event as unknown as OrderEvent), order.initialState),
    version: events.length,
    // Its owner too: the claim lies before the snapshot, and the load still knows it.
    owner: events[0]?.metadata.actor,
  };
}

async function snapshotRow(streamId: string) {
  return t.app.database.db.selectFrom('snapshots').selectAll().where('stream_id', '=', streamId).executeTakeFirst();
}

describe('order snapshots', () => {
  it(`snapshots every ${EVERY} events, and a load from the snapshot gives exactly the state of a full replay`, async () => {
    const id = await busyOrder();
    const streamId = `order-${id}`;
    expect(await snapshotRow(streamId)).toMatchObject({ version: 9, schema_version: ORDER_SNAPSHOT_SCHEMA_VERSION });

    const readStream = vi.spyOn(t.app.store, 'readStream');
    const loaded = await new AggregateRepository(t.app.store).load(order, streamId);
    const reads = readStream.mock.calls.filter(([stream]) => stream === streamId).map(([, options]) => options?.fromVersion);
    readStream.mockRestore();

    expect(reads).toEqual([10]);
    expect(loaded).toEqual(await fullReplay(streamId));
    expect(loaded.state.items).toHaveLength(7);
  });

  it('ignores a snapshot of another schema version, rebuilds from the events, and snapshots again', async () => {
    const id = await busyOrder();
    const streamId = `order-${id}`;
    // A snapshot as an older release wrote it: another shape, and claiming the stream's latest version.
    await t.app.database.db
      .updateTable('snapshots')
      .set({ schema_version: ORDER_SNAPSHOT_SCHEMA_VERSION - 1, version: 11, state: JSON.stringify({ lines: 'old shape' }) })
      .where('stream_id', '=', streamId)
      .execute();

    const loaded = await new AggregateRepository(t.app.store).load(order, streamId);

    expect(loaded).toEqual(await fullReplay(streamId));
    expect(await snapshotRow(streamId)).toMatchObject({ version: 11, schema_version: ORDER_SNAPSHOT_SCHEMA_VERSION });
  });

  it('decides the same on a state loaded from a snapshot', async () => {
    const id = await busyOrder();
    t.app.repository.clear();
    const [last] = await t.app.store.readStream(`order-${id}`, { direction: 'backward', limit: 1 });
    const items = (await fullReplay(`order-${id}`)).state.items;
    await expect(t.app.router.dispatch({ type: 'AddOrderItems', id, items: [items[0]!] }, asOwner)).rejects.toMatchObject({
      code: 'ORDER_ITEM_EXISTS',
    });
    const removed = await t.app.router.dispatch({ type: 'RemoveOrderItem', id, productId: items[1]!.productId }, asOwner);
    expect(removed.version).toBe(last!.version + 1);
    await expect(
      t.app.router.dispatch({ type: 'RemoveOrderItem', id: newId(), productId: items[1]!.productId }, asOwner),
    ).rejects.toMatchObject({
      code: 'ORDER_NOT_FOUND',
    });
  });
});
