import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { crashPoint } from './crash-point.js';
import { type ErrorPolicy, HandlerStoppedError, defaultErrorPolicy } from './error-policy.js';
import { delay } from '../delay.js';
import { LogConsumer, type LogConsumerOptions } from './log-consumer.js';

/**
 * What a reaction leaves to store with the batch's checkpoint. Of several writes with the same
 * `key` in one commit only the last (in log order) runs: a process instance's state, say, where
 * only the state after the batch matters.
 */
export type Persist = { key?: string; write: (trx: Transaction<EventStoreTables>) => Promise<void> } | undefined;

/** Memory shared by the reactions of one batch (and thrown away with it), keyed as the subclass likes. */
export type BatchScope = Map<string, unknown>;

/** How many partitions of a batch a reaction runtime handles at once, unless its definition says otherwise. */
export const DEFAULT_REACTION_CONCURRENCY = 16;

/**
 * Shared by event handlers and process managers: reacts to each event at least once.
 *
 * The handled events of a batch are split into partitions (`partition`): within one, events are
 * handled one after another in log order; different partitions run concurrently, at most
 * `concurrency` at a time. Once all are done, the batch commits once: every reaction's writes,
 * in log order, and the checkpoint, in one transaction. A crash before that commit redelivers the
 * whole batch; reactions dispatch with ids derived from the event, so nothing is dispatched twice.
 *
 * A failing event is retried with backoff (its partition waits, the others go on); when retries
 * run out it is dead-lettered with the batch and its partition moves on, or, under a `stop`
 * policy, the batch stops there: what was done in log order before that event commits, the rest
 * is handled again from there on the next attempt.
 */
export abstract class ReactionRuntime extends LogConsumer {
  private readonly policy: ErrorPolicy;
  private readonly concurrency: number;
  private stopping = new AbortController();

  constructor(
    db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    policy: Partial<ErrorPolicy> | undefined,
    concurrency: number | undefined,
    options?: LogConsumerOptions,
  ) {
    super(db, feed, logger, options);
    this.policy = { ...defaultErrorPolicy, ...policy };
    this.concurrency = Math.max(1, concurrency ?? DEFAULT_REACTION_CONCURRENCY);
  }

  /** Performs the reaction; what it returns is written with the batch's checkpoint. */
  protected abstract react(event: RecordedEvent, scope: BatchScope): Promise<Persist>;

  /** Events of one partition are handled in log order; those of different partitions concurrently. */
  protected abstract partition(event: RecordedEvent): string;

  /** Runs before a batch's reactions (to load their state at once, say). */
  protected async prepare(_handled: RecordedEvent[], _scope: BatchScope): Promise<void> {}

  protected async process(events: RecordedEvent[], through: number): Promise<void> {
    const handled = events.filter((event) => this.handles(event));
    const scope: BatchScope = new Map();
    await this.prepare(handled, scope);

    const partitions = new Map<string, number[]>();
    handled.forEach((event, index) => {
      const key = this.partition(event);
      const indexes = partitions.get(key);
      if (indexes) indexes.push(index);
      else partitions.set(key, [index]);
    });
    // Partitions start in the order of their first event, so the oldest work goes first.
    const queue = [...partitions.values()];
    const persists: Persist[] = [];
    const done: boolean[] = handled.map(() => false);
    let failure: { error: unknown } | undefined;
    const worker = async () => {
      for (let indexes = queue.shift(); indexes && !failure; indexes = queue.shift()) {
        for (const index of indexes) {
          if (failure) return;
          try {
            persists[index] = await this.attempt(handled[index]!, scope);
          } catch (error) {
            failure ??= { error };
            return;
          }
          done[index] = true;
          crashPoint('reaction-dispatched', this.name);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));

    // What is done in log order commits; after a failure, that stops before the first event not done.
    const complete = failure ? done.indexOf(false) : handled.length;
    if (complete > 0) {
      const position = complete === handled.length ? through : handled[complete]!.position - 1;
      await this.commit(position, (trx) => this.store(trx, persists.slice(0, complete)));
    }
    if (failure) throw failure.error;
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

  /** Writes what a batch's reactions left, in log order; a subclass may write its own kind at once. */
  protected async store(trx: Transaction<EventStoreTables>, persists: Persist[]): Promise<void> {
    await writeInOrder(trx, persists);
  }

  /** Runs the reaction for a dead-lettered event again, once, outside the log order. */
  async retry(event: RecordedEvent): Promise<void> {
    const persist = await this.react(event, new Map());
    if (persist) await this.db.transaction().execute(persist.write);
  }

  private async attempt(event: RecordedEvent, scope: BatchScope): Promise<Persist> {
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
        return await this.react(event, scope);
      } catch (error) {
        lastError = error;
        this.logger.warn({ err: error, runtime: this.name, position: event.position, attempt: attempt + 1 }, 'reaction failed');
      }
    }
    if (this.policy.onExhausted === 'stop') {
      throw new HandlerStoppedError(`${this.name} stopped at event ${event.position}: ${message(lastError)}`);
    }
    const attempts = this.policy.retries + 1;
    return {
      write: async (trx) => {
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
      },
    };
  }
}

/** Runs the writes in log order, skipping any a later write with the same key supersedes. */
export async function writeInOrder(trx: Transaction<EventStoreTables>, persists: Persist[]): Promise<void> {
  const last = new Map<string, number>();
  for (const [index, persist] of persists.entries()) if (persist?.key !== undefined) last.set(persist.key, index);
  for (const [index, persist] of persists.entries()) {
    if (!persist || (persist.key !== undefined && last.get(persist.key) !== index)) continue;
    await persist.write(trx);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
