/** Who and what caused an event; recorded on every event. */
export interface EventMetadata {
  correlationId?: string | undefined;
  causationId?: string | undefined;
  actor?: string | undefined;
  /** Free user metadata. */
  [key: string]: unknown;
}

/** An event about to be appended. Without an id it gets a random one; a stable id makes a retried append a no-op. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id?: string;
  type: Type;
  data: Data;
  metadata?: EventMetadata;
}

/** An event as stored: a fact with its place in its stream and in the global log. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  position: number;
  eventId: string;
  streamId: string;
  version: number;
  type: Type;
  data: Data;
  metadata: EventMetadata & { correlationId: string; causationId: string | undefined; actor: string | undefined };
  occurredAt: Date;
  /** Present when read through a stream the event was linked into: where it was first appended. */
  linkedFrom?: { streamId: string; version: number };
}
