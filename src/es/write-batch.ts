import { type Kysely, sql } from 'kysely';
import type { AppendResult } from './append-result.js';
import { DuplicateEventError, InvalidAppendError, WrongExpectedVersionError } from './errors.js';
import type { EventStoreTables } from './event-store-tables.js';
import { satisfiesExpectedVersion } from './expected-version.js';
import type { PreparedEvent, WriteOutcome, WriteRequest } from './write-request.js';

const ROWS_PER_INSERT = 500;

interface StoredEvent {
  position: number;
  streamId: string;
  version: number;
}

/**
 * Writes a batch of appends and links in one transaction (the caller's `trx`).
 *
 * It first locks the single `event_store_head` row, so batches from every process run one after
 * another and each takes the next positions: positions are gap-free and follow commit order,
 * which is what lets a reader tail the log by position without ever skipping a late commit.
 * Each request is checked on its own (expected version, idempotency), so one failing request
 * does not fail the others in its batch.
 */
export async function writeBatch(
  trx: Kysely<EventStoreTables>,
  requests: WriteRequest[],
  notifyChannel: string,
): Promise<{ outcomes: WriteOutcome[]; head: number }> {
  const { position: startHead } = await trx
    .selectFrom('event_store_head')
    .select('position')
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();

  const known = await loadKnownState(trx, requests);
  let head = startHead;
  const eventRows: Array<ReturnType<typeof eventRow>> = [];
  const linkRows: Array<{ stream_id: string; version: number; position: number }> = [];
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
      eventRows.push(eventRow(event, request.streamId, version, head));
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
    };
  }

  if (touched.size > 0) {
    for (let i = 0; i < eventRows.length; i += ROWS_PER_INSERT) {
      await trx.insertInto('events').values(eventRows.slice(i, i + ROWS_PER_INSERT)).execute();
    }
    for (let i = 0; i < linkRows.length; i += ROWS_PER_INSERT) {
      await trx.insertInto('stream_links').values(linkRows.slice(i, i + ROWS_PER_INSERT)).execute();
    }
    await trx
      .insertInto('streams')
      .values([...touched].map((streamId) => ({ stream_id: streamId, version: currentVersion(streamId) })))
      .onConflict((conflict) => conflict.column('stream_id').doUpdateSet({ version: (eb) => eb.ref('excluded.version') }))
      .execute();
    if (head !== startHead) {
      await trx.updateTable('event_store_head').set({ position: head }).where('id', '=', 1).execute();
    }
    await sql`select pg_notify(${notifyChannel}, ${String(head)})`.execute(trx);
  }
  return { outcomes, head };
}

function eventRow(event: PreparedEvent, streamId: string, version: number, position: number) {
  return {
    position,
    event_id: event.id,
    stream_id: streamId,
    version,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    correlation_id: event.correlationId,
    causation_id: event.causationId,
    actor: event.actor,
    occurred_at: event.occurredAt,
  };
}

/** Everything the batch needs to decide, read in three queries under the head lock. */
async function loadKnownState(trx: Kysely<EventStoreTables>, requests: WriteRequest[]) {
  const eventIds = requests.flatMap((request) => (request.kind === 'append' ? request.events.map((e) => e.id) : []));
  const streamIds = [...new Set(requests.map((request) => request.streamId))];
  const linkRequests = requests.filter((request) => request.kind === 'link');
  const linkPositions = [...new Set(linkRequests.flatMap((request) => request.positions))];

  const [storedEvents, streams, linkedEvents, existingLinks] = await Promise.all([
    eventIds.length === 0
      ? []
      : trx
          .selectFrom('events')
          .select(['event_id', 'position', 'stream_id', 'version'])
          .where('event_id', 'in', eventIds)
          .execute(),
    trx.selectFrom('streams').select(['stream_id', 'version']).where('stream_id', 'in', streamIds).execute(),
    linkPositions.length === 0
      ? []
      : trx.selectFrom('events').select(['position', 'stream_id']).where('position', 'in', linkPositions).execute(),
    linkPositions.length === 0
      ? []
      : trx
          .selectFrom('stream_links')
          .select(['stream_id', 'position', 'version'])
          .where('stream_id', 'in', linkRequests.map((request) => request.streamId))
          .where('position', 'in', linkPositions)
          .execute(),
  ]);

  const links = new Map<string, Map<number, number>>();
  for (const row of existingLinks) {
    const stream = links.get(row.stream_id) ?? new Map<number, number>();
    stream.set(row.position, row.version);
    links.set(row.stream_id, stream);
  }
  return {
    eventsById: new Map<string, StoredEvent>(
      storedEvents.map((row) => [row.event_id, { position: row.position, streamId: row.stream_id, version: row.version }]),
    ),
    versions: new Map<string, number>(streams.map((row) => [row.stream_id, row.version])),
    streamOfPosition: new Map<number, string>(linkedEvents.map((row) => [row.position, row.stream_id])),
    links,
  };
}
