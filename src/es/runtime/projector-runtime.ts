import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { advanceCheckpoint, loadCheckpoint, resetCheckpoint } from './checkpoints.js';
import { crashPoint } from './crash-point.js';
import { LogConsumer, type LogConsumerOptions } from './log-consumer.js';
import type { Projector } from './projector.js';

type Handler = (trx: Transaction<any>, event: RecordedEvent) => Promise<void>;

/**
 * Runs a projector: each batch of events and the new checkpoint commit in one transaction, so a
 * crash neither loses an event nor applies one twice. Event types it has no handler for are
 * skipped and still move the checkpoint.
 */
export class ProjectorRuntime extends LogConsumer {
  readonly kind = 'projector' as const;
  readonly name: string;

  constructor(
    private readonly projector: Projector,
    private readonly db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    options?: LogConsumerOptions,
  ) {
    super(feed, logger, options);
    this.name = projector.name;
  }

  protected loadCheckpoint(): Promise<number> {
    return loadCheckpoint(this.db, this.name);
  }

  protected async process(events: RecordedEvent[], through: number): Promise<void> {
    const handlers = this.projector.handlers as Record<string, Handler | undefined>;
    await this.db.transaction().execute(async (trx) => {
      // The checkpoint first: its row lock fences the batch against another instance applying it too.
      await advanceCheckpoint(trx, this.name, this.checkpoint, through);
      for (const event of events) await handlers[event.type]?.(trx, event);
      crashPoint('projector-batch', this.name);
    });
  }

  /** Empties the read tables and replays the whole log into them. */
  async rebuild(): Promise<void> {
    await this.restart(
      () =>
        this.db.transaction().execute(async (trx) => {
          // The checkpoint row first: a batch another instance is committing finishes before the reset.
          await resetCheckpoint(trx, this.name, 0);
          await this.projector.reset(trx);
        }),
      { rebuildingUntil: this.feed.position },
    );
  }
}
