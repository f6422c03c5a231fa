import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { AppendResult } from './append-result.js';
import { DuplicateEventError, InvalidAppendError, WrongExpectedVersionError } from './errors.js';
import { eventRecordJson, type PreparedEvent } from './event-serialiser.js';
import type { EventStoreTables } from './event-store-tables.js';
import { satisfiesExpectedVersion } from './expected-version.js';
import type { WriteOutcome, WriteRequest } from './write-request.js';

export interface BatchResult {
  outcomes: WriteOutcome[];
  /** The last position after the batch. */
  head: number;
}

/**
 * The head lock. Every batch, from every process, takes it first, so batches run one after
 * another and each takes the next positions: positions are gap-free and follow commit order,
 * which is what lets a reader tail the log by position without ever skipping a late commit.
 *
 * It is a statement of its own: in READ COMMITTED each statement reads from a snapshot taken when
 * it starts, so only the statements after the one that waited for the lock see what the previous
 * holder committed. The head position itself is read by the next statement (`loadKnownState`).
 */
const LOCK_HEAD = 'select 1 from event_store_head where id = 1 for update';

/**
 * Writes a batch of appends and links in the caller's transaction `trx`: takes the head lock,
 * then reads, decides and writes. Each request is checked on its own (expected version,
 * idempotency), so one failing request does not fail the others in its batch.
 */
export async function writeBatch(trx: Kysely<EventStoreTables>, requests: WriteRequest[], notifyChannel: string): Promise<BatchResult> {
  await sql.raw(LOCK_HEAD).execute(trx);
  const plan = planBatch(await loadKnownState(trx, requests), requests);
  const write = writeStatement(plan, notifyChannel);
  if (write) await write.execute(trx);
  return { outcomes: plan.outcomes, head: plan.head };
}

/**
 * Outcomes for appends that were found, under the lock, not to match their stream: each is a
 * conflict or the replay of an idempotent append, decided on a plain read since neither writes.
 * Undefined if the read says one of them could be written after all: those take the locked path.
 */
export async function decideUnwritable(db: Kysely<EventStoreTables>, requests: WriteRequest[]): Promise<WriteOutcome[] | undefined> {
  const plan = planBatch(await loadKnownState(db, requests), requests);
  return plan.streams.length === 0 ? plan.outcomes : undefined;
}

interface StoredEvent {
  position: number;
  streamId: string;
  version: number;
}

interface EventRowValues {
  position: number;
  event: PreparedEvent;
  streamId: string;
  version: number;
}

interface BatchPlan {
  outcomes: WriteOutcome[];
  startHead: number;
  head: number;
  eventRows: EventRowValues[];
  linkRows: Array<{ stream_id: string; version: number; position: number }>;
  /** Each stream the batch changes, with its version after it. */
  streams: Array<{ stream_id: string; version: number }>;
}

type KnownState = Awaited<ReturnType<typeof loadKnownState>>;

/** Decides every request of the batch, in order, against what is stored and what earlier requests of the batch did. */
function planBatch(known: KnownState, requests: WriteRequest[]): BatchPlan {
  const startHead = known.head;
  let head = startHead;
  const eventRows: EventRowValues[] = [];
  const linkRows: BatchPlan['linkRows'] = [];
  const touched = new Set<string>();

  const outcomes = requests.map((request): WriteOutcome => {
    try {
      const result = request.kind === 'append' ? planAppend(request, request.events) : planLink(request);
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: error as Error };
    }
  });

  function planAppend(request: WriteRequest, events: PreparedEvent[]): AppendResult {
    const ids = events.map((event) => event.id);
    if (new Set(ids).size !== ids.length) throw new DuplicateEventError(ids);
    const stored = ids.map((id) => known.eventsById.get(id));
    if (stored.every((event) => event !== undefined)) return replayedResult(request.streamId, ids, stored);
    const clashing = ids.filter((_, index) => stored[index] !== undefined);
    if (clashing.length > 0) throw new DuplicateEventError(clashing);

    let version = currentVersion(request.streamId);
    if (!satisfiesExpectedVersion(request.expected, version)) {
      throw new WrongExpectedVersionError(request.streamId, request.expected, version);
    }
    const positions: number[] = [];
    for (const event of events) {
      version += 1;
      head += 1;
      eventRows.push({ position: head, event, streamId: request.streamId, version });
      known.eventsById.set(event.id, { position: head, streamId: request.streamId, version });
      known.streamOfPosition.set(head, request.streamId);
      positions.push(head);
    }
    known.versions.set(request.streamId, version);
    touched.add(request.streamId);
    return { streamId: request.streamId, version, positions };
  }

  function planLink(request: Extract<WriteRequest, { kind: 'link' }>): AppendResult {
    const linked = known.links.get(request.streamId) ?? new Map<number, number>();
    const fresh = [...new Set(request.positions)].filter((position) => !linked.has(position));
    for (const position of fresh) {
      const origin = known.streamOfPosition.get(position);
      if (origin === undefined) throw new InvalidAppendError(`No event at position ${position} to link`);
      if (origin === request.streamId) {
        throw new InvalidAppendError(`Event ${position} already belongs to stream "${request.streamId}"`);
      }
    }
    let version = currentVersion(request.streamId);
    if (fresh.length === 0) {
      return { streamId: request.streamId, version, positions: request.positions };
    }
    if (!satisfiesExpectedVersion(request.expected, version)) {
      throw new WrongExpectedVersionError(request.streamId, request.expected, version);
    }
    for (const position of fresh) {
      version += 1;
      linkRows.push({ stream_id: request.streamId, version, position });
      linked.set(position, version);
    }
    known.links.set(request.streamId, linked);
    known.versions.set(request.streamId, version);
    touched.add(request.streamId);
    return { streamId: request.streamId, version, positions: request.positions };
  }

  function currentVersion(streamId: string): number {
    return known.versions.get(streamId) ?? 0;
  }

  function replayedResult(streamId: string, ids: string[], stored: Array<StoredEvent | undefined>): AppendResult {
    const events = stored as StoredEvent[];
    if (events.some((event) => event.streamId !== streamId)) throw new DuplicateEventError(ids);
    return {
      streamId,
      version: Math.max(...events.map((event) => event.version)),
      positions: events.map((event) => event.position),
      replayed: true,
    };
  }

  const streams = [...touched].map((streamId) => ({ stream_id: streamId, version: currentVersion(streamId) }));
  return { outcomes, startHead, head, eventRows, linkRows, streams };
}

