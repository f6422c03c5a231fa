import { type Kysely, sql, type Transaction } from 'kysely';
import type { Logger } from 'pino';
import { delay } from '../delay.js';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { crashPoint } from './crash-point.js';
import { LogConsumer, type LogConsumerOptions } from './log-consumer.js';
import type { ProjectionVersion } from './projection-versions.js';
import type { ProjectorHandlers } from './projector-handlers.js';
import { LIVE_SCHEMA } from './version-tables.js';

/** How soon a caught-up builder tries its switch again after a live batch held the checkpoint. */
const SWITCH_RETRY_MS = 20;

/** Events per batch of a build (`LogConsumerOptions.buildBatchSize`): each is one transaction and, for a statement handler, one statement. */
export const BUILD_BATCH_SIZE = 5_000;

type Batch = Awaited<ReturnType<LogConsumer['readBatch']>>;

/**
 * Builds a new version of a projection's tables beside the live ones: replays the log into the
 * version's schema (each batch's transaction resolves table names there first) under its own
 * checkpoint, and once it has the whole log, calls `switchIn`, which puts it live atomically.
 *
 * Nobody waits on a build's progress, so it goes for throughput: large batches, the next batch
 * read (on another connection) while the last one is written, and batches committed without
 * waiting for the disk (see `process`).
 */
export class ProjectionBuilder extends LogConsumer {
  readonly kind = 'projector' as const;
  readonly name: string;
  private finished = false;
  private end!: () => void;
  private readonly ended = new Promise<void>((resolve) => (this.end = resolve));
  /** The batch being read ahead, after `after`. */
  private ahead: { after: number; batch: Promise<Batch> } | undefined;

  constructor(
    private readonly handlers: ProjectorHandlers,
    readonly version: ProjectionVersion,
    private readonly switchIn: () => Promise<boolean>,
    db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    options?: LogConsumerOptions,
  ) {
    super(db, feed, logger, { ...options, batchSize: options?.buildBatchSize ?? BUILD_BATCH_SIZE });
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
    // Its read must not outlive the builder (the database may be closed next).
    await this.ahead?.batch.catch(() => undefined);
    this.ahead = undefined;
    this.end();
  }

  protected override checkpointName(): string {
    return this.version.checkpoint;
  }

  protected handles(event: RecordedEvent): boolean {
    return this.handlers.handles(event);
  }

  /** The batch read ahead if it follows `after` (else a fresh read), and the next one read ahead while this one is written. */
  protected override async readBatch(after: number): Promise<Batch> {
    const ahead = this.ahead;
    this.ahead = undefined;
    // Not the batch wanted (the last one failed, or the checkpoint moved): let it finish, then read afresh.
    if (ahead && ahead.after !== after) await ahead.batch.catch(() => undefined);
    const batch = await (ahead?.after === after ? ahead.batch : super.readBatch(after));
    if (batch.through > after && batch.through < this.feed.position) {
      const next = super.readBatch(batch.through);
      // A failed read ahead fails the loop's next read, which retries it.
      next.catch(() => undefined);
      this.ahead = { after: batch.through, batch: next };
    }
    return batch;
  }

  protected async process(events: RecordedEvent[], through: number): Promise<void> {
    const statement = this.handlers.oneStatement(events);
    if (statement) {
      crashPoint('projector-batch', this.name);
      await this.commitInOneStatement(through, statement, (trx) => this.prepareBatch(trx));
      return;
    }
    await this.commit(through, async (trx) => {
      await this.prepareBatch(trx);
      await this.handlers.apply(trx, events);
      crashPoint('projector-batch', this.name);
    });
  }

  /**
   * The batch's transaction resolves table names in the version's schema first. It commits without
   * waiting for the disk, which loses nothing: a server crash can only lose the last batches together
   * with their checkpoint, which are then built again, and the switch's commit waits for all of them.
   */
  private async prepareBatch(trx: Transaction<EventStoreTables>): Promise<void> {
    await sql`
      select set_config('search_path', format('%I, %I', ${this.version.schema}::text, ${LIVE_SCHEMA}::text), true),
        set_config('synchronous_commit', 'off', true)
    `.execute(trx);
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
