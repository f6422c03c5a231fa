import type { RawBuilder, Transaction } from 'kysely';
import type { RecordedEvent } from '../recorded-event.js';
import type { BatchHandler, EventHandlerFunction, Projector, StatementHandler } from './projector.js';
import { runWrites } from './run-writes.js';

type Handler = EventHandlerFunction<any, RecordedEvent> | BatchHandler<any, RecordedEvent> | StatementHandler<RecordedEvent>;

/** A projector's handlers applied to a batch of events, in log order: one by one, in runs, or as one statement. */
export class ProjectorHandlers {
  private readonly handlers: Record<string, Handler | undefined>;

  constructor(projector: Projector) {
    this.handlers = projector.handlers as Record<string, Handler | undefined>;
  }

  handles(event: RecordedEvent): boolean {
    return this.handlers[event.type] !== undefined;
  }

  /** The batch's writes as one statement's common table expressions, when every handled event of it has the same statement handler. */
  oneStatement(events: RecordedEvent[]): RawBuilder<unknown> | undefined {
    const handled = events.filter((event) => this.handles(event));
    const handler = this.handlers[handled[0]!.type]!;
    if (typeof handler !== 'function' && 'writes' in handler && handled.every((event) => this.handlers[event.type] === handler)) {
      return handler.writes(handled);
    }
    return undefined;
  }

  async apply(trx: Transaction<any>, events: RecordedEvent[]): Promise<void> {
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
}
