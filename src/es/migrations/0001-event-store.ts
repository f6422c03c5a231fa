import { type Kysely, sql } from 'kysely';

/**
 * The event store. `event_store_head` is a single row holding the last global position:
 * every append locks it, so positions are gap-free and assigned in commit order (docs/event-store.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event_store_head')
    .addColumn('id', 'smallint', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('position', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('event_store_head').values({ id: 1, position: 0 }).execute();

  await db.schema
    .createTable('streams')
    .addColumn('stream_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('position', 'bigint', (c) => c.primaryKey())
    .addColumn('event_id', 'uuid', (c) => c.notNull().unique())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('metadata', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('correlation_id', 'text')
    .addColumn('causation_id', 'text')
    .addColumn('actor', 'text')
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('events_stream_version_key', ['stream_id', 'version'])
    .execute();
  await db.schema.createIndex('events_correlation_idx').on('events').columns(['correlation_id', 'position']).execute();
  await db.schema.createIndex('events_type_idx').on('events').columns(['type', 'position']).execute();

  await db.schema
    .createTable('stream_links')
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull().references('events.position'))
    .addPrimaryKeyConstraint('stream_links_pkey', ['stream_id', 'version'])
    .addUniqueConstraint('stream_links_stream_position_key', ['stream_id', 'position'])
    .execute();

  await db.schema
    .createTable('snapshots')
    .addColumn('stream_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('schema_version', 'integer', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('checkpoints')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('dead_letters')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('handler', 'text', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retried_at', 'timestamptz')
    .addUniqueConstraint('dead_letters_handler_position_key', ['handler', 'position'])
    .execute();

  await db.schema
    .createTable('process_instances')
    .addColumn('manager', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('process_instances_pkey', ['manager', 'instance_id'])
    .execute();

  await db.schema
    .createTable('unique_claims')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('unique_claims_pkey', ['scope', 'value'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'unique_claims',
    'process_instances',
    'dead_letters',
    'checkpoints',
    'snapshots',
    'stream_links',
    'events',
    'streams',
    'event_store_head',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
