import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tables, type Database } from '../../src/db/database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { EventFeed, type FeedOptions } from '../../src/es/event-feed.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EventStore } from '../../src/es/event-store.js';
import type { RecordedEvent } from '../../src/es/recorded-event.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let store: EventStore;
const feeds: EventFeed[] = [];
const extraDatabases: Database[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  store = new EventStore(tables<EventStoreTables>(database));
});
afterEach(async () => {
  await Promise.all(feeds.splice(0).map((feed) => feed.stop()));
});
afterAll(async () => {
  await Promise.all(extraDatabases.map((extra) => extra.close()));
  await database.close();
});

/** A started feed, stopped after the test. */
async function startFeed(feedStore: EventStore, listener: Pick<Database, 'listen'>, options: FeedOptions = {}): Promise<EventFeed> {
  const feed = new EventFeed(feedStore, listener, options);
  await feed.start();
  feeds.push(feed);
  return feed;
}

const uniqueStream = (name: string) => `${name}-${crypto.randomUUID()}`;

/** `count` appends of `size` events each to `streamId`, `parallel` at a time; the event ids in log order. */
async function appendEvents(
  streamId: string,
  {
    count,
    size = 1,
    parallel = 1,
    type = 'Happened',
    via = store,
  }: { count: number; size?: number; parallel?: number; type?: string; via?: EventStore },
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const n = next++;
      await via.append(
        streamId,
        Array.from({ length: size }, (_, i) => ({ type, data: { n, i } })),
      );
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
}

async function take(iterator: AsyncIterator<RecordedEvent>, count: number, into: RecordedEvent[] = []): Promise<RecordedEvent[]> {
  for (let i = 0; i < count; i += 1) {
    const result = await iterator.next();
    if (result.done) throw new Error(`The feed ended after ${into.length} events`);
    into.push(result.value);
  }
  return into;
}

/** The log after `after`, straight from the store: what a follower must have delivered. */
async function logAfter(after: number, streamId?: string): Promise<RecordedEvent[]> {
  return store.readAll({ after, limit: 100_000, ...(streamId ? { streamId } : {}) });
}

const positions = (events: RecordedEvent[]) => events.map((event) => event.position);
const consecutive = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

