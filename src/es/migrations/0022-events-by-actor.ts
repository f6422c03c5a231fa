import { type Kysely, sql } from 'kysely';

/**
 * `events_actor_idx`: the events each actor appended, by position, so the position of an actor's
 * last write is one short index scan (`max(position) where actor = $1`). A query with replicas
 * reads at least that far by default: read-your-own-writes without a token (docs/consistency.md).
 * Events without an actor are left out. On a large log, building it holds appends for the time
 * it takes; `create index concurrently` by hand beforehand (same name) makes this a no-op.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists events_actor_idx on events (actor, position) where actor is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists events_actor_idx`.execute(db);
}
