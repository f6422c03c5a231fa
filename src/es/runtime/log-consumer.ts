import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { CheckpointMovedError, RETIRED_CHECKPOINT, advanceCheckpoint, advanceCheckpointWith, loadCheckpoint } from './checkpoints.js';
import { runWrites } from './run-writes.js';
import type { RuntimeKind, RuntimeState, RuntimeStatus } from './runtime-status.js';
import { delay } from '../delay.js';

export interface LogConsumerOptions {
  batchSize?: number;
  /**
   * The batch of a projection version being built beside the live one (`ProjectionBuilder`):
   * nobody waits on its progress, so it reads and writes far more events at once.
   */
  buildBatchSize?: number;
  /** Delay after a failed batch, doubling up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How often a standby reads the stored checkpoint while nobody waits on it (25 ms while someone does). */
  standbyPollMs?: number;
  /**
   * A batch with no event this runtime handles moves its checkpoint in memory only; the stored
   * checkpoint follows once this many events are unstored, or `unstoredMs` has passed, or the log
   * has been quiet for `idleStoreMs`, or the runtime stops.
   */
  unstoredEvents?: number;
  unstoredMs?: number;
  idleStoreMs?: number;
  /** How often a projector reads its versions: a rebuild asked of another instance, a switch another instance made. */
  versionPollMs?: number;
}

/** How often a standby reads the stored checkpoint while a `strong` command waits on it. */
const STANDBY_WAIT_POLL_MS = 25;

/**
 * Follows the log from a checkpoint: reads a batch after it, hands it to `process` (which must
 * record the new checkpoint with its own writes), then waits for the feed to move. A failing
 * batch is retried with backoff from the same checkpoint, so nothing is skipped by an error.
 *
 * With several instances on one database, only the leader (see `LeaderElection`) processes; the
 * others are standbys that only follow the stored checkpoint, so that `waitFor` (a `strong`
 * command's read-your-writes) works on every instance.
 *
 * Batches the runtime has nothing to do for are not committed one by one: with many runtimes that
 * would cost every command one transaction per runtime. Their checkpoint is stored later (see
 * `LogConsumerOptions.unstoredEvents`); a crash before that only means reading them again.
 */
export abstract class LogConsumer {
  abstract readonly name: string;
  abstract readonly kind: RuntimeKind;
  /** Processed through here (in memory). */
  protected checkpoint = 0;
  /** The checkpoint as last read or written in the database: what the next compare-and-set expects. */
  private stored = 0;
  private storedAt = 0;
  private state: RuntimeState = 'stopped';
  private lastError: string | undefined;
  private running: Promise<void> | undefined;
  private mode: 'leader' | 'standby' | undefined;
  private nudge: (() => void) | undefined;
  private abort = new AbortController();
  private progress = new Set<() => void>();
  private rebuildingUntil = 0;
  private readonly batchSize: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly standbyPollMs: number;
  private readonly unstoredEvents: number;
  private readonly unstoredMs: number;
  private readonly idleStoreMs: number;

  constructor(
    protected readonly db: Kysely<EventStoreTables>,
    protected readonly feed: EventFeed,
    protected readonly logger: Logger,
    {
      batchSize = 500,
      backoffMs = 100,
      maxBackoffMs = 5_000,
      standbyPollMs = 1_000,
      unstoredEvents = 2_000,
      unstoredMs = 1_000,
      idleStoreMs = 250,
    }: LogConsumerOptions = {},
  ) {
    this.batchSize = batchSize;
    this.backoffMs = backoffMs;
    this.maxBackoffMs = maxBackoffMs;
    this.standbyPollMs = standbyPollMs;
    this.unstoredEvents = unstoredEvents;
    this.unstoredMs = unstoredMs;
    this.idleStoreMs = idleStoreMs;
  }

  /** The row of `checkpoints` this consumer keeps: its name, unless it keeps one version of a projection among several. */
  protected checkpointName(): string {
    return this.name;
  }

  /** The name of the lock whose holder runs this consumer (see `LeaderElection`). */
  get lockName(): string {
    return this.name;
  }

  /**
   * Called each time the consumer has processed the whole log; resolving true ends its loop (a
   * projection version built beside the live one switches in here and is done).
   */
  protected caughtUp(_signal: AbortSignal): Promise<boolean> {
    return Promise.resolve(false);
  }

  /** The next batch after `after`: at most `batchSize` events, and the position it reaches. */
  protected readBatch(after: number): Promise<{ events: RecordedEvent[]; through: number }> {
    return this.feed.read(after, this.batchSize);
  }

  /** Whether the runtime does anything for this event. */
  protected abstract handles(event: RecordedEvent): boolean;
  /**
   * Applies a batch holding at least one handled event. Its writes go through `commit`, which
   * moves the stored checkpoint with them; it ends at `through` (or leaves the rest unstored).
   */
  protected abstract process(events: RecordedEvent[], through: number): Promise<void>;

