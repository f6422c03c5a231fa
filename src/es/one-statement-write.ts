import { type Kysely, sql } from 'kysely';
import { preparedAs } from './prepared-statement.js';
import type { EventStoreTables } from './event-store-tables.js';
import type { AppendResult } from './append-result.js';
import { type EventRow, eventRecordJson } from './event-serialiser.js';
import type { WriteRequest } from './write-request.js';

type AppendRequest = Extract<WriteRequest, { kind: 'append' }>;

/**
 * Appends whose outcome the database can decide by itself: each to its own stream, expecting an
 * exact version, no stream, or anything. (Links and `stream_exists` take the locked path.)
 */
export function writableInOneStatement(requests: readonly WriteRequest[]): requests is AppendRequest[] {
  const streams = new Set<string>();
  for (const request of requests) {
    if (request.kind !== 'append' || request.expected === 'stream_exists' || streams.has(request.streamId)) return false;
    streams.add(request.streamId);
  }
  return true;
}

export interface OneStatementResult {
  /** The head after the statement. */
  head: number;
  /**
   * The rows written, in log order, exactly as a read of the log returns them (the database's
   * own rendering of their data), so this process's feed can take them without reading them back.
   */
  events: EventRow[];
  /** Per request: its result, or `stale` when its stream was not as it expected and nothing of it was written. */
  outcomes: Array<AppendResult | 'stale'>;
}

/**
 * Writes a batch of appends in one autocommit statement, so the head lock is held only while that
 * statement runs and commits, never across a round trip to the client.
 *
 * The statement first locks the head row, which waits for the previous writer to commit and then
 * reads the row's newest version: positions start right after the last committed one. Every check
 * is made against the newest rows too: a stream's version is advanced only if it is still the one
 * its request expected (an UPDATE re-checks its condition on the newest row version), a new stream
 * is created only if no one else created it, and the unique keys refuse an event id stored already
 * (the statement then fails, and the caller takes the locked path). A request whose stream was not
 * as expected writes nothing and comes back `stale`; the others take consecutive positions in the
 * order of the batch, and the head moves by exactly the number of events written.
 */
export async function writeInOneStatement(
  db: Kysely<EventStoreTables>,
  requests: readonly AppendRequest[],
  notifyChannel: string,
  /** Tags the notification, so the writing process's own feed can tell it took these events already. */
  writerId = '',
): Promise<OneStatementResult> {
  const streams = requests.map((request) => ({ stream_id: request.streamId, count: request.events.length, ...expectation(request) }));
  const events: string[] = [];
  for (const request of requests) {
    for (const [index, event] of request.events.entries()) {
      events.push(eventRecordJson(event, request.streamId, placeInBatch(events.length + 1, index + 1)));
    }
  }

  const { rows } = await sql<{
    start: number;
    written: number;
    versions: Array<{ stream_id: string; version: number }> | null;
    events: Array<Omit<EventRow, 'occurred_at'> & { occurred_at: string }> | null;
  }>`${sql.raw(preparedAs('chronicle_append'))}
    with head as materialized (
      select position as start from event_store_head where id = 1 for update
    ),
    requested as (
      select * from json_to_recordset(${JSON.stringify(streams)}::json) as r(stream_id text, count bigint, mode text, previous bigint)
    ),
    created as (
      insert into streams (stream_id, version)
      select r.stream_id, r.count from requested r, head where r.mode = 'new'
      on conflict (stream_id) do nothing
      returning stream_id, version
    ),
    advanced as (
      update streams s set version = r.previous + r.count
      from requested r, head
      where r.mode = 'exact' and s.stream_id = r.stream_id and s.version = r.previous
      returning s.stream_id, s.version
    ),
    upserted as (
      insert into streams (stream_id, version)
      select r.stream_id, r.count from requested r, head where r.mode = 'any'
      on conflict (stream_id) do update set version = streams.version + excluded.version
      returning stream_id, version
    ),
    versions as (
      select stream_id, version from created
      union all select stream_id, version from advanced
      union all select stream_id, version from upserted
    ),
    accepted as (
      select e.*, v.version - q.count + e.stream_order as version, row_number() over (order by e.batch_order) as place
      from json_to_recordset(${`[${events.join(',')}]`}::json) as e(batch_order bigint, stream_order bigint, event_id uuid,
          stream_id text, type text, schema_version integer, data jsonb, metadata jsonb, correlation_id text, causation_id text, actor text,
          occurred_at timestamptz)
        join versions v on v.stream_id = e.stream_id
        join requested q on q.stream_id = e.stream_id
    ),
    written as (
      insert into events (position, event_id, stream_id, version, type, schema_version, data, metadata, correlation_id, causation_id, actor, occurred_at)
      select head.start + a.place, a.event_id, a.stream_id, a.version, a.type, a.schema_version, a.data, a.metadata,
        a.correlation_id, a.causation_id, a.actor, a.occurred_at
      from accepted a, head
      returning position, event_id, stream_id, version, type, schema_version, data, metadata, correlation_id, causation_id, actor, occurred_at
    ),
    moved as (
      update event_store_head set position = head.start + (select count(*) from written) from head where id = 1
      returning position
    )
    select head.start, (select count(*) from written) as written,
      (select json_agg(w order by w.position) from written w) as events,
      (select json_agg(json_build_object('stream_id', stream_id, 'version', version)) from versions) as versions,
      (select pg_notify(${notifyChannel}, position::text || ' ' || ${writerId}::text) from moved where position > head.start) as notified
    from head
  `.execute(db);

  const { start, written, versions, events: stored } = rows[0]!;
  const versionOf = new Map((versions ?? []).map((row) => [row.stream_id, Number(row.version)]));
  let position = start;
  const outcomes = requests.map((request): AppendResult | 'stale' => {
    const version = versionOf.get(request.streamId);
    if (version === undefined) return 'stale';
    return { streamId: request.streamId, version, positions: request.events.map(() => (position += 1)) };
  });
  const recorded = (stored ?? []).map((row) => ({ ...row, occurred_at: new Date(row.occurred_at) }));
  return { head: start + Number(written), events: recorded, outcomes };
}

function expectation({ expected }: AppendRequest): { mode: 'new' | 'exact' | 'any'; previous: number | null } {
  if (expected === 'any') return { mode: 'any', previous: null };
  if (expected === 'no_stream' || expected === 0) return { mode: 'new', previous: 0 };
  return { mode: 'exact', previous: expected as number };
}

/**
 * An event's place in the statement: `batch_order` in the batch, from 1 (positions follow it);
 * `stream_order` in its append, from 1 (its version is its stream's version before the append plus this).
 */
function placeInBatch(batchOrder: number, streamOrder: number) {
  return { batch_order: batchOrder, stream_order: streamOrder };
}
