import type { Kysely } from 'kysely';
import type { EventStoreTables } from './event-store-tables.js';
import { writeBatch } from './write-batch.js';
import type { WriteOutcome, WriteRequest } from './write-request.js';

interface Pending {
  request: WriteRequest;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for appends: requests that arrive while a batch is being written wait and go
 * together in the next transaction. Writers are serialised by the head lock anyway, so batching
 * is what lets throughput grow with concurrency instead of being one commit per event.
 */
export class AppendQueue {
  private pending: Pending[] = [];
  private writing = false;

  constructor(
    private readonly db: Kysely<EventStoreTables>,
    private readonly notifyChannel: string,
    private readonly onCommitted: (head: number) => void,
    private readonly maxEventsPerBatch = 1_000,
  ) {}

  write(request: WriteRequest): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) await this.writeNext(this.takeBatch());
    } finally {
      this.writing = false;
    }
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

  private async writeNext(batch: Pending[]): Promise<void> {
    try {
      const { outcomes, head } = await this.db
        .transaction()
        .execute((trx) => writeBatch(trx, batch.map((entry) => entry.request), this.notifyChannel));
      this.onCommitted(head);
      outcomes.forEach((outcome, index) => batch[index]!.resolve(outcome));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // A failed transaction (say, one event the database refuses) must fail only its own request:
      // write each one alone so the others still land.
      for (const entry of batch) await this.writeNext([entry]);
    }
  }
}
