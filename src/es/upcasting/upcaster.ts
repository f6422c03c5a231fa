import type { RecordedEvent } from '../recorded-event.js';

/** What an upcaster may read besides the data: the event's place, time and metadata. Never the database. */
export type UpcastContext = Readonly<Omit<RecordedEvent, 'data'>>;

/**
 * Turns the data of one event type as stored at schema version `from` into the shape of version
 * `from + 1`. A slice declares its upcasters with its events (`DomainModule.upcasters`); the store
 * runs them on every read, so every reader sees only the current shape. An upcaster must be pure
 * and total: the same data gives the same result, every stored payload of that version has one,
 * and it reads nothing but its arguments.
 */
export interface Upcaster {
  type: string;
  from: number;
  upcast(data: any, event: UpcastContext): unknown;
}

/** Declares an upcaster of `type` from schema version `from` to `from + 1`. */
export function upcaster<From, To>(type: string, from: number, upcast: (data: From, event: UpcastContext) => To): Upcaster {
  return { type, from, upcast };
}
