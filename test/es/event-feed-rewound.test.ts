import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tables } from '../../src/db/database.js';
import { EventFeed } from '../../src/es/event-feed.js';
import type { EventStoreTables } from '../../src/es/event-store-tables.js';
import { EventStore } from '../../src/es/event-store.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// Database tier, both dialects: the loss an asynchronous failover causes, made by hand in a database of its own.
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('EventFeed on a log that lost events it had seen', () => {
  it('stops and says so when its own append takes positions it had already seen, instead of skipping every new event', async () => {
    const db = tables<EventStoreTables>(database);
    const store = new EventStore(db);
    const onRewound = vi.fn();
    const feed = new EventFeed(store, database, { onRewound });
    await feed.start();
    try {
      const before = await store.head();
      await store.append(
        'rewound-a',
        [1, 2, 3].map((n) => ({ type: 'Counted', data: { n } })),
        0,
      );
      await feed.waitFor(before + 3);

      // A promoted standby that never received the last two events: the log ends two positions earlier.
      await sql`delete from events where position > ${before + 1}`.execute(db);
      await sql`update event_store_head set position = ${before + 1} where id = 1`.execute(db);
      await sql`update streams set version = 1 where stream_id = 'rewound-a'`.execute(db);

      await store.append('rewound-b', [{ type: 'Counted', data: { n: 4 } }], 0);
      expect(onRewound).toHaveBeenCalledExactlyOnceWith({ seen: before + 3, head: before + 2 });
    } finally {
      await feed.stop();
    }
  });
});
