import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tables } from '../../src/db/database.js';
import { type Aggregate, defineAggregate } from '../../src/es/aggregate.js';
import { AggregateRepository } from '../../src/es/aggregate-repository.js';
import { CommandRouter } from '../../src/es/command-router.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EventStore } from '../../src/es/event-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { registerCounter } from './fixtures/counter.js';
import { everyone } from '../../src/es/access/rules.js';

/** A test-only aggregate whose state does not survive JSON as is (a Set), snapshotted every 3 events. */
interface TallyState {
  seen: Set<string>;
  total: number;
}
type TallyCommand = { type: 'Add'; tallyId: string; items: string[] };
type TallyEvent = { type: 'ItemAdded'; data: { item: string } };

function defineTally(schemaVersion: number): Aggregate<TallyState, TallyCommand, TallyEvent> {
  return defineAggregate<TallyState, TallyCommand, TallyEvent>({
    name: 'tally',
    initialState: { seen: new Set(), total: 0 },
    execute: (_state, command) => command.items.map((item) => ({ type: 'ItemAdded' as const, data: { item } })),
    apply: (state, event) => ({ seen: new Set([...state.seen, event.data.item]), total: state.total + 1 }),
    snapshot: {
      every: 3,
      schemaVersion,
      toJSON: (state) => ({ seen: [...state.seen], total: state.total }),
      fromJSON: (json) => {
        const { seen, total } = json as { seen: string[]; total: number };
        return { seen: new Set(seen), total };
      },
    },
  });
}

let database: TestDatabase;
let store: EventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  store = new EventStore(tables<EventStoreTables>(database));
});
afterAll(() => database?.close());

const newId = () => crypto.randomUUID();

/** A router with its own cache, as one process has; reads of its store are counted per stream. */
function instance(options: { cacheSize?: number; tallySchemaVersion?: number } = {}) {
  const repository = new AggregateRepository(store, options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize });
  const router = new CommandRouter({ store, db: tables<EventStoreTables>(database), repository, middleware: [] });
  registerCounter(router);
  const tally = defineTally(options.tallySchemaVersion ?? 1);
  router.register(tally, { Add: { identity: 'tallyId', access: everyone } });
  return { repository, router, tally };
}

function countReads() {
  const readStream = vi.spyOn(store, 'readStream');
  return {
    of: (streamId: string) => readStream.mock.calls.filter(([id]) => id === streamId),
    restore: () => readStream.mockRestore(),
  };
}

/** The state a full replay of the stream gives, without any snapshot or cache. */
async function replayed(aggregate: Aggregate<TallyState, TallyCommand, TallyEvent>, streamId: string) {
  const events = await store.readStream(streamId);
  return events.reduce((state, event) => aggregate.apply(state, event as unknown as TallyEvent), aggregate.initialState);
}

describe('aggregate cache', () => {
  it('keeps a hot aggregate in memory: its stream is read once, not per command', async () => {
    const { router, repository } = instance();
    const counterId = newId();
    const streamId = `counter-${counterId}`;
    await store.append(streamId, [{ type: 'Incremented', data: { by: 3, value: 3 } }]);
    const reads = countReads();
    try {
      await router.dispatch({ type: 'Increment', counterId, by: 1 });
      expect(reads.of(streamId)).toHaveLength(1);
      for (let i = 0; i < 10; i++) await router.dispatch({ type: 'Increment', counterId, by: 1 });
      expect(reads.of(streamId)).toHaveLength(1);

      repository.forget(streamId);
      const result = await router.dispatch({ type: 'Increment', counterId, by: 1 });
      expect(reads.of(streamId)).toHaveLength(2);
      expect(result.events).toEqual([{ type: 'Incremented', data: { by: 1, value: 15 } }]);
    } finally {
      reads.restore();
    }
  });

  it('evicts the least recently used aggregate beyond its size, which is then read again', async () => {
    const { router } = instance({ cacheSize: 1 });
    const [a, b] = [newId(), newId()];
    const reads = countReads();
    try {
      await router.dispatch({ type: 'Increment', counterId: a, by: 1 });
      await router.dispatch({ type: 'Increment', counterId: a, by: 1 });
      expect(reads.of(`counter-${a}`)).toHaveLength(1);
      await router.dispatch({ type: 'Increment', counterId: b, by: 1 });
      const result = await router.dispatch({ type: 'Increment', counterId: a, by: 1 });
      expect(reads.of(`counter-${a}`)).toHaveLength(2);
      expect(result.events).toEqual([{ type: 'Incremented', data: { by: 1, value: 3 } }]);
    } finally {
      reads.restore();
    }
  });
});