  /**
   * Runs `writes` and moves the stored checkpoint to `position` in one transaction. The
   * compare-and-set runs first: its row lock fences the batch against another instance applying
   * it too, and a checkpoint moved meanwhile rolls everything back (`CheckpointMovedError`).
   */
  protected async commit(position: number, writes?: (trx: Transaction<EventStoreTables>) => Promise<void>): Promise<void> {
    if (writes) {
      await this.db.transaction().execute(async (trx) => {
        await advanceCheckpoint(trx, this.checkpointName(), this.stored, position);
        await writes(trx);
      });
    } else {
      // One statement is a transaction already.
      await advanceCheckpoint(this.db, this.checkpointName(), this.stored, position);
    }
    this.recordStored(position);
  }

  /**
   * `commit` for writes that fit in one statement, given as its common table expressions: they
   * and the checkpoint's move go as that one statement, fenced the same way (see `advanceCheckpointWith`).
   * `prepare` (the batch's settings, such as a search path, which a statement cannot set for
   * itself) makes it a transaction of two statements, `prepare`'s first.
   */
  protected async commitInOneStatement(
    position: number,
    writes: RawBuilder<unknown>,
    prepare?: (trx: Transaction<EventStoreTables>) => Promise<void>,
  ): Promise<void> {
    if (this.stored === 0) {
      // A runtime's first checkpoint has no row to move yet: that one takes the transaction.
      return this.commit(position, async (trx) => {
        await prepare?.(trx);
        await runWrites(trx, writes);
      });
    }
    const expected = this.stored;
    if (prepare) {
      await this.db.transaction().execute(async (trx) => {
        await prepare(trx);
        await advanceCheckpointWith(trx, this.checkpointName(), expected, position, writes);
      });
    } else {
      await advanceCheckpointWith(this.db, this.checkpointName(), expected, position, writes);
    }
    this.recordStored(position);
  }

  private recordStored(position: number): void {
    this.stored = position;
    this.storedAt = Date.now();
    if (position > this.checkpoint) this.checkpoint = position;
  }

  private async reloadCheckpoint(): Promise<number> {
    const position = await loadCheckpoint(this.db, this.checkpointName());
    this.stored = position;
    this.storedAt = Date.now();
    return position;
  }

  /** Stores a checkpoint moved in memory only, if there is one. */
  protected async storeCheckpoint(): Promise<void> {
    if (this.checkpoint > this.stored) await this.commit(this.checkpoint);
  }

  /** Processes the log from the stored checkpoint (this instance leads). */
  async start(): Promise<void> {
    if (this.mode === 'leader') return;
    await this.halt();
    this.mode = 'leader';
    this.state = 'starting';
    const abort = new AbortController();
    this.abort = abort;
    // Loaded here when the database answers, so the status is right at once; otherwise by the loop, with retries.
    const stored = await this.reloadCheckpoint().catch(() => undefined);
    // Stood by or stopped meanwhile: no loop for this start (nor on the standby's abort signal).
    if (this.abort !== abort || abort.signal.aborted) return;
    const loaded = stored !== undefined && stored < RETIRED_CHECKPOINT;
    if (loaded) this.checkpoint = stored;
    this.running = this.run(abort.signal, !loaded);
  }

  /** Processes nothing, only follows the checkpoint the leader stores (another instance leads). */
  async standby(): Promise<void> {
    if (this.mode === 'standby') return;
    await this.halt();
    this.mode = 'standby';
    this.state = 'standby';
    this.lastError = undefined;
    this.abort = new AbortController();
    this.running = this.watch(this.abort.signal);
  }

  async stop(): Promise<void> {
    const leading = this.mode === 'leader';
    await this.halt();
    if (leading) {
      await this.storeCheckpoint().catch((error: unknown) => {
        // Only costs reading those events again on the next start.
        this.logger.warn({ err: error, runtime: this.name }, 'could not store the checkpoint on stop');
      });
    }
    this.mode = undefined;
    this.state = 'stopped';
    this.wake();
  }

  private async halt(): Promise<void> {
    this.abort.abort();
    await this.running;
    this.running = undefined;
  }

  status(head: number): RuntimeStatus {
    const state = this.state === 'catching-up' && this.checkpoint < this.rebuildingUntil ? 'rebuilding' : this.state;
    return {
      name: this.name,
      kind: this.kind,
      checkpoint: this.checkpoint,
      head,
      lag: Math.max(0, head - this.checkpoint),
      state,
      error: this.lastError,
    };
  }

  get position(): number {
    return this.checkpoint;
  }

