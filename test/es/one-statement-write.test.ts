import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/db/database.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EVENTS_CHANNEL, EventStore } from '../../src/es/event-store.js';
import { writableInOneStatement, writeInOneStatement } from '../../src/es/one-statement-write.js';
import { type PreparedEvent, toRecordedEvent } from '../../src/es/event-serialiser.js';
import type { WriteRequest } from '../../src/es/write-request.js';
import { sql } from 'kysely';
import { createPostgresDatabase } from '../../src/db/postgres-database.js';
import { createTestDatabase, dialect, type TestDatabase } from '../support/test-database.js';

/**
 * The append path most batches take. Called directly here, since the queue would quietly take the
 * locked path if this statement failed: these tests fail instead.
 */

let database: TestDatabase;
let store: EventStore;
const db = () => tables<EventStoreTables>(database);

beforeAll(async () => {
  database = await createTestDatabase();
  store = new EventStore(db());
});
afterAll(() => database.close());

const prepared = (type: string): PreparedEvent => {
  const id = crypto.randomUUID();
  // Keys out of the order jsonb keeps them in, nested, numbers and text it renders its own way.
  const data = { zeta: 1.5, type, nested: { long_key: 'x', b: [1, 2.5, { y: null, a: true }] }, text: 'é☃\u2028"\\' };
  return {
    id,
    type,
    data: JSON.stringify(data),
    metadata: JSON.stringify({ zz: '1', a: { k: 'v' } }),
    correlationId: id,
    causationId: crypto.randomUUID(),
    actor: 'someone',
    occurredAt: new Date(),
    schemaVersion: 1,
  };
};
const stream = (name: string) => `${name}-${crypto.randomUUID()}`;
type Append = Extract<WriteRequest, { kind: 'append' }>;
const append = (streamId: string, expected: Append['expected'], ...types: string[]): Append => ({
  kind: 'append',
  streamId,
  expected,
  events: types.map(prepared),
});

