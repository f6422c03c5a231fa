import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { resetCheckpoint } from './checkpoints.js';
import { crashPoint } from './crash-point.js';
import { LogConsumer, type LogConsumerOptions } from './log-consumer.js';
import type { BatchHandler, EventHandlerFunction, Projector, StatementHandler } from './projector.js';
import { runWrites } from './run-writes.js';

type Handler = EventHandlerFunction<any, RecordedEvent> | BatchHandler<any, RecordedEvent> | StatementHandler<RecordedEvent>;

/**
 * Runs a projector: each batch of events and the new checkpoint commit in one transaction, so a
 * crash neither loses an event nor applies one twice. Event types it has no handler for are
 * skipped and still move the checkpoint.
 */
export class ProjectorRuntime extends LogConsumer {
  readonly kind = 'projector' as const;
  readonly name: string;
  private readonly handlers: Record<string, Handler | undefined>;

  constructor(
    private readonly projector: Projector,
    db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    options?: LogConsumerOptions,
  ) {
    super(db, feed, logger, options);
    this.name = projector.name;
    this.handlers = projector.handlers as Record<string, Handler | undefined>;
  }

  protected handles(event: RecordedEvent): boolean {
    return this.handlers[event.type] !== undefined;
  }

  protected async process(events: RecordedEvent[], through: number): Promise<void> {
    const handled = events.filter((event) => this.handles(event));
    const handler = this.handlers[handled[0]!.type]!;
    if (typeof handler !== 'function' && 'writes' in handler && handled.every((event) => this.handlers[event.type] === handler)) {
      // Nothing is written before the statement commits, so this is the last moment before the batch's writes commit.
      crashPoint('projector-batch', this.name);
      await this.commitInOneStatement(through, handler.writes(handled));
      return;
    }
    await this.commit(through, async (trx) => {
      await this.apply(trx, events);
      crashPoint('projector-batch', this.name);
    });
  }

  private async apply(trx: Transaction<any>, events: RecordedEvent[]): Promise<void> {
    for (let index = 0; index < events.length; ) {
      const handler = this.handlers[events[index]!.type];
      if (!handler) {
        index += 1;
      } else if (typeof handler === 'function') {
        await handler(trx, events[index]!);
        index += 1;
      } else {
        // The run goes on over events nobody handles, and ends at one another handler must apply first.
        const run: RecordedEvent[] = [];
        for (; index < events.length; index += 1) {
          const next = this.handlers[events[index]!.type];
          if (next === handler) run.push(events[index]!);
          else if (next) break;
        }
        if ('writes' in handler) await runWrites(trx, handler.writes(run));
        else await handler.batch(trx, run);
      }
    }
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