  /**
   * Resolves once the checkpoint is at or past `position`, or the consumer stops, or `timeoutMs`
   * passes (a plain timer: cheaper than a timeout signal per command).
   */
  waitFor(position: number, timeoutMs?: number): Promise<void> {
    if (this.checkpoint >= position || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const check = () => {
        if (this.checkpoint >= position || !this.running) finish();
      };
      const finish = () => {
        this.progress.delete(check);
        clearTimeout(timer);
        resolve();
      };
      this.progress.add(check);
      if (timeoutMs !== undefined) timer = setTimeout(finish, timeoutMs);
      // A standby reads the stored checkpoint more often while someone waits on it.
      this.nudge?.();
    });
  }

  /**
   * Stops the loop, runs `between` (say, emptying the read tables), then follows the log again
   * from the stored checkpoint. Unlike stop/start, callers waiting for a position keep waiting
   * until the restarted loop reaches it: a strong command issued during a rebuild reads the rebuilt data.
   */
  protected async restart(between: () => Promise<void>, { rebuildingUntil = 0 } = {}): Promise<void> {
    const mode = this.mode;
    this.abort.abort();
    await this.running;
    await between();
    this.rebuildingUntil = rebuildingUntil;
    this.checkpoint = await this.reloadCheckpoint();
    if (!mode) return;
    this.abort = new AbortController();
    this.running = mode === 'leader' ? this.run(this.abort.signal) : this.watch(this.abort.signal);
  }

  private async run(signal: AbortSignal, reload = false): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (reload) {
          const stored = await this.reloadCheckpoint();
          if (stored >= RETIRED_CHECKPOINT) {
            // Its projection version was switched out: nothing more to write here until it is restarted on the live one.
            this.state = 'standby';
            await delay(this.standbyPollMs, signal);
            continue;
          }
          this.checkpoint = stored;
          reload = false;
          this.wake();
        }
        const { events, through } = await this.readBatch(this.checkpoint);
        if (through === this.checkpoint) {
          this.state = 'live';
          if (await this.caughtUp(signal)) break;
          await this.idle(signal);
          continue;
        }
        // A live consumer stays live through small batches; far behind, or coming back, it is catching up.
        this.state = this.state === 'live' && this.feed.position - through <= this.batchSize ? 'live' : 'catching-up';
        if (events.some((event) => this.handles(event))) {
          await this.process(events, through);
        } else if (this.storeDue(through)) {
          await this.commit(through);
        }
        this.checkpoint = through;
        this.lastError = undefined;
        failures = 0;
        this.wake();
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof CheckpointMovedError) {
          // Another instance got there first (a brief split brain) or a rebuild reset it: go on from the stored one.
          this.logger.warn({ runtime: this.name, checkpoint: this.checkpoint }, 'checkpoint moved by another instance; reloading');
          reload = true;
          continue;
        }
        failures += 1;
        this.state = 'failed';
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.error({ err: error, runtime: this.name, checkpoint: this.checkpoint }, 'runtime batch failed; retrying');
        await delay(Math.min(this.backoffMs * 2 ** (failures - 1), this.maxBackoffMs), signal);
      }
    }
  }

  /**
   * Waits, caught up, for the log to grow. Batches with no event this runtime handles move its
   * checkpoint in memory right where the feed reads them, without a turn of the loop (with many
   * runtimes, most batches are nothing to most of them). The wait ends for a batch it handles, or
   * one after which the checkpoint is due to be stored, or when the log has been quiet for
   * `idleStoreMs` (then it stores the checkpoint).
   */
  private async idle(signal: AbortSignal): Promise<void> {
    // Ahead of this process's feed (a checkpoint another instance stored): wait for the feed to pass it.
    if (this.feed.position < this.checkpoint) return this.feed.waitFor(this.checkpoint + 1, signal);
    if (this.feed.position > this.checkpoint) return;
    let quiet = false;
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      // One timer, pushed back by each batch: the quiet period starts at the last one.
      const restartQuietTimer = () => {
        if (timer) timer.refresh();
        else
          timer = setTimeout(() => {
            quiet = true;
            done();
          }, this.idleStoreMs);
      };
      if (this.checkpoint > this.stored) restartQuietTimer();
      const untap = this.feed.tap((events, from) => {
        const through = events.at(-1)!.position;
        // A batch to process, or one to store (by the loop, before anyone sees it as processed).
        if (from !== this.checkpoint || this.storeDue(through) || events.some((event) => this.handles(event))) return done();
        this.checkpoint = through;
        this.wake();
        restartQuietTimer();
      });
      function done() {
        untap();
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
      // Aborted while the loop was reading: no abort event is coming.
      if (signal.aborted) done();
    });
    if (quiet && !signal.aborted) await this.storeCheckpoint();
  }

  /** Whether a checkpoint moved to `through` would have been unstored long enough to be stored. */
  private storeDue(through: number): boolean {
    return through - this.stored >= this.unstoredEvents || Date.now() - this.storedAt >= this.unstoredMs;
  }

  /** The standby loop: keeps `checkpoint` at the stored one, so waiters on this instance see the leader's progress. */
  private async watch(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const stored = await this.reloadCheckpoint();
        if (stored !== this.checkpoint && stored < RETIRED_CHECKPOINT) {
          this.checkpoint = stored;
          this.wake();
        }
      } catch {
        // The database is away; the next round reads again.
      }
      const woken = new AbortController();
      this.nudge = () => woken.abort();
      await delay(this.progress.size > 0 ? STANDBY_WAIT_POLL_MS : this.standbyPollMs, AbortSignal.any([signal, woken.signal]));
      this.nudge = undefined;
    }
  }

  private wake(): void {
    if (this.progress.size === 0) return;
    for (const check of [...this.progress]) check();
  }
}
