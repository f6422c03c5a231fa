import { type Kysely, sql } from 'kysely';
import { AppendQueue, type CommittedListener } from './append-queue.js';
import type { AppendResult } from './append-result.js';
import { InvalidAppendError } from './errors.js';
import type { EventStoreTables } from './event-store-tables.js';
import type { ExpectedVersion } from './expected-version.js';
import { type EventRow, prepareEvent, toRecordedEvent } from './event-serialiser.js';
import { PersonalDataVault } from './personal-data/personal-data-vault.js';
import type { PersonalFields } from './personal-data/personal-data-declaration.js';
import type { EventMetadata, NewEvent, RecordedEvent } from './recorded-event.js';
import { EventUpcasters } from './upcasting/event-upcasters.js';
import type { Upcaster } from './upcasting/upcaster.js';
import type { WriteRequest } from './write-request.js';

export const EVENTS_CHANNEL = 'chronicle_events';

export interface ReadAllOptions {
  /** Exclusive: events after this global position. */
  after?: number;
  limit?: number;
  /** Inclusive upper bound, for readers that must not run past a known head. */
  upTo?: number;
  types?: readonly string[];
  streamId?: string;
  correlationId?: string;
}

export interface ReadStreamOptions {
  /** Inclusive: forward from this version (default 1), backward from it (default the last). */
  fromVersion?: number;
  direction?: 'forward' | 'backward';
  limit?: number;
}

export interface EventStoreOptions {
  /** The slices' upcasters: reads bring every event to its type's current shape (docs/upcasting.md). */
  upcasters?: readonly Upcaster[];
}

export interface Snapshot<State = unknown> {
  streamId: string;
  version: number;
  schemaVersion: number;
  state: State;
}

/**
 * The PostgreSQL event store: per-stream versions with optimistic concurrency, one gap-free
 * global order that follows commit order, idempotent appends, linked streams and snapshots.
 */
export class EventStore {
  private readonly queue: AppendQueue;
  private readonly committedListeners = new Set<CommittedListener>();
  readonly upcasters: EventUpcasters;
  /** Encrypts the declared personal fields on append and decrypts them on every read (docs/privacy.md). */
  readonly personalData: PersonalDataVault;
  /** This process's events being appended, by id, as a read will answer them: its own commits reach the feed opened. */
  private readonly plaintexts = new Map<string, unknown>();

  constructor(
    private readonly db: Kysely<EventStoreTables>,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = new EventUpcasters(options.upcasters);
    this.personalData = new PersonalDataVault(db);
    this.queue = new AppendQueue(db, EVENTS_CHANNEL, (head, rows) => {
      const events = rows?.map((row) =>
        toRecordedEvent(this.plaintexts.has(row.event_id) ? { ...row, data: this.plaintexts.get(row.event_id) } : row, this.upcasters),
      );
      for (const listener of this.committedListeners) listener(head, events);
    });
  }

