import type { Kysely } from 'kysely';
import type { EventRow } from './event-serialiser.js';
import type { RecordedEvent } from './recorded-event.js';
import type { EventStoreTables } from './event-store-tables.js';
import { writableInOneStatement, writeInOneStatement } from './one-statement-write.js';
import { type BatchResult, decideUnwritable, writeBatch } from './write-batch.js';
import type { WriteOutcome, WriteRequest } from './write-request.js';

/**
 * Told after each batch commits: the head after it and, when the batch was written in one
 * statement, the events it wrote, as a read of the log would return them.
 */
export type CommittedListener = (head: number, events?: readonly RecordedEvent[]) => void;

interface Pending {
  request: WriteRequest;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for appends. Writers are serialised by the head lock anyway, so batching is what
 * lets throughput grow with concurrency instead of being one commit per event.
 *
 * One batch at a time per process: a batch takes every request pending when the previous one
 * ended, so a process's requests get positions in the order they were made. A batch of appends
 * (the common case) is written in one statement that takes the head lock and commits
 * (`one-statement-write.ts`): one round trip, and the lock is held only while the database works.
 * An append whose stream that statement found not as expected wrote nothing: a read then tells
 * whether it conflicted or replays one already stored. A batch with links, or whose statement
 * failed, takes the locked path (`write-batch.ts`): lock, read, decide each request, write; if that
 * transaction fails, its requests are written one by one so only the guilty one fails.
 */
export class AppendQueue {
  /** Sent with the notification of each batch written in one statement (see `EventFeed`). */
  readonly writerId = crypto.randomUUID();
  private pending: Pending[] = [];
  private writing = false;

  constructor(
    private readonly db: Kysely<EventStoreTables>,
    private readonly notifyChannel: string,
    /** Given the rows a batch written in one statement wrote; the store reads them as events. */
    private readonly onCommitted: (head: number, rows?: readonly EventRow[]) => void,
    private readonly maxEventsPerBatch = 1_000,
  ) {}

  write(request: WriteRequest): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (!this.writing) void this.writeAll();
    });
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    while (this.pending.length > 0) {
      const batch = this.takeBatch();
      await this.writeBatch(batch);
      // The callers of a busy batch are about to send their next requests: let them join the next one.
      if (batch.length > 1) await new Promise((resolve) => setImmediate(resolve));
    }
    this.writing = false;
  }

  private takeBatch(): Pending[] {
    let events = 0;
    let count = 0;
    for (const { request } of this.pending) {
      const size = request.kind === 'append' ? request.events.length : request.positions.length;
      if (count > 0 && events + size > this.maxEventsPerBatch) break;
      events += size;
      count += 1;
    }
    return this.pending.splice(0, count);
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    const requests = batch.map((entry) => entry.request);
    if (writableInOneStatement(requests)) {
      const written = await writeInOneStatement(this.db, requests, this.notifyChannel, this.writerId).catch(() => undefined);
      // A failure (an event id stored already, a lost connection) is looked at again on the locked path.
      if (written) {
        this.committed(written.head, written.events);
        const stale: Pending[] = [];
        written.outcomes.forEach((outcome, index) => {
          if (outcome === 'stale') stale.push(batch[index]!);
          else batch[index]!.resolve({ ok: true, result: outcome });
        });
        if (stale.length > 0) await this.decideStale(stale);
        return;
      }
    }
    await this.writeLocked(batch);
  }

  /** Appends whose stream was not as they expected: each is a conflict, or the replay of one already written. */
  private async decideStale(stale: Pending[]): Promise<void> {
    const outcomes = await decideUnwritable(
      this.db,
      stale.map((entry) => entry.request),
    ).catch(() => undefined);
    if (!outcomes) return this.writeLocked(stale);
    for (const [index, outcome] of outcomes.entries()) stale[index]!.resolve(outcome);
  }

  private async writeLocked(batch: Pending[]): Promise<void> {
    let written: BatchResult;
    try {
      written = await this.db.transaction().execute((trx) =>
        writeBatch(
          trx,
          batch.map((entry) => entry.request),
          this.notifyChannel,
        ),
      );
    } catch (error) {
      await this.writeOneByOne(batch, error);
      return;
    }
    this.committed(written.head);
    for (const [index, outcome] of written.outcomes.entries()) batch[index]!.resolve(outcome);
  }

  /** A failed transaction (say, one event the database refuses) must fail only its own request. */
  private async writeOneByOne(batch: Pending[], error: unknown): Promise<void> {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    for (const entry of batch) {
      try {
        const { outcomes, head } = await this.db.transaction().execute((trx) => writeBatch(trx, [entry.request], this.notifyChannel));
        this.committed(head);
        entry.resolve(outcomes[0]!);
      } catch (failure) {
        entry.reject(failure);
      }
    }
  }

  private committed(head: number, rows?: EventRow[]): void {
    try {
      this.onCommitted(head, rows);
    } catch {
      // A listener's failure is not the append's: the batch is committed.
    }
  }
}
