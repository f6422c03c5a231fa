import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, type Database } from '../../src/db/database.js';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { WrongExpectedVersionError } from '../../src/es/errors.js';
import { EventFeed } from '../../src/es/event-feed.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EVENTS_CHANNEL, EventStore } from '../../src/es/event-store.js';
import type { RecordedEvent } from '../../src/es/recorded-event.js';
import { writeBatch } from '../../src/es/write-batch.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * The global order under real concurrency: several processes (each an EventStore over its own
 * pool) append at once while readers tail the log by position. Every reader must see every
 * acknowledged event exactly once, at consecutive positions, and never skip one that commits late.
 */

const WRITERS = 16;
const APPENDS_PER_WRITER = 500;
/**
 * Each writer process serves a few requests at once, as a server does: its own queue batches them,
 * while the 16 processes race each other for the head lock. Strictly one append at a time per
 * process proves the same but needs one serial transaction per append (10,000 with the retries),
 * which takes ~26 s on a busy 2-CPU machine.
 */
const LANES_PER_WRITER = 4;
const STREAMS = 50;
const TOTAL = WRITERS * APPENDS_PER_WRITER;

let database: TestDatabase;
const extraDatabases: Database[] = [];

beforeAll(async () => {
  if (!concurrent) return;
  database = await createTestDatabase({ poolSize: 4 });
});
afterAll(async () => {
  await Promise.all(extraDatabases.map((extra) => extra.close()));
  await database?.close();
});

/** Another "process": its own pool, so its appends are never batched with anyone else's. */
function instance(poolSize = 2): { database: Database; store: EventStore } {
  const extra = createPostgresDatabase({ connectionString: database.url!, poolSize });
  extraDatabases.push(extra);
  return { database: extra, store: new EventStore(tables<EventStoreTables>(extra)) };
}

interface Acknowledged {
  eventId: string;
  streamId: string;
  position: number;
  version: number;
}