  /** Appends events to a stream. Appending events whose ids are all stored already returns the original result. */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion = 'any',
    metadata: EventMetadata = {},
  ): Promise<AppendResult> {
    assertStreamId(streamId);
    assertExpectedVersion(expectedVersion);
    if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
    const sealed = await this.personalData.seal(
      events.map((event) => ({
        value: assertEvent(event).data,
        fields: this.personalData.fieldsOf(event.type),
        context: { streamId, actor: event.metadata?.actor ?? metadata.actor },
      })),
    );
    const prepared = events.map((event, i) =>
      prepareEvent({ ...event, data: sealed[i] }, metadata, this.upcasters.currentVersion(event.type)),
    );
    const unsealed = prepared.filter((_event, i) => sealed[i] !== events[i]!.data);
    for (const event of unsealed) this.plaintexts.set(event.id, this.personalData.readable(sealed[prepared.indexOf(event)]));
    try {
      return await this.write({ kind: 'append', streamId, expected: expectedVersion, events: prepared });
    } finally {
      for (const event of unsealed) this.plaintexts.delete(event.id);
    }
  }

  /** Links stored events (by global position) into another stream, as its next versions. Linking twice is a no-op. */
  async link(streamId: string, positions: readonly number[], expectedVersion: ExpectedVersion = 'any'): Promise<AppendResult> {
    assertStreamId(streamId);
    assertExpectedVersion(expectedVersion);
    if (positions.length === 0 || !positions.every((p) => Number.isSafeInteger(p) && p > 0)) {
      throw new InvalidAppendError('A link needs one or more positive positions');
    }
    return this.write({ kind: 'link', streamId, expected: expectedVersion, positions: [...positions] });
  }

  /** Tags the notifications of this store's appends written in one statement: `<head> <writerId>`. */
  get writerId(): string {
    return this.queue.writerId;
  }

  /** Called in this process after each batch commits, before any notification round trip. */
  onCommitted(listener: CommittedListener): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  async readStream(streamId: string, { fromVersion, direction = 'forward', limit = 1_000 }: ReadStreamOptions = {}) {
    const forward = direction === 'forward';
    const from = fromVersion ?? (forward ? 1 : Number.MAX_SAFE_INTEGER);
    const bound = forward ? sql`>=` : sql`<=`;
    const order = forward ? sql`asc` : sql`desc`;
    const { rows } = await sql<EventRow & { stream_version: number; read_stream_id: string }>`
      select e.*, s.version as stream_version, ${streamId} as read_stream_id
      from (
        select position, version from events where stream_id = ${streamId} and version ${bound} ${from}
        union all
        select position, version from stream_links where stream_id = ${streamId} and version ${bound} ${from}
      ) s
      join events e on e.position = s.position
      order by s.version ${order}
      limit ${limit}
    `.execute(this.db);
    return (await this.personalData.openRows(rows)).map((row) => {
      const event = toRecordedEvent(row, this.upcasters);
      if (row.stream_id === streamId) return event;
      return { ...event, streamId, version: row.stream_version, linkedFrom: { streamId: row.stream_id, version: row.version } };
    });
  }

  /**
   * The whole log (or a filtered part of it) in global order. `rows` reads the events from a copy
   * of the log instead, a streaming replica: their personal values are still opened with the keys
   * as this store has them, so an erasure counts on the very next read there too.
   */
  async readAll(
    { after = 0, limit = 1_000, upTo, types, streamId, correlationId }: ReadAllOptions = {},
    rows: Kysely<EventStoreTables> = this.db,
  ): Promise<RecordedEvent[]> {
    let query = rows.selectFrom('events').selectAll().where('position', '>', after);
    if (upTo !== undefined) query = query.where('position', '<=', upTo);
    if (types && types.length > 0) query = query.where('type', 'in', types);
    if (streamId !== undefined) query = query.where('stream_id', '=', streamId);
    if (correlationId !== undefined) query = query.where('correlation_id', '=', correlationId);
    const found = await query.orderBy('position').limit(limit).execute();
    return (await this.personalData.openRows(found as EventRow[])).map((row) => toRecordedEvent(row, this.upcasters));
  }

  async readEvent(eventId: string): Promise<RecordedEvent | undefined> {
    const row = await this.db.selectFrom('events').selectAll().where('event_id', '=', eventId).executeTakeFirst();
    if (!row) return undefined;
    const [opened] = await this.personalData.openRows([row as EventRow]);
    return toRecordedEvent(opened!, this.upcasters);
  }

  readByCorrelation(correlationId: string, options: Omit<ReadAllOptions, 'correlationId'> = {}) {
    return this.readAll({ ...options, correlationId });
  }

  async streamVersion(streamId: string): Promise<number> {
    const row = await this.db.selectFrom('streams').select('version').where('stream_id', '=', streamId).executeTakeFirst();
    return row?.version ?? 0;
  }

  /**
   * The version a stream had at `at`: the longest prefix of it whose events all occurred at or
   * before `at` (0 when its first event came later). With clocks that moved forward it is the
   * version of its last event that occurred at or before `at`.
   */
  async streamVersionAt(streamId: string, at: Date): Promise<number> {
    const { rows } = await sql<{ version: number | string }>`
      select s.version from (
        select version from events where stream_id = ${streamId} and occurred_at > ${at}
        union all
        select l.version from stream_links l join events e on e.position = l.position
        where l.stream_id = ${streamId} and e.occurred_at > ${at}
      ) s
      order by s.version
      limit 1
    `.execute(this.db);
    const firstLater = rows[0];
    return firstLater ? Number(firstLater.version) - 1 : this.streamVersion(streamId);
  }

  async head(): Promise<number> {
    const row = await this.db.selectFrom('event_store_head').select('position').where('id', '=', 1).executeTakeFirstOrThrow();
    return row.position;
  }

  async loadSnapshot<State>(streamId: string): Promise<Snapshot<State> | undefined> {
    const row = await this.db.selectFrom('snapshots').selectAll().where('stream_id', '=', streamId).executeTakeFirst();
    if (!row) return undefined;
    const [state] = await this.personalData.open([row.state]);
    return { streamId, version: row.version, schemaVersion: row.schema_version, state: state as State };
  }

  /**
   * The newest snapshot of a stream at or before `version` of `schemaVersion`, from the history of
   * every snapshot taken: where a load as of a past version starts (docs/time-travel.md).
   */
  async loadSnapshotAtOrBefore<State>(streamId: string, schemaVersion: number, version: number): Promise<Snapshot<State> | undefined> {
    const row = await this.db
      .selectFrom('snapshot_history')
      .selectAll()
      .where('stream_id', '=', streamId)
      .where('schema_version', '=', schemaVersion)
      .where('version', '<=', version)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    const [state] = await this.personalData.open([row.state]);
    return { streamId, version: Number(row.version), schemaVersion: row.schema_version, state: state as State };
  }

  /**
   * Keeps the newest snapshot of a stream: an older one never replaces a newer one of the same
   * schema version, but any replaces one of another schema version, which its reader ignores.
   * The same statement adds it to the history of every snapshot (`snapshot_history`).
   * The state's `personalFields` are sealed as an event's are (docs/privacy.md).
   */
  async saveSnapshot(snapshot: Snapshot, personalFields?: PersonalFields): Promise<void> {
    const context = { streamId: snapshot.streamId, actor: undefined };
    const [sealed] = await this.personalData.seal([{ value: snapshot.state, fields: personalFields, context }]);
    const state = JSON.stringify(sealed);
    await this.db
      .with('history', (db) =>
        db
          .insertInto('snapshot_history')
          .values({ stream_id: snapshot.streamId, schema_version: snapshot.schemaVersion, version: snapshot.version, state })
          .onConflict((conflict) => conflict.doNothing()),
      )
      .insertInto('snapshots')
      .values({
        stream_id: snapshot.streamId,
        version: snapshot.version,
        schema_version: snapshot.schemaVersion,
        state,
      })
      .onConflict((conflict) =>
        conflict
          .column('stream_id')
          .doUpdateSet({
            version: (eb) => eb.ref('excluded.version'),
            schema_version: (eb) => eb.ref('excluded.schema_version'),
            state: (eb) => eb.ref('excluded.state'),
            created_at: sql`now()`,
          })
          .where((eb) =>
            eb.or([
              eb('snapshots.version', '<', eb.ref('excluded.version')),
              // A snapshot of another schema version is of no use to the writer, however recent.
              eb('snapshots.schema_version', '<>', eb.ref('excluded.schema_version')),
            ]),
          ),
      )
      .execute();
  }

  private async write(request: WriteRequest): Promise<AppendResult> {
    const outcome = await this.queue.write(request);
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertEvent(event: NewEvent): NewEvent {
  if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppendError('An event needs a type');
  if (event.id !== undefined && !UUID.test(event.id)) throw new InvalidAppendError(`Event id "${event.id}" is not a UUID`);
  return event;
}

function assertStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppendError('A stream id must be a non-empty string');
}

function assertExpectedVersion(expected: ExpectedVersion): void {
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new InvalidAppendError(`Expected version must be a non-negative integer, got ${expected}`);
  }
}
