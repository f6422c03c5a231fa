import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tables } from '../../src/db/database.js';
import { defineAggregate } from '../../src/es/aggregate.js';
import { AggregateRepository } from '../../src/es/aggregate-repository.js';
import { everyone } from '../../src/es/access/rules.js';
import { CommandRouter } from '../../src/es/command-router.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EventStore } from '../../src/es/event-store.js';
import { loadAggregateAsOf } from '../../src/es/time-travel/load-aggregate-as-of.js';
import { VersionBeyondHeadError } from '../../src/es/time-travel/as-of.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** A list of items whose state does not survive JSON as is (a Set), snapshotted every 3 events. */
interface TallyState {
  items: Set<string>;
}
type TallyCommand = { type: 'Add'; tallyId: string; item: string };
type TallyEvent = { type: 'ItemAdded'; data: { item: string } };

const tally = defineAggregate<TallyState, TallyCommand, TallyEvent>({
  name: 'tally',
  initialState: { items: new Set() },
  execute: (_state, command) => ({ type: 'ItemAdded', data: { item: command.item } }),
  apply: (state, event) => ({ items: new Set([...state.items, event.data.item]) }),
  snapshot: {
    every: 3,
    schemaVersion: 1,
    toJSON: (state) => [...state.items],
    fromJSON: (json) => ({ items: new Set(json as string[]) }),
  },
});

let database: TestDatabase;
let store: EventStore;
let db: ReturnType<typeof tables<EventStoreTables>>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = tables<EventStoreTables>(database);
  store = new EventStore(db);
});
afterAll(() => database?.close());

/** A tally that received `items` one command each, through the router, so its snapshots are the real ones. */
async function tallyOf(items: string[]) {
  const repository = new AggregateRepository(store);
  const router = new CommandRouter({ store, db, repository, middleware: [] });
  router.register(tally, { Add: { identity: 'tallyId', access: everyone } });
  const tallyId = crypto.randomUUID();
  for (const item of items) await router.dispatch({ type: 'Add', tallyId, item });
  return { streamId: `tally-${tallyId}`, repository };
}

const letters = (n: number) => 'abcdefghijklmnopqrstuvwxyz'.slice(0, n).split('');
const items = (n: number) => ({ items: new Set(letters(n)) });

describe('an aggregate as of a version', () => {
  it('is the fold of the stream up to that version, with its event position and time', async () => {
    const { streamId } = await tallyOf(['a', 'b']);
    const [, second] = await store.readStream(streamId);
    expect(await loadAggregateAsOf(store, tally, streamId, { version: 1 })).toMatchObject({ state: items(1), version: 1 });
    expect(await loadAggregateAsOf(store, tally, streamId, { version: 2 })).toEqual({
      state: items(2),
      version: 2,
      position: second!.position,
      occurredAt: second!.occurredAt,
    });
  });

  it('is undefined at version 0, and a version beyond the head throws, naming the head', async () => {
    const { streamId } = await tallyOf(['a', 'b']);
    expect(await loadAggregateAsOf(store, tally, streamId, { version: 0 })).toBeUndefined();
    const beyond = loadAggregateAsOf(store, tally, streamId, { version: 3 });
    await expect(beyond).rejects.toBeInstanceOf(VersionBeyondHeadError);
    await expect(beyond).rejects.toMatchObject({ version: 3, head: 2 });
    await expect(loadAggregateAsOf(store, tally, 'tally-never-written', { version: 1 })).rejects.toMatchObject({ head: 0 });
    await expect(loadAggregateAsOf(store, tally, streamId, { version: -1 })).rejects.toThrow(/non-negative/);
  });
});