/** Appends one event to a random stream with the exact version it read, re-reading on a conflict. */
async function runWriter(store: EventStore, writer: number, acknowledged: Acknowledged[]): Promise<number> {
  let conflicts = 0;
  let next = 0;
  const lane = async () => {
    while (next < APPENDS_PER_WRITER) {
      const seq = next++;
      const streamId = `stream-${Math.floor(Math.random() * STREAMS)}`;
      const eventId = crypto.randomUUID();
      let version = await store.streamVersion(streamId);
      for (;;) {
        try {
          const result = await store.append(streamId, [{ id: eventId, type: 'Written', data: { writer, seq } }], version);
          acknowledged.push({ eventId, streamId, position: result.positions[0]!, version: result.version });
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          conflicts += 1;
          version = await store.streamVersion(streamId);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: LANES_PER_WRITER }, lane));
  return conflicts;
}

/** What a tailing reader saw, and every place where the next event was not at the next position. */
class Tail {
  readonly events: RecordedEvent[] = [];
  readonly gaps: string[] = [];
  private last = 0;

  see(event: RecordedEvent): void {
    if (event.position !== this.last + 1) this.gaps.push(`${this.last} -> ${event.position}`);
    this.last = event.position;
    this.events.push(event);
  }

  get position(): number {
    return this.last;
  }
}

function expectComplete(tail: Tail, acknowledged: Acknowledged[]): void {
  expect(tail.gaps).toEqual([]);
  expect(tail.events.map((event) => event.position)).toEqual(Array.from({ length: TOTAL }, (_, index) => index + 1));
  const seen = new Map<string, number>();
  for (const event of tail.events) seen.set(event.eventId, (seen.get(event.eventId) ?? 0) + 1);
  expect(seen.size).toBe(TOTAL);
  expect([...seen.values()].every((count) => count === 1)).toBe(true);
  const byId = new Map(tail.events.map((event) => [event.eventId, event]));
  const mismatched = acknowledged.filter((ack) => {
    const event = byId.get(ack.eventId);
    return !event || event.position !== ack.position || event.streamId !== ack.streamId || event.version !== ack.version;
  });
  expect(mismatched).toEqual([]);
}

describe('concurrent appends from separate processes', () => {
  it.skipIf(!concurrent)(
    `keep one gap-free global order that tailing readers follow exactly ${NEEDS_CONCURRENCY}`,
    async () => {
      const store = new EventStore(tables<EventStoreTables>(database));
      const writerInstances = Array.from({ length: WRITERS }, () => instance(2));
      const writers = writerInstances.map((writer) => writer.store);

      // A reader in a third "process", woken by NOTIFY from the writers' commits.
      const reader = instance(2);
      const feed = new EventFeed(reader.store, reader.database);
      await feed.start();
      // And one in a writer's process, which takes that writer's own commits without reading them.
      const ownFeed = new EventFeed(writerInstances[0]!.store, writerInstances[0]!.database);
      await ownFeed.start();

      const acknowledged: Acknowledged[] = [];
      let finalHead: number | undefined;

      const followAll = (from: EventFeed) => {
        const tail = new Tail();
        const iterator = from.follow({ after: 0 });
        const done = (async () => {
          for await (const event of iterator) {
            tail.see(event);
            if (tail.events.length === TOTAL || (finalHead !== undefined && event.position >= finalHead)) break;
          }
        })();
        return { tail, iterator, done };
      };
      const { tail: followed, iterator: following, done: follow } = followAll(feed);
      const { tail: ownFollowed, iterator: ownFollowing, done: ownFollow } = followAll(ownFeed);

      const polled = new Tail();
      let abandoned = false;
      const poll = (async () => {
        while (!abandoned) {
          const writersDone = finalHead !== undefined;
          const events = await store.readAll({ after: polled.position, limit: 500 });
          for (const event of events) polled.see(event);
          // Every acknowledged event is committed, so an empty read after that is the end of the log.
          if (events.length === 0 && writersDone) return;
          // The poll cadence of a plain polling reader; correctness never depends on it.
          if (events.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();

      const started = Date.now();
      let conflicts: number[];
      try {
        conflicts = await Promise.all(writers.map((writer, index) => runWriter(writer, index, acknowledged)));
      } catch (error) {
        abandoned = true;
        await Promise.all([following.return?.(), ownFollowing.return?.()]);
        await Promise.all([feed.stop(), ownFeed.stop()]);
        throw error;
      }
      const elapsed = Date.now() - started;
      finalHead = await store.head();
      if (followed.position >= finalHead) await following.return?.();
      if (ownFollowed.position >= finalHead) await ownFollowing.return?.();
      await Promise.all([follow, ownFollow, poll]);
      await Promise.all([feed.stop(), ownFeed.stop()]);

      expect(acknowledged).toHaveLength(TOTAL);
      expect(finalHead).toBe(TOTAL);
      expectComplete(polled, acknowledged);
      expectComplete(followed, acknowledged);
      expectComplete(ownFollowed, acknowledged);

      // Per stream, versions run 1..n in log order, and the stream row agrees.
      const versions = new Map<string, number[]>();
      for (const event of polled.events) versions.set(event.streamId, [...(versions.get(event.streamId) ?? []), event.version]);
      for (const [streamId, list] of versions) {
        expect(list, streamId).toEqual(Array.from({ length: list.length }, (_, index) => index + 1));
        expect(await store.streamVersion(streamId)).toBe(list.length);
      }
      expect([...versions.values()].reduce((sum, list) => sum + list.length, 0)).toBe(TOTAL);

      // Writers really did race for the same streams.
      const totalConflicts = conflicts.reduce((sum, count) => sum + count, 0);
      expect(totalConflicts).toBeGreaterThan(0);
      console.info(
        `${TOTAL} appends from ${WRITERS} processes x ${LANES_PER_WRITER} lanes in ${elapsed} ms (${totalConflicts} version conflicts retried)`,
      );
    },
    60_000,
  );

  it.skipIf(!concurrent)(`never lets a reader pass an append that commits late ${NEEDS_CONCURRENCY}`, async () => {
    const store = new EventStore(tables<EventStoreTables>(database));
    const start = await store.head();
    const late = instance(1);
    const other = instance(1).store;
    const feed = new EventFeed(store, database, { pollIntervalMs: 10 });
    await feed.start();
    const followed = new Tail();
    const following = feed.follow({ after: start });
    const follow = (async () => {
      for await (const event of following) {
        followed.events.push(event);
        if (followed.events.length === 2) break;
      }
    })();

    // A writer that has taken its position and written its event, then stalls before COMMIT.
    let releaseLate!: () => void;
    const released = new Promise<void>((resolve) => (releaseLate = resolve));
    let written!: () => void;
    const lateWritten = new Promise<void>((resolve) => (written = resolve));
    const lateEventId = crypto.randomUUID();
    const lateAppend = tables<EventStoreTables>(late.database)
      .transaction()
      .execute(async (trx) => {
        const { outcomes } = await writeBatch(
          trx,
          [
            {
              kind: 'append',
              streamId: 'late',
              expected: 'any',
              events: [
                {
                  id: lateEventId,
                  type: 'Late',
                  data: '{}',
                  metadata: '{}',
                  correlationId: lateEventId,
                  causationId: null,
                  actor: null,
                  occurredAt: new Date(),
                  schemaVersion: 1,
                },
              ],
            },
          ],
          EVENTS_CHANNEL,
        );
        written();
        await released;
        return outcomes;
      });
    await lateWritten;

    // Another process appends meanwhile. With a head row it must queue behind the late one;
    // with a bigserial it would commit at once, one position further on.
    const otherAppend = other.append('other', [{ type: 'Prompt', data: {} }]);
    const otherSettled = otherAppend.then(
      () => 'committed' as const,
      () => 'failed' as const,
    );
    const blocked = await Promise.race([otherSettled, waitUntilBlockedOnLock(database)]);
    expect(blocked).toBe('blocked');

    // Nothing past the late event is visible to a reader, so a reader cannot move past it.
    expect(await store.readAll({ after: start })).toEqual([]);
    expect(followed.events).toEqual([]);

    releaseLate();
    const [lateOutcome] = await lateAppend;
    const other_ = await otherAppend;
    expect(lateOutcome).toMatchObject({ ok: true, result: { positions: [start + 1] } });
    expect(other_.positions).toEqual([start + 2]);

    await follow;
    await feed.stop();
    expect(followed.events.map((event) => [event.position, event.type])).toEqual([
      [start + 1, 'Late'],
      [start + 2, 'Prompt'],
    ]);
    expect((await store.readAll({ after: start })).map((event) => event.eventId)).toEqual([lateEventId, followed.events[1]!.eventId]);
  });
});

describe('batched appends', () => {
  it('store data, metadata and ids exactly, whatever characters they hold', async () => {
    const database = await createTestDatabase();
    try {
      const store = new EventStore(tables<EventStoreTables>(database));
      const awkward = `$chronicle$ $chronicle1$ $$ ' '' " \\ \\' \n\t é 漢字 😀 ] } { [ ; commit; --`;
      const streams = [`quote'd "stream" ${awkward}`, `${awkward}$`, '$chronicle$'];
      // biome-ignore lint/correctness/noPrecisionLoss: a number beyond 2^53 is what this round trip is about
      const data = { text: awkward, nested: { list: [awkward, 1.5, -0, 1e21, null, true] }, big: 12345678901234567890 };
      // Appended at once, so they go as one batch.
      const results = await Promise.all(
        streams.map((streamId, index) =>
          store.append(streamId, [{ type: `Type ${awkward}`, data: { ...data, index }, metadata: { note: awkward } }], 'no_stream', {
            correlationId: awkward,
            actor: `${awkward}-${index}`,
          }),
        ),
      );
      for (const [index, streamId] of streams.entries()) {
        const [event] = await store.readStream(streamId);
        expect(event).toMatchObject({
          streamId,
          version: 1,
          position: results[index]!.positions[0],
          type: `Type ${awkward}`,
          data: JSON.parse(JSON.stringify({ ...data, index })),
          metadata: { note: awkward, correlationId: awkward, actor: `${awkward}-${index}` },
        });
      }
    } finally {
      await database.close();
    }
  });
});

/** Resolves once some session of this database waits for a lock (the head row). Bounded: throws after ~10 s. */
async function waitUntilBlockedOnLock(database: TestDatabase): Promise<'blocked'> {
  const name = new URL(database.url!).pathname.slice(1);
  for (let attempt = 0; attempt < 1_000; attempt += 1) {
    const rows = await database.db
      .selectFrom('pg_stat_activity')
      .select('pid')
      .where('datname', '=', name)
      .where('wait_event_type', '=', 'Lock')
      .execute();
    if (rows.length > 0) return 'blocked';
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('No session ever waited on the head lock');
}
