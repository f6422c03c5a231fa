import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { delay } from '../delay.js';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { crashPoint } from './crash-point.js';
import { LogConsumer, type LogConsumerOptions } from './log-consumer.js';
import type { ProjectionVersion } from './projection-versions.js';
import type { ProjectorHandlers } from './projector-handlers.js';
import { writeInSchema } from './version-tables.js';

/** How soon a caught-up builder tries its switch again after a live batch held the checkpoint. */
const SWITCH_RETRY_MS = 20;

/**
 * Builds a new version of a projection's tables beside the live ones: replays the log into the
 * version's schema (each batch's transaction resolves table names there first) under its own
 * checkpoint, and once it has the whole log, calls `switchIn`, which puts it live atomically.
 */
export class ProjectionBuilder extends LogConsumer {
  readonly kind = 'projector' as const;
  readonly name: string;
  private finished = false;
  private end!: () => void;
  private readonly ended = new Promise<void>((resolve) => (this.end = resolve));

  constructor(
    private readonly handlers: ProjectorHandlers,
    readonly version: ProjectionVersion,
    private readonly switchIn: () => Promise<boolean>,
    db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    options?: LogConsumerOptions,
  ) {
    super(db, feed, logger, options);
    this.name = version.id;
  }

  /** Whether it has switched in: its work is done. */
  get switched(): boolean {
    return this.finished;
  }

  /** Resolves once it has switched in or stopped. */
  get done(): Promise<void> {
    return this.ended;
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.end();
  }

  protected override checkpointName(): string {
    return this.version.checkpoint;
  }

  protected handles(event: RecordedEvent): boolean {
    return this.handlers.handles(event);
  }

  protected async process(events: RecordedEvent[], through: number): Promise<void> {
    await this.commit(through, async (trx) => {
      await writeInSchema(trx, this.version.schema);
      await this.handlers.apply(trx, events);
      crashPoint('projector-batch', this.name);
    });
  }

  protected override async caughtUp(signal: AbortSignal): Promise<boolean> {
    // The switch compares stored checkpoints: store what the loop moved in memory.
    await this.storeCheckpoint();
    while (!signal.aborted) {
      if (await this.switchIn()) {
        this.finished = true;
        this.end();
        this.logger.info({ projection: this.version.projection, version: this.version.id }, 'projection version switched in');
        return true;
      }
      // Behind again: process what came first; the next catch-up tries again.
      if (this.feed.position > this.position) return false;
      await delay(SWITCH_RETRY_MS, signal);
    }
    return false;
  }
}