/**
 * Every insert and update of the batch, the head update and the notification, in one statement
 * (data-modifying CTEs). Rows travel as one JSON document per table (events as `eventRecordJson`
 * renders them), so the statement has the same few values whatever the batch size. Nothing to
 * write (every request failed or was a replay): undefined.
 */
function writeStatement(plan: BatchPlan, notifyChannel: string): RawBuilder<unknown> | undefined {
  if (plan.streams.length === 0) return undefined;
  const steps: RawBuilder<unknown>[] = [];
  if (plan.eventRows.length > 0) {
    const rows = plan.eventRows.map(({ position, event, streamId, version }) => eventRecordJson(event, streamId, { position, version }));
    steps.push(sql`insert into events (position, event_id, stream_id, version, type, schema_version, data, metadata, correlation_id, causation_id, actor, occurred_at)
      select position, event_id, stream_id, version, type, schema_version, data, metadata, correlation_id, causation_id, actor, occurred_at
      from json_to_recordset(${`[${rows.join(',')}]`}::json) as r(position bigint, event_id uuid,
        stream_id text, version bigint, type text, schema_version integer, data jsonb, metadata jsonb, correlation_id text, causation_id text, actor text,
        occurred_at timestamptz)`);
  }
  if (plan.linkRows.length > 0) {
    steps.push(sql`insert into stream_links (stream_id, version, position)
      select stream_id, version, position
      from json_to_recordset(${JSON.stringify(plan.linkRows)}::json) as r(stream_id text, version bigint, position bigint)`);
  }
  steps.push(sql`insert into streams (stream_id, version)
    select stream_id, version from json_to_recordset(${JSON.stringify(plan.streams)}::json) as r(stream_id text, version bigint)
    on conflict (stream_id) do update set version = excluded.version`);
  if (plan.head !== plan.startHead) {
    steps.push(sql`update event_store_head set position = ${plan.head} where id = 1`);
  }
  const ctes = sql.join(
    steps.map((step, index) => sql`${sql.raw(`w${index}`)} as (${step})`),
    sql`, `,
  );
  return sql`with ${ctes} select pg_notify(${notifyChannel}, ${String(plan.head)})`;
}

/**
 * Everything the batch needs to decide, in one query after the head lock: the head, the versions
 * of its streams, which of its event ids are stored, and for links the events and existing links.
 */
async function loadKnownState(db: Kysely<EventStoreTables>, requests: WriteRequest[]) {
  const eventIds = requests.flatMap((request) => (request.kind === 'append' ? request.events.map((e) => e.id) : []));
  const streamIds = [...new Set(requests.map((request) => request.streamId))];
  const linkRequests = requests.filter((request) => request.kind === 'link');
  const linkStreams = [...new Set(linkRequests.map((request) => request.streamId))];
  const linkPositions = [...new Set(linkRequests.flatMap((request) => request.positions))];

  const parts: RawBuilder<unknown>[] = [
    sql`select 'head'::text as kind, null::text as event_id, position, null::text as stream_id, null::bigint as version
      from event_store_head where id = 1`,
  ];
  if (streamIds.length > 0) {
    parts.push(sql`select 'stream', null, null, stream_id, version from streams where stream_id = any(${streamIds}::text[])`);
  }
  if (eventIds.length > 0) {
    parts.push(sql`select 'event', event_id::text, position, stream_id, version from events where event_id = any(${eventIds}::uuid[])`);
  }
  if (linkPositions.length > 0) {
    parts.push(sql`select 'origin', null, position, stream_id, null from events where position = any(${linkPositions}::bigint[])`);
    parts.push(sql`select 'link', null, position, stream_id, version from stream_links
      where stream_id = any(${linkStreams}::text[]) and position = any(${linkPositions}::bigint[])`);
  }
  const { rows } = await sql<{
    kind: 'head' | 'stream' | 'event' | 'origin' | 'link';
    event_id: string | null;
    position: number | null;
    stream_id: string | null;
    version: number | null;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);

  let head: number | undefined;
  const eventsById = new Map<string, StoredEvent>();
  const versions = new Map<string, number>();
  const streamOfPosition = new Map<number, string>();
  const links = new Map<string, Map<number, number>>();
  for (const row of rows) {
    switch (row.kind) {
      case 'head':
        head = row.position!;
        break;
      case 'stream':
        versions.set(row.stream_id!, row.version!);
        break;
      case 'event':
        eventsById.set(row.event_id!, { position: row.position!, streamId: row.stream_id!, version: row.version! });
        break;
      case 'origin':
        streamOfPosition.set(row.position!, row.stream_id!);
        break;
      case 'link': {
        const stream = links.get(row.stream_id!) ?? new Map<number, number>();
        stream.set(row.position!, row.version!);
        links.set(row.stream_id!, stream);
        break;
      }
    }
  }
  if (head === undefined) throw new Error('The event store has no head row: are the migrations applied?');
  return { head, eventsById, versions, streamOfPosition, links };
}
