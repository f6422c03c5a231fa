import type { EventMetadata, NewEvent, RecordedEvent } from './recorded-event.js';
import type { EventUpcasters } from './upcasting/event-upcasters.js';

/**
 * The one place an event turns into what the `events` table stores, and back: `prepareEvent`
 * decides an appended event's columns (its data and free metadata as JSON text), `eventRecordJson`
 * renders them as one JSON record of a batch insert, and `toRecordedEvent` reads a stored row,
 * its data upcast to the current shape of its type.
 */

/** An event ready to be written: id, serialised data and metadata columns all decided. */
export interface PreparedEvent {
  id: string;
  type: string;
  /** JSON text. */
  data: string;
  /** JSON text: the free metadata, without the ids and actor that have columns of their own. */
  metadata: string;
  correlationId: string;
  causationId: string | null;
  actor: string | null;
  occurredAt: Date;
  /** The current schema version of the event's type, which `data` has (docs/upcasting.md). */
  schemaVersion: number;
}

/** A row of `events` as the database returns it. */
export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  correlation_id: string | null;
  causation_id: string | null;
  actor: string | null;
  occurred_at: Date;
  schema_version: number;
}

/**
 * The columns of an event about to be appended, with the metadata `shared` by its append (the
 * event's own wins). Without an id it gets a random one; without a correlation, its own id.
 */
export function prepareEvent(event: NewEvent, shared: EventMetadata, schemaVersion: number): PreparedEvent {
  const id = event.id?.toLowerCase() ?? crypto.randomUUID();
  const { correlationId, causationId, actor, ...user } = { ...shared, ...event.metadata };
  return {
    id,
    type: event.type,
    data: JSON.stringify(event.data ?? {}),
    metadata: JSON.stringify(user),
    correlationId: correlationId ?? id,
    causationId: causationId ?? null,
    actor: actor ?? null,
    occurredAt: new Date(),
    schemaVersion,
  };
}

/**
 * A prepared event as one object of the JSON array a batch insert reads with `json_to_recordset`,
 * its columns named as in `events`. `place` adds the write's own numbers (a position and version,
 * or an order in the batch). `data` and `metadata` go in as the JSON text `prepareEvent` made.
 */
export function eventRecordJson(event: PreparedEvent, streamId: string, place: Readonly<Record<string, number>>): string {
  let json = '{';
  for (const [column, value] of Object.entries(place)) json += `"${column}":${value},`;
  return (
    `${json}"event_id":${JSON.stringify(event.id)},"stream_id":${JSON.stringify(streamId)},` +
    `"type":${JSON.stringify(event.type)},"schema_version":${event.schemaVersion},"data":${event.data},"metadata":${event.metadata},` +
    `"correlation_id":${JSON.stringify(event.correlationId)},"causation_id":${JSON.stringify(event.causationId)},` +
    `"actor":${JSON.stringify(event.actor)},"occurred_at":${JSON.stringify(event.occurredAt.toISOString())}}`
  );
}

/**
 * A stored row as the event it records, the ids and actor back in its metadata and its data upcast
 * from the schema version it was stored at: every read of the log comes through here.
 */
export function toRecordedEvent(row: EventRow, upcasters: EventUpcasters): RecordedEvent {
  const event: RecordedEvent = {
    position: row.position,
    eventId: row.event_id,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    data: row.data,
    metadata: {
      ...row.metadata,
      correlationId: row.correlation_id ?? row.event_id,
      causationId: row.causation_id ?? undefined,
      actor: row.actor ?? undefined,
    },
    occurredAt: row.occurred_at,
  };
  return upcasters.upcast(event, row.schema_version);
}