describe('writeInOneStatement', () => {
  it('writes new, exact and any-version appends at consecutive positions in batch order', async () => {
    const existing = stream('exact');
    const anyExisting = stream('any');
    await store.append(
      existing,
      [
        { type: 'A', data: {} },
        { type: 'B', data: {} },
      ],
      'no_stream',
    );
    await store.append(anyExisting, [{ type: 'A', data: {} }], 'no_stream');
    const head = await store.head();
    const fresh = stream('new');
    const anyNew = stream('any-new');

    const written = await writeInOneStatement(
      db(),
      [append(fresh, 'no_stream', 'N1', 'N2'), append(existing, 2, 'E3'), append(anyExisting, 'any', 'Y2'), append(anyNew, 'any', 'Z1')],
      EVENTS_CHANNEL,
    );

    const { events: rows, ...rest } = written;
    const events = rows.map((row) => toRecordedEvent(row, store.upcasters));
    expect(rest).toEqual({
      head: head + 5,
      outcomes: [
        { streamId: fresh, version: 2, positions: [head + 1, head + 2] },
        { streamId: existing, version: 3, positions: [head + 3] },
        { streamId: anyExisting, version: 2, positions: [head + 4] },
        { streamId: anyNew, version: 1, positions: [head + 5] },
      ],
    });
    expect(await store.head()).toBe(head + 5);
    const log = await store.readAll({ after: head });
    // The events it returns are the events as read, to the order of their data's keys.
    expect(JSON.stringify(events)).toBe(JSON.stringify(log));
    expect(events).toEqual(log);
    expect(log.map((event) => [event.position, event.streamId, event.version, event.type])).toEqual([
      [head + 1, fresh, 1, 'N1'],
      [head + 2, fresh, 2, 'N2'],
      [head + 3, existing, 3, 'E3'],
      [head + 4, anyExisting, 2, 'Y2'],
      [head + 5, anyNew, 1, 'Z1'],
    ]);
    for (const [streamId, version] of [
      [fresh, 2],
      [existing, 3],
      [anyExisting, 2],
      [anyNew, 1],
    ] as const) {
      expect(await store.streamVersion(streamId)).toBe(version);
    }
  });

  it('leaves out appends whose stream is not as expected, without a hole in the positions', async () => {
    const taken = stream('taken');
    const moved = stream('moved');
    await store.append(taken, [{ type: 'A', data: {} }], 'no_stream');
    await store.append(
      moved,
      [
        { type: 'A', data: {} },
        { type: 'B', data: {} },
      ],
      'no_stream',
    );
    const head = await store.head();
    const fine = stream('fine');

    const written = await writeInOneStatement(
      db(),
      [append(taken, 'no_stream', 'X'), append(fine, 0, 'F1'), append(moved, 1, 'Y'), append(stream('missing'), 4, 'Z')],
      EVENTS_CHANNEL,
    );

    const { events: rows, ...rest } = written;
    const events = rows.map((row) => toRecordedEvent(row, store.upcasters));
    expect(rest).toEqual({ head: head + 1, outcomes: ['stale', { streamId: fine, version: 1, positions: [head + 1] }, 'stale', 'stale'] });
    expect(await store.head()).toBe(head + 1);
    const log = await store.readAll({ after: head });
    expect(log.map((event) => event.type)).toEqual(['F1']);
    expect(events).toEqual(log);
    expect(await store.streamVersion(taken)).toBe(1);
    expect(await store.streamVersion(moved)).toBe(2);
  });

  it('writes nothing when every append is stale', async () => {
    const taken = stream('taken');
    await store.append(taken, [{ type: 'A', data: {} }], 'no_stream');
    const head = await store.head();
    expect(await writeInOneStatement(db(), [append(taken, 'no_stream', 'X')], EVENTS_CHANNEL)).toEqual({
      head,
      events: [],
      outcomes: ['stale'],
    });
    expect(await store.head()).toBe(head);
  });

  it('fails as a whole, writing nothing, when an event id is stored already', async () => {
    const first = append(stream('once'), 'no_stream', 'A');
    await writeInOneStatement(db(), [first], EVENTS_CHANNEL);
    const head = await store.head();
    const other = stream('other');
    const again = writeInOneStatement(db(), [append(other, 'no_stream', 'B'), { ...first, streamId: stream('elsewhere') }], EVENTS_CHANNEL);
    await expect(again).rejects.toThrow(/duplicate key/);
    expect(await store.head()).toBe(head);
    expect(await store.streamVersion(other)).toBe(0);
  });

  it('is only offered appends to distinct streams with an expectation the database can check', () => {
    const link: WriteRequest = { kind: 'link', streamId: 'category', expected: 'any', positions: [1] };
    expect(writableInOneStatement([append('a', 'no_stream', 'A'), append('b', 3, 'B'), append('c', 'any', 'C')])).toBe(true);
    expect(writableInOneStatement([append('a', 'stream_exists', 'A')])).toBe(false);
    expect(writableInOneStatement([append('a', 0, 'A'), append('a', 1, 'B')])).toBe(false);
    expect(writableInOneStatement([append('a', 0, 'A'), link])).toBe(false);
  });

  it.skipIf(dialect !== 'postgres')('is prepared once per PostgreSQL connection and then runs on a cached plan', async () => {
    const single = createPostgresDatabase({ connectionString: database.url!, poolSize: 1 });
    try {
      const appends = new EventStore(tables<EventStoreTables>(single));
      for (let n = 0; n < 8; n += 1) await appends.append(stream('prepared'), [{ type: 'A', data: {} }], 'no_stream');
      const { rows } = await sql<{ name: string; runs: number }>`
        select name, generic_plans + custom_plans as runs from pg_prepared_statements`.execute(single.db);
      expect(rows).toEqual([{ name: 'chronicle_append', runs: 8 }]);
    } finally {
      await single.close();
    }
  });
});
