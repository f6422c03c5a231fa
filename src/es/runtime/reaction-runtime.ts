import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { advanceCheckpoint, loadCheckpoint } from './checkpoints.js';
import { crashPoint } from './crash-point.js';
import { type ErrorPolicy, HandlerStoppedError, defaultErrorPolicy } from './error-policy.js';
import { LogConsumer, delay, type LogConsumerOptions } from './log-consumer.js';

export type Persist = ((trx: Transaction<EventStoreTables>) => Promise<void>) | undefined;

/**
 * Shared by event handlers and process managers: reacts to one event at a time, at least once.
 * A failing event is retried with backoff; when retries run out it goes to the dead-letter table
 * (and processing moves on) or the runtime stops there, as its policy says. The checkpoint moves
 * after each event, together with whatever state the reaction keeps.
 */
export abstract class ReactionRuntime extends LogConsumer {
  private readonly policy: ErrorPolicy;
  private stopping = new AbortController();

  constructor(
    protected readonly db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    policy: Partial<ErrorPolicy> | undefined,
    options?: LogConsumerOptions,
  ) {
    super(feed, logger, options);
    this.policy = { ...defaultErrorPolicy, ...policy };
  }

  protected abstract handles(event: RecordedEvent): boolean;
  /** Performs the reaction; the returned function persists its state in the checkpoint's transaction. */
  protected abstract react(event: RecordedEvent): Promise<Persist>;

  protected loadCheckpoint(): Promise<number> {
    return loadCheckpoint(this.db, this.name);
  }

  protected async process(events: RecordedEvent[], through: number): Promise<void> {
    for (const event of events) {
      if (!this.handles(event)) continue;
      const persist = await this.attempt(event);
      crashPoint('reaction-dispatched', this.name);
      await this.db.transaction().execute(async (trx) => {
        await advanceCheckpoint(trx, this.name, this.checkpoint, event.position);
        await persist?.(trx);
      });
      this.checkpoint = event.position;
    }
    if (through > this.checkpoint) await advanceCheckpoint(this.db, this.name, this.checkpoint, through);
  }

  override async start(): Promise<void> {
    // A restarted runtime backs off again: the signal of the last stop must not cut its delays short.
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
    await super.start();
  }

  override async stop(): Promise<void> {
    this.stopping.abort();
    await super.stop();
  }

  /** Runs the reaction for a dead-lettered event again, once, outside the log order. */
  async retry(event: RecordedEvent): Promise<void> {
    const persist = await this.react(event);
    if (persist) await this.db.transaction().execute(persist);
  }

  private async attempt(event: RecordedEvent): Promise<Persist> {
    const stopping = this.stopping.signal;
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.policy.retries; attempt++) {
      if (attempt > 0) {
        await delay(this.policy.backoffMs * 2 ** (attempt - 1), stopping);
        // Stopped during the backoff: leave the event where it is, for the next start, rather than
        // running the remaining attempts at once and dead-lettering (or stopping at) it.
        if (stopping.aborted) throw new Error(`${this.name} stopped while retrying event ${event.position}`);
      }
      try {
        return await this.react(event);
      } catch (error) {
        lastError = error;
        this.logger.warn({ err: error, runtime: this.name, position: event.position, attempt: attempt + 1 }, 'reaction failed');
      }
    }
    if (this.policy.onExhausted === 'stop') {
      throw new HandlerStoppedError(`${this.name} stopped at event ${event.position}: ${message(lastError)}`);
    }
    const attempts = this.policy.retries + 1;
    return async (trx) => {
      await trx
        .insertInto('dead_letters')
        .values({
          handler: this.name,
          position: event.position,
          event_id: event.eventId,
          event_type: event.type,
          error: message(lastError),
          attempts,
          retried_at: null,
        })
        .onConflict((conflict) =>
          conflict.columns(['handler', 'position']).doUpdateSet({ error: message(lastError), attempts, retried_at: null }),
        )
        .execute();
    };
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