describe('an aggregate as of a time', () => {
  /** Three events that occurred at 10:00, 11:00 and 12:00 (set in the table: the clock of a test is too quick to tell). */
  async function atTenElevenTwelve() {
    const { streamId } = await tallyOf(['a', 'b', 'c']);
    for (const [version, hour] of [
      [1, 10],
      [2, 11],
      [3, 12],
    ] as const) {
      await db
        .updateTable('events')
        .set({ occurred_at: new Date(Date.UTC(2026, 0, 1, hour)) })
        .where('stream_id', '=', streamId)
        .where('version', '=', version)
        .execute();
    }
    return streamId;
  }
  const at = (hour: number, minute = 0) => ({ at: new Date(Date.UTC(2026, 0, 1, hour, minute)) });

  it('holds every event that occurred at or before it', async () => {
    const streamId = await atTenElevenTwelve();
    expect(await loadAggregateAsOf(store, tally, streamId, at(11, 30))).toMatchObject({ state: items(2), version: 2 });
    expect(await loadAggregateAsOf(store, tally, streamId, at(11))).toMatchObject({ version: 2, occurredAt: at(11).at });
    expect(await loadAggregateAsOf(store, tally, streamId, at(23))).toMatchObject({ state: items(3), version: 3 });
  });

  it('counts events linked into the stream by the time they occurred', async () => {
    const source = await atTenElevenTwelve();
    const events = await store.readStream(source);
    const linked = `tally-linked-${crypto.randomUUID()}`;
    await store.link(
      linked,
      events.map((event) => event.position),
    );
    expect(await loadAggregateAsOf(store, tally, linked, at(11, 30))).toMatchObject({ state: items(2), version: 2 });
    expect(await loadAggregateAsOf(store, tally, linked, at(9))).toBeUndefined();
  });

  it('is undefined before the first event', async () => {
    const streamId = await atTenElevenTwelve();
    expect(await loadAggregateAsOf(store, tally, streamId, at(9, 59))).toBeUndefined();
    expect(await loadAggregateAsOf(store, tally, 'tally-never-written', at(12))).toBeUndefined();
  });
});

describe('snapshots of the past', () => {
  it('are all kept: the history holds every one taken, the newest stays the one present loads read', async () => {
    const { streamId } = await tallyOf(letters(10));
    const history = await db
      .selectFrom('snapshot_history')
      .select('version')
      .where('stream_id', '=', streamId)
      .orderBy('version')
      .execute();
    expect(history.map((row) => Number(row.version))).toEqual([3, 6, 9]);
    expect(await store.loadSnapshot(streamId)).toMatchObject({ version: 9, state: letters(9) });
  });

  it('a load past a snapshot starts from it, reads only the events after it, and equals a full replay', async () => {
    const { streamId } = await tallyOf(letters(10));
    const readStream = vi.spyOn(store, 'readStream');
    try {
      const loaded = await loadAggregateAsOf(store, tally, streamId, { version: 8 });
      // From the snapshot at 6: the event at 6 again (for its position and time), then 7 and 8.
      expect(readStream.mock.calls.map(([, options]) => options)).toEqual([{ fromVersion: 6, limit: 3 }]);
      const [read] = await Promise.all(readStream.mock.results.map((result) => result.value));
      expect(read.map((event: { version: number }) => event.version)).toEqual([6, 7, 8]);
      const replayed = (await store.readStream(streamId, { limit: 8 })).reduce(
        (state, event) => tally.apply(state, event as unknown as TallyEvent),
        tally.initialState,
      );
      expect(loaded?.state).toEqual(replayed);
      expect(loaded?.state).toEqual(items(8));
    } finally {
      readStream.mockRestore();
    }
  });

  it('a load uses the snapshot it finds: a wrong one on purpose shows in the state', async () => {
    const { streamId } = await tallyOf(letters(7));
    await db
      .updateTable('snapshot_history')
      .set({ state: JSON.stringify(['bogus']) })
      .where('stream_id', '=', streamId)
      .where('version', '=', 3)
      .execute();
    expect((await loadAggregateAsOf(store, tally, streamId, { version: 4 }))?.state).toEqual({ items: new Set(['bogus', 'd']) });
    expect((await loadAggregateAsOf(store, tally, streamId, { version: 2 }))?.state).toEqual(items(2));
    expect((await loadAggregateAsOf(store, tally, streamId, { version: 7 }))?.state).toEqual(items(7));
  });

  it('a past load writes no snapshot, however long the tail it replays', async () => {
    const { streamId } = await tallyOf(letters(5));
    await db.deleteFrom('snapshot_history').where('stream_id', '=', streamId).execute();
    const saveSnapshot = vi.spyOn(store, 'saveSnapshot');
    try {
      expect((await loadAggregateAsOf(store, tally, streamId, { version: 5 }))?.state).toEqual(items(5));
      expect(saveSnapshot).not.toHaveBeenCalled();
      expect(await store.loadSnapshot(streamId)).toMatchObject({ version: 3 });
    } finally {
      saveSnapshot.mockRestore();
    }
  });
});
