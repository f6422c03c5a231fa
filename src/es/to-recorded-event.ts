import type { RecordedEvent } from './recorded-event.js';

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
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
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
}
