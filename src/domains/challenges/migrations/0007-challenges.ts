import type { Kysely } from 'kysely';

/**
 * Read tables of the challenges slice (challenges, competitors, athletes, activities, leaderboards)
 * and the lost-place notifications outbox. Until the slices brought their own migrations this one also
 * created the engine's `scheduled_commands`, which is now `0007-scheduled-commands` of the engine.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('challenges')
    .addColumn('challenge_id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('start_date', 'timestamptz', (c) => c.notNull())
    .addColumn('end_date', 'timestamptz', (c) => c.notNull())
    .addColumn('goal_metres', 'bigint', (c) => c.notNull())
    .addColumn('activity_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('competitor_count', 'integer', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('challenges_status_idx').on('challenges').columns(['status', 'start_date']).execute();

  await db.schema
    .createTable('challenge_competitors')
    .addColumn('challenge_id', 'text', (c) => c.notNull())
    .addColumn('athlete_id', 'text', (c) => c.notNull())
    .addColumn('athlete_name', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('joined_position', 'bigint', (c) => c.notNull())
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('challenge_competitors_pk', ['challenge_id', 'athlete_id'])
    .execute();
  await db.schema.createIndex('challenge_competitors_athlete_idx').on('challenge_competitors').column('athlete_id').execute();

  await db.schema
    .createTable('challenge_athletes')
    .addColumn('athlete_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('challenge_activities')
    .addColumn('challenge_id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('athlete_id', 'text', (c) => c.notNull())
    .addColumn('activity_type', 'text', (c) => c.notNull())
    .addColumn('start_date_local', 'timestamptz', (c) => c.notNull())
    .addColumn('distance_metres', 'bigint', (c) => c.notNull())
    .addColumn('moving_time_seconds', 'bigint', (c) => c.notNull())
    .addColumn('elevation_metres', 'bigint', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('challenge_activities_pk', ['challenge_id', 'activity_id'])
    .execute();
  await db.schema.createIndex('challenge_activities_feed_idx').on('challenge_activities').columns(['challenge_id', 'position']).execute();

  await db.schema
    .createTable('challenge_leaderboard_entries')
    .addColumn('challenge_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('athlete_id', 'text', (c) => c.notNull())
    .addColumn('athlete_name', 'text', (c) => c.notNull())
    .addColumn('distance_metres', 'bigint', (c) => c.notNull())
    .addColumn('moving_time_seconds', 'bigint', (c) => c.notNull())
    .addColumn('elevation_metres', 'bigint', (c) => c.notNull())
    .addColumn('activity_count', 'integer', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('challenge_leaderboard_entries_pk', ['challenge_id', 'category', 'rank'])
    .execute();

  await db.schema
    .createTable('challenge_notifications')
    .addColumn('notification_id', 'text', (c) => c.primaryKey())
    .addColumn('athlete_id', 'text', (c) => c.notNull())
    .addColumn('challenge_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('places_lost', 'integer', (c) => c.notNull())
    .addColumn('position', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('challenge_notifications_athlete_idx')
    .on('challenge_notifications')
    .columns(['athlete_id', 'position', 'category'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'challenge_notifications',
    'challenge_leaderboard_entries',
    'challenge_activities',
    'challenge_athletes',
    'challenge_competitors',
    'challenges',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
