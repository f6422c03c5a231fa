import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/db/database.js';
import { DuplicateEventError, InvalidAppendError, WrongExpectedVersionError } from '../../src/es/errors.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EventStore } from '../../src/es/event-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let store: EventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  store = new EventStore(tables<EventStoreTables>(database));
});
afterAll(() => database.close());

const event = (type: string, data: unknown = {}, id?: string) => ({ type, data, ...(id ? { id } : {}) });
const uniqueStream = (name: string) => `${name}-${crypto.randomUUID()}`;

describe('append', () => {
  it('assigns contiguous stream versions and increasing global positions', async () => {
    const streamId = uniqueStream('a');
    const first = await store.append(streamId, [event('Opened'), event('Deposited', { amount: 5 })], 'no_stream');
    const second = await store.append(streamId, [event('Withdrawn', { amount: 2 })], 2);
    expect(first.version).toBe(2);
    expect(second.version).toBe(3);
    expect(second.positions[0]).toBe(first.positions[1]! + 1);
    const read = await store.readStream(streamId);
    expect(read.map((e) => [e.version, e.type, e.data])).toEqual([
      [1, 'Opened', {}],
      [2, 'Deposited', { amount: 5 }],
      [3, 'Withdrawn', { amount: 2 }],
    ]);
  });

  it.each([
    ['no_stream on an existing stream', 'no_stream' as const, 1],
    ['stream_exists on a missing stream', 'stream_exists' as const, 0],
    ['an exact version that is stale', 0, 1],
    ['an exact version ahead of the stream', 5, 1],
  ])('rejects %s with WrongExpectedVersion and writes nothing', async (_name, expected, existing) => {
    const streamId = uniqueStream('v');
    if (existing) await store.append(streamId, [event('Created')]);
    const head = await store.head();
    const attempt = store.append(streamId, [event('Changed')], expected);
    await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(attempt).rejects.toMatchObject({ streamId, actual: existing });
    expect(await store.head()).toBe(head);
    expect(await store.streamVersion(streamId)).toBe(existing);
  });

  it('accepts stream_exists and any on existing streams', async () => {
    const streamId = uniqueStream('e');
    await store.append(streamId, [event('Created')], 'any');
    await expect(store.append(streamId, [event('Changed')], 'stream_exists')).resolves.toMatchObject({ version: 2 });
    await expect(store.append(streamId, [event('Changed')], 'any')).resolves.toMatchObject({ version: 3 });
  });

  it('treats a retried append with the same event ids as a no-op returning the original result, marked as a replay', async () => {
    const streamId = uniqueStream('i');
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const first = await store.append(streamId, [event('A', {}, ids[0]), event('B', {}, ids[1])], 'no_stream');
    expect(first.replayed).toBeUndefined();
    const head = await store.head();
    const retry = await store.append(streamId, [event('A', {}, ids[0]), event('B', {}, ids[1])], 'no_stream');
    expect(retry).toEqual({ ...first, replayed: true });
    // The same ids in capitals are the same events.
    expect(
      await store.append(
        streamId,
        ids.map((id, n) => event(n ? 'B' : 'A', {}, id!.toUpperCase())),
        'no_stream',
      ),
    ).toEqual({
      ...first,
      replayed: true,
    });
    expect(await store.head()).toBe(head);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('rejects an append that repeats only some stored event ids', async () => {
    const streamId = uniqueStream('d');
    const id = crypto.randomUUID();
    await store.append(streamId, [event('A', {}, id)]);
    await expect(store.append(streamId, [event('A', {}, id), event('B')])).rejects.toBeInstanceOf(DuplicateEventError);
    expect(await store.streamVersion(streamId)).toBe(1);
  });

  it('keeps one request failing from failing the others written in the same batch', async () => {
    const good = uniqueStream('g');
    const bad = uniqueStream('b');
    await store.append(bad, [event('Created')]);
    const results = await Promise.allSettled([
      store.append(good, [event('One')], 'no_stream'),
      store.append(bad, [event('Two')], 'no_stream'),
      // A string Postgres refuses inside jsonb fails the whole transaction, then only itself.
      store.append(uniqueStream('nul'), [event('Three', { text: 'nul \u0000 byte' })]),
      store.append(good, [event('Four')], 1),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((await store.readStream(good)).map((e) => e.type)).toEqual(['One', 'Four']);
  });

  it('rejects bad arguments before touching the database', async () => {
    await expect(store.append('', [event('A')])).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append('s', [])).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append('s', [event('A')], -1)).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append('s', [event('')])).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(store.append('s', [event('A', {}, 'not-a-uuid')])).rejects.toBeInstanceOf(InvalidAppendError);
  });

  it('records correlation, causation, actor, time and user metadata on every event', async () => {
    const streamId = uniqueStream('m');
    const before = Date.now();
    await store.append(streamId, [{ type: 'A', data: {}, metadata: { tenant: 't1' } }], 'any', {
      correlationId: 'corr-1',
      causationId: 'cause-1',
      actor: 'alice',
    });
    const [stored] = await store.readStream(streamId);
    expect(stored!.metadata).toEqual({ tenant: 't1', correlationId: 'corr-1', causationId: 'cause-1', actor: 'alice' });
    expect(stored!.occurredAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const correlated = await store.readByCorrelation('corr-1');
    expect(correlated.map((e) => e.eventId)).toEqual([stored!.eventId]);
  });
});

describe('reads', () => {
  it('reads a stream backward and from a version, and the log in batches', async () => {
    const streamId = uniqueStream('r');
    const { positions } = await store.append(
      streamId,
      [1, 2, 3, 4].map((n) => event(`E${n}`)),
    );
    expect((await store.readStream(streamId, { direction: 'backward' })).map((e) => e.version)).toEqual([4, 3, 2, 1]);
    expect((await store.readStream(streamId, { direction: 'backward', fromVersion: 2 })).map((e) => e.version)).toEqual([2, 1]);
    expect((await store.readStream(streamId, { fromVersion: 3, limit: 1 })).map((e) => e.version)).toEqual([3]);
    const page = await store.readAll({ after: positions[0]!, limit: 2 });
    expect(page.map((e) => e.position)).toEqual([positions[1], positions[2]]);
    expect((await store.readAll({ after: positions[0]!, types: ['E4'] })).map((e) => e.position)).toEqual([positions[3]]);
  });

  it('returns an empty list for a stream that does not exist', async () => {
    expect(await store.readStream(uniqueStream('missing'))).toEqual([]);
    expect(await store.streamVersion(uniqueStream('missing'))).toBe(0);
  });
});

describe('linked streams', () => {
  it('links events into another stream with that stream’s own versions, once', async () => {
    const order1 = uniqueStream('order');
    const order2 = uniqueStream('order');
    const category = uniqueStream('orders');
    const a = await store.append(order1, [event('OrderCreated', { n: 1 }), event('OrderCompleted')]);
    const b = await store.append(order2, [event('OrderCreated', { n: 2 })]);
    await store.link(category, a.positions, 'no_stream');
    await store.link(category, [...b.positions, a.positions[0]!]);
    const linked = await store.readStream(category);
    expect(linked.map((e) => [e.version, e.type, e.linkedFrom])).toEqual([
      [1, 'OrderCreated', { streamId: order1, version: 1 }],
      [2, 'OrderCompleted', { streamId: order1, version: 2 }],
      [3, 'OrderCreated', { streamId: order2, version: 1 }],
    ]);
    expect(await store.streamVersion(category)).toBe(3);
  });

  it('refuses to link a position that holds no event', async () => {
    const head = await store.head();
    await expect(store.link(uniqueStream('x'), [head + 1000])).rejects.toBeInstanceOf(InvalidAppendError);
  });
});

describe('snapshots', () => {
  it('keeps the newest snapshot', async () => {
    const streamId = uniqueStream('s');
    await store.saveSnapshot({ streamId, version: 10, schemaVersion: 1, state: { total: 10 } });
    await store.saveSnapshot({ streamId, version: 5, schemaVersion: 1, state: { total: 5 } });
    expect(await store.loadSnapshot(streamId)).toEqual({ streamId, version: 10, schemaVersion: 1, state: { total: 10 } });
    await store.saveSnapshot({ streamId, version: 20, schemaVersion: 2, state: { total: 20 } });
    expect(await store.loadSnapshot(streamId)).toMatchObject({ version: 20, schemaVersion: 2 });
  });

  it('replaces a snapshot of another schema version, even a newer one: its reader ignores it anyway', async () => {
    const streamId = uniqueStream('s');
    await store.saveSnapshot({ streamId, version: 20, schemaVersion: 1, state: { total: 20 } });
    await store.saveSnapshot({ streamId, version: 20, schemaVersion: 2, state: { count: 20 } });
    expect(await store.loadSnapshot(streamId)).toEqual({ streamId, version: 20, schemaVersion: 2, state: { count: 20 } });
    await store.saveSnapshot({ streamId, version: 12, schemaVersion: 3, state: { n: 12 } });
    expect(await store.loadSnapshot(streamId)).toMatchObject({ version: 12, schemaVersion: 3 });
  });
});
