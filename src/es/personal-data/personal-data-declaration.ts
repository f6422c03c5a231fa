import type { DomainEvent } from '../aggregate.js';

/** What every read path answers for a personal field whose subject was erased. */
export const ERASED = '[erased]';

/** Where a personal value was found: who appended it, in which stream, and the keys the path's `*`s matched. */
export interface PersonalValueContext {
  actor: string | undefined;
  streamId: string;
  /** The object keys or array indices the path's `*` segments matched, in order. */
  matched: string[];
}

/**
 * Who a personal value is about: given the object holding the field and where it was found,
 * the subject whose key encrypts it. `undefined` falls back to `stream:<streamId>`.
 */
export type SubjectOf = (holder: any, context: PersonalValueContext) => string | undefined;

/**
 * The personal fields of one shape, by dotted path from its root; a `*` segment matches every
 * element of an array or every value of an object (`rankings.*.athleteName`).
 */
export type PersonalFields = Readonly<Record<string, SubjectOf>>;

/** The personal fields of each event type of a slice. */
export type PersonalDataDeclarations = Readonly<Record<string, PersonalFields>>;

/** Marks the personal fields of a slice's events, next to the event types; the engine encrypts them on append. */
export function definePersonalData<E extends DomainEvent>(
  declarations: { readonly [T in E['type']]?: PersonalFields },
): PersonalDataDeclarations {
  return declarations as PersonalDataDeclarations;
}

/** The event an erasure appends to `personal-data-<subject>`: projectors blank the subject's columns on it. */
export const PERSONAL_DATA_ERASED = 'PersonalDataErased';

export type PersonalDataErasedEvent = DomainEvent<
  typeof PERSONAL_DATA_ERASED,
  {
    subject: string;
    /** The streams holding events with the subject's personal data, so a projector knows which rows to blank. */
    streams: string[];
  }
>;

/** The stream an erasure's event is appended to. */
export function erasureStreamId(subject: string): string {
  return `personal-data-${subject}`;
}

/** The identities of an aggregate's streams among those an erasure names (`account-ACC-1` → `ACC-1`). */
export function erasedIdentities(erasure: PersonalDataErasedEvent['data'], aggregate: { name: string }): string[] {
  const prefix = `${aggregate.name}-`;
  return erasure.streams.filter((stream) => stream.startsWith(prefix)).map((stream) => stream.slice(prefix.length));
}
