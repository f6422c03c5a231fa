import type { Kysely } from 'kysely';
import type { EventStoreTables } from './event-store-tables.js';
import { type BatchResult, BatchWriter, writeBatch } from './write-batch.js';
import type { WriteOutcome, WriteRequest } from './write-request.js';

interface Pending {
  request: WriteRequest;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for appends. Writers are serialised by the head lock anyway, so batching is what
 * lets throughput grow with concurrency instead of being one commit per event.
 *
 * A batch's transaction begins and waits for the head lock first, and only then takes every request
 * pending at that moment: whatever arrived while the previous batch was writing and committing goes
 * together. As soon as a batch has taken its requests, the next one begins (when more requests are
 * waiting, or the batch had several so more are likely) and queues for the lock inside PostgreSQL,
 * so the lock passes from batch to batch without a client round trip in between. At most two
 * transactions per process, then: one holding the lock, one waiting for it (plus, after a failed
 * batch, its requests written one by one). A batch takes its requests after every earlier batch of
 * the process committed, so a process's requests get positions in the order they were made.
 */
export class AppendQueue {
  private pending: Pending[] = [];
  /** A batch has begun but not yet taken its requests (it is beginning or waiting for the head lock). */
  private collecting = false;
  /** Settles once the latest batch's transaction ended and its callers have their outcomes. */
  private lastBatch: Promise<void> = Promise.resolve();
  private readonly writer: BatchWriter;

  constructor(
    private readonly db: Kysely<EventStoreTables>,
    private readonly notifyChannel: string,
    private readonly onCommitted: (head: number) => void,
    private readonly maxEventsPerBatch = 1_000,
  ) {
    this.writer = new BatchWriter(db, notifyChannel);
  }

  write(request: WriteRequest): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (!this.collecting) this.startBatch();
    });
  }

  private startBatch(): void {
    this.collecting = true;
    const previous = this.lastBatch;
    let settled!: () => void;
    this.lastBatch = new Promise<void>((resolve) => (settled = resolve));
    void this.writeBatch(previous).finally(settled);
  }

  /** Called once the batch holds the head lock: what goes in it is decided now. */
  private collect(): Pending[] {
    const batch = this.takeBatch();
    this.collecting = false;
    // More are waiting, or this process is busy (several requests at once) and more are likely on
    // their way: the next batch begins now and queues for the lock behind this one.
    if (this.pending.length > 0 || batch.length > 1) this.startBatch();
    return batch;
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

  /** Writes the next batch; resolves once its callers have their outcomes, before any one-by-one retry. */
  private async writeBatch(previous: Promise<void>): Promise<void> {
    let batch: Pending[] | undefined;
    let written: BatchResult | undefined;
    try {
      written = await this.writer.write(async () => {
        // Begun early and found nothing yet: the previous batch has committed (we hold the lock),
        // and its callers are about to send their next requests. Let them, then take them.
        if (this.pending.length === 0) {
          await previous;
          await new Promise((resolve) => setImmediate(resolve));
        }
        batch = this.collect();
        return batch.map((entry) => entry.request);
      });
    } catch (error) {
      // Failed before taking its requests (no connection, say): they fail, or not, on their own below.
      void this.retryAlone(batch ?? this.collect(), error);
      return;
    }
    if (!written) return;
    try {
      this.onCommitted(written.head);
    } catch {
      // A listener's failure is not the append's: the batch is committed.
    }
    written.outcomes.forEach((outcome, index) => batch![index]!.resolve(outcome));
  }

  /**
   * A failed transaction (say, one event the database refuses) must fail only its own request:
   * write each one alone so the others still land. Not awaited by the batch, so that a next batch
   * holding the lock never waits for these, which need it too.
   */
  private async retryAlone(batch: Pending[], error: unknown): Promise<void> {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    for (const entry of batch) await this.writeAlone(entry);
  }

  private async writeAlone(entry: Pending): Promise<void> {
    try {
      const { outcomes, head } = await this.db
        .transaction()
        .execute((trx) => writeBatch(trx, [entry.request], this.notifyChannel));
      entry.resolve(outcomes[0]!);
      this.onCommitted(head);
    } catch (error) {
      entry.reject(error);
    }
  }
}