describe('snapshots', () => {
  it('writes one each time the stream crosses its interval, with the schema version, through toJSON', async () => {
    const { router } = instance();
    const tallyId = newId();
    const streamId = `tally-${tallyId}`;
    await router.dispatch({ type: 'Add', tallyId, items: ['a'] });
    await router.dispatch({ type: 'Add', tallyId, items: ['b'] });
    expect(await store.loadSnapshot(streamId)).toBeUndefined();

    await router.dispatch({ type: 'Add', tallyId, items: ['c', 'd'] }); // 2 → 4 crosses 3
    expect(await store.loadSnapshot(streamId)).toEqual({
      streamId,
      version: 4,
      schemaVersion: 1,
      state: { seen: ['a', 'b', 'c', 'd'], total: 4 },
    });
    await router.dispatch({ type: 'Add', tallyId, items: ['e'] }); // 5: no crossing
    expect(await store.loadSnapshot(streamId)).toMatchObject({ version: 4 });
    await router.dispatch({ type: 'Add', tallyId, items: ['f'] }); // 6 crosses 6
    expect(await store.loadSnapshot(streamId)).toMatchObject({ version: 6, state: { total: 6 } });
  });

  it('loads from the snapshot plus the later events, to the state a full replay gives', async () => {
    const writer = instance();
    const tallyId = newId();
    const streamId = `tally-${tallyId}`;
    for (const items of [['a'], ['b', 'c'], ['d'], ['e', 'f', 'a'], ['g']]) await writer.router.dispatch({ type: 'Add', tallyId, items });
    expect(await store.loadSnapshot(streamId)).toMatchObject({ version: 7, schemaVersion: 1 });
    await store.append(streamId, [{ type: 'ItemAdded', data: { item: 'h' } }]); // version 9; 'g' (8) is after the snapshot too

    const cold = instance();
    const reads = countReads();
    try {
      const loaded = await cold.repository.load(cold.tally, streamId);
      expect(reads.of(streamId).map(([, options]) => options?.fromVersion)).toEqual([8]);
      expect(loaded.version).toBe(9);
      expect(loaded.state).toEqual(await replayed(cold.tally, streamId));
      expect(loaded.state).toEqual({ seen: new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']), total: 9 });
    } finally {
      reads.restore();
    }
  });

  it('trusts a snapshot of its own schema version and ignores one of another version, replaying from the start', async () => {
    const writer = instance();
    const tallyId = newId();
    const streamId = `tally-${tallyId}`;
    await writer.router.dispatch({ type: 'Add', tallyId, items: ['a', 'b'] });
    expect(await store.loadSnapshot(streamId)).toBeUndefined();
    // A snapshot whose state is wrong on purpose shows which loads use it.
    await store.saveSnapshot({ streamId, version: 2, schemaVersion: 1, state: { seen: ['bogus'], total: 99 } });

    const sameVersion = instance();
    expect((await sameVersion.repository.load(sameVersion.tally, streamId)).state).toEqual({ seen: new Set(['bogus']), total: 99 });

    const nextVersion = instance({ tallySchemaVersion: 2 });
    const reads = countReads();
    try {
      const loaded = await nextVersion.repository.load(nextVersion.tally, streamId);
      expect(reads.of(streamId).map(([, options]) => options?.fromVersion)).toEqual([1]);
      expect(loaded).toEqual({ state: { seen: new Set(['a', 'b']), total: 2 }, version: 2 });
    } finally {
      reads.restore();
    }

    // Its next crossing replaces the snapshot with one of its own version.
    await nextVersion.router.dispatch({ type: 'Add', tallyId, items: ['c', 'd'] });
    expect(await store.loadSnapshot(streamId)).toEqual({
      streamId,
      version: 4,
      schemaVersion: 2,
      state: { seen: ['a', 'b', 'c', 'd'], total: 4 },
    });
  });

  it('takes no snapshot of an aggregate without snapshot settings', async () => {
    const { router } = instance();
    const counterId = newId();
    await router.dispatch({ type: 'IncrementMany', counterId, times: 7 });
    expect(await store.loadSnapshot(`counter-${counterId}`)).toBeUndefined();
  });
});
