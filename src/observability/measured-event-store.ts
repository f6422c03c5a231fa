import type { Kysely } from 'kysely';
import { type AppendResult, EventStore, type EventStoreOptions, type EventStoreTables, WrongExpectedVersionError } from '../es/index.js';
import type { ChronicleMetrics } from './metrics.js';

/** The event store, timing each append from request to commit into `chronicle_append_duration_seconds`. */
export class MeasuredEventStore extends EventStore {
  constructor(
    db: Kysely<EventStoreTables>,
    private readonly metrics: ChronicleMetrics,
    options: EventStoreOptions = {},
  ) {
    super(db, options);
  }

  override async append(...args: Parameters<EventStore['append']>): Promise<AppendResult> {
    const stop = this.metrics.appendDuration.startTimer();
    try {
      const result = await super.append(...args);
      stop({ outcome: 'ok' });
      return result;
    } catch (error) {
      stop({ outcome: error instanceof WrongExpectedVersionError ? 'wrong_expected_version' : 'failed' });
      throw error;
    }
  }
}