describe('EventFeed.follow', () => {
  it('replays what was missed from `after`, then continues live with no gap or duplicate at the seam', async () => {
    const streamId = uniqueStream('seam');
    const start = await store.head();
    await appendEvents(streamId, { count: 10, size: 3 });
    // A small memory and batch size: the replay comes from the store, the live part from memory.
    const feed = await startFeed(store, database, { capacity: 8, batchSize: 5, pollIntervalMs: 50 });
    const following = feed.follow({ after: start });

    // Half-way through the replay, more events commit.
    const received = await take(following, 15);
    const appending = appendEvents(streamId, { count: 5, size: 3, parallel: 5 });
    await take(following, 30, received);
    await appending;

    // At the live edge, a waiting follower gets the next commits.
    const waiting = following.next();
    const live = appendEvents(streamId, { count: 15, parallel: 3 });
    const first = await waiting;
    received.push(first.value as RecordedEvent);
    await take(following, 14, received);
    await live;
    await following.return?.();

    expect(positions(received)).toEqual(consecutive(start + 1, 60));
    expect(received.map((event) => event.eventId)).toEqual((await logAfter(start)).map((event) => event.eventId));
    expect(received.map((event) => event.version)).toEqual(consecutive(1, 60));
  });

  it('follows one stream, or some types, or a filter, skipping the rest of the log', async () => {
    const watched = uniqueStream('watched');
    const other = uniqueStream('other');
    const start = await store.head();
    await Promise.all([
      appendEvents(watched, { count: 6, size: 2, type: 'Watched' }),
      appendEvents(other, { count: 6, size: 2, type: 'Other' }),
    ]);
    const feed = await startFeed(store, database, { capacity: 4, batchSize: 3 });
    const byStream = feed.follow({ after: start, streamId: watched });
    const byType = feed.follow({ after: start, types: ['Other'] });
    const byFilter = feed.follow({ after: start, filter: (event) => event.streamId === other && event.version % 2 === 0 });

    const replayed = await take(byStream, 12);
    const live = Promise.all([appendEvents(other, { count: 3, type: 'Other' }), appendEvents(watched, { count: 3, type: 'Watched' })]);
    await take(byStream, 3, replayed);
    await live;
    const others = await take(byType, 15);
    const evens = await take(byFilter, 7);
    await Promise.all([byStream.return?.(), byType.return?.(), byFilter.return?.()]);

    expect(replayed.map((event) => [event.streamId, event.version])).toEqual(consecutive(1, 15).map((v) => [watched, v]));
    expect(positions(replayed)).toEqual(positions(await logAfter(start, watched)));
    expect(others.map((event) => [event.streamId, event.version])).toEqual(consecutive(1, 15).map((v) => [other, v]));
    expect(evens.map((event) => event.version)).toEqual([2, 4, 6, 8, 10, 12, 14]);
  });

  it('wakes a caught-up stream follower for its stream, however many other events come first or with it', async () => {
    const watched = uniqueStream('parked');
    const other = uniqueStream('busy');
    const feed = await startFeed(store, database, { capacity: 4, batchSize: 3, pollIntervalMs: 50 });
    const following = feed.follow({ streamId: watched });
    const first = following.next();

    // More events of another stream than a batch holds and memory keeps, then one of the watched stream...
    await appendEvents(other, { count: 10 });
    await appendEvents(watched, { count: 1, type: 'Watched' });
    // ...then both at once, the watched one in the middle of a batch.
    const together = Promise.all([appendEvents(other, { count: 4, parallel: 4 }), appendEvents(watched, { count: 1, type: 'Watched' })]);
    const received = [(await first).value as RecordedEvent];
    await take(following, 1, received);
    await together;

    // Parked again, it still ends at once.
    const waiting = following.next();
    await following.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(received.map((event) => [event.streamId, event.version])).toEqual([
      [watched, 1],
      [watched, 2],
    ]);
  });

  it('ends at once on return(), even while waiting for the next event', async () => {
    // No poll would come for an hour, and nothing is appended: only return() can end the wait.
    const feed = await startFeed(store, database, { pollIntervalMs: 3_600_000 });
    const following = feed.follow();
    const waiting = following.next();
    const started = performance.now();
    await following.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await following.next()).toEqual({ done: true, value: undefined });

    // A for-await loop that breaks also ends its follower, and a later append does not revive it.
    const streamId = uniqueStream('break');
    const start = await store.head();
    await appendEvents(streamId, { count: 3 });
    const seen: number[] = [];
    const loop = feed.follow({ after: start });
    for await (const event of loop) {
      seen.push(event.position);
      if (seen.length === 2) break;
    }
    await appendEvents(streamId, { count: 1 });
    expect(seen).toEqual(consecutive(start + 1, 2));
    expect(await loop.next()).toEqual({ done: true, value: undefined });
  });

  it('still delivers through polling when its LISTEN never fires', async () => {
    // A listener that was down: it subscribes to nothing. The feed's store is not the writing one,
    // so no in-process poke either; only the poll can find the new events.
    const deaf: Pick<Database, 'listen'> = { listen: async () => async () => {} };
    const feed = await startFeed(new EventStore(tables<EventStoreTables>(database)), deaf, { pollIntervalMs: 20 });
    const following = feed.follow();
    const streamId = uniqueStream('polled');
    const waiting = take(following, 5);
    await appendEvents(streamId, { count: 5 });
    const received = await waiting;
    await following.return?.();
    expect(received.map((event) => event.eventId)).toEqual((await store.readStream(streamId)).map((event) => event.eventId));
  });

  it('is woken by NOTIFY when another EventStore appends', async () => {
    // The feed's store never appends and it would not poll for an hour: only the notification wakes it.
    const feed = await startFeed(new EventStore(tables<EventStoreTables>(database)), database, { pollIntervalMs: 3_600_000 });
    const following = feed.follow();
    const streamId = uniqueStream('notified');
    const waiting = take(following, 4);
    const result = await store.append(
      streamId,
      [1, 2, 3, 4].map((n) => ({ type: 'Notified', data: { n } })),
    );
    await feed.waitFor(result.positions.at(-1)!);
    expect(positions(await waiting)).toEqual(result.positions);
    await following.return?.();
  });

  it('takes what its own store appends as read, without reading it back, exactly as a read returns it', async () => {
    // Never polled, and the writer's own NOTIFY finds the feed there already: only its commits move it.
    const feed = await startFeed(store, database, { pollIntervalMs: 3_600_000 });
    const before = feed.position;
    const following = feed.follow();
    const streamId = uniqueStream('own');
    const waiting = take(following, 6);
    const reads = vi.spyOn(store, 'readAll');
    try {
      // One append at a time: appends to one stream in one batch take the locked path, which does not return its events.
      await appendEvents(streamId, { count: 3, size: 2 });
      const received = await waiting;
      expect(reads).not.toHaveBeenCalled();
      reads.mockRestore();
      const log = await logAfter(before);
      expect(positions(received)).toEqual(positions(log));
      // The same objects a read makes, to the order of the keys of their data.
      expect(JSON.stringify(received)).toBe(JSON.stringify(log));
    } finally {
      reads.mockRestore();
      await following.return?.();
    }
  });

  it.skipIf(!concurrent)(`delivers to a second instance, over its own pool, what the first appends ${NEEDS_CONCURRENCY}`, async () => {
    const second = createPostgresDatabase({ connectionString: database.url!, poolSize: 2 });
    extraDatabases.push(second);
    const feed = await startFeed(new EventStore(tables<EventStoreTables>(second)), second, { pollIntervalMs: 3_600_000 });
    const following = feed.follow();
    const streamId = uniqueStream('second-instance');
    const waiting = take(following, 6);
    await appendEvents(streamId, { count: 3, size: 2, parallel: 3 });
    const received = await waiting;
    await following.return?.();
    expect(received.map((event) => event.eventId)).toEqual((await store.readStream(streamId)).map((event) => event.eventId));
    expect(positions(received)).toEqual(consecutive(received[0]!.position, 6));
  });

  it('lets a slow follower fall far behind without buffering for it, then catches it up in order', async () => {
    const streamId = uniqueStream('slow');
    const start = await store.head();
    const feed = await startFeed(store, database, { capacity: 200, batchSize: 100 });
    let pulled = 0;
    const following = feed.follow({
      after: start,
      filter: () => {
        pulled += 1;
        return true;
      },
    });

    // The follower takes one event, then does not pull again until all 5,000 are committed:
    // the writers never wait for it, and the feed hands it nothing it did not ask for.
    const appending = appendEvents(streamId, { count: 500, size: 10, parallel: 10 });
    const received = await take(following, 1);
    await appending;
    let furthestAhead = pulled - received.length;
    while (received.length < 5_000) {
      await take(following, 1, received);
      furthestAhead = Math.max(furthestAhead, pulled - received.length);
      if (received.length % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await following.return?.();

    expect(furthestAhead).toBeLessThanOrEqual(1);
    expect(positions(received)).toEqual(consecutive(start + 1, 5_000));
    expect(received.map((event) => event.eventId)).toEqual((await logAfter(start)).map((event) => event.eventId));
  });
});
