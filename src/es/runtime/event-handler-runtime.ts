import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import type { EventHandler } from './event-handler.js';
import type { LogConsumerOptions } from './log-consumer.js';
import { reactionContext, type ReactionContext, type ReactionServices } from './reaction-context.js';
import { type Persist, ReactionRuntime } from './reaction-runtime.js';

type HandlerFunction = (event: RecordedEvent, context: ReactionContext) => Promise<void>;

export class EventHandlerRuntime extends ReactionRuntime {
  readonly kind = 'event-handler' as const;
  readonly name: string;
  private readonly functions: Record<string, HandlerFunction | undefined>;
  private readonly partitionBy: ((event: RecordedEvent) => string) | undefined;

  constructor(
    handler: EventHandler,
    private readonly services: ReactionServices,
    db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    options?: LogConsumerOptions,
  ) {
    super(db, feed, logger, handler.errorPolicy, handler.concurrency, options);
    this.name = handler.name;
    this.partitionBy = handler.partitionBy;
    this.functions = handler.handlers as Record<string, HandlerFunction | undefined>;
  }

  protected handles(event: RecordedEvent): boolean {
    return this.functions[event.type] !== undefined;
  }

  /** Without `partitionBy`, the whole batch is one partition: one event at a time, in log order. */
  protected partition(event: RecordedEvent): string {
    return this.partitionBy ? this.partitionBy(event) : '';
  }

  protected async react(event: RecordedEvent): Promise<Persist> {
    await this.functions[event.type]!(event, reactionContext(this.name, event, this.services));
    return undefined;
  }
}
