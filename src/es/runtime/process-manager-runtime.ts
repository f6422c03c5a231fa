import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DomainEvent } from '../aggregate.js';
import { DomainError } from '../domain-error.js';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import type { LogConsumerOptions } from './log-consumer.js';
import type { ProcessManager } from './process-manager.js';
import { type ReactionContext, type ReactionServices, reactionContext } from './reaction-context.js';
import { type Persist, ReactionRuntime } from './reaction-runtime.js';

/**
 * Runs a process manager: per event, loads the instance's state, dispatches the commands it
 * decides (with ids derived from the event, so a redelivery dispatches nothing twice), then
 * stores the evolved state, or deletes it when the event stops the process, with the checkpoint.
 */
export class ProcessManagerRuntime extends ReactionRuntime {
  readonly kind = 'process-manager' as const;
  readonly name: string;

  constructor(
    private readonly manager: ProcessManager<any, any>,
    private readonly services: ReactionServices,
    db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    options?: LogConsumerOptions,
  ) {
    super(db, feed, logger, manager.errorPolicy, options);
    this.name = manager.name;
  }

  protected handles(event: RecordedEvent): boolean {
    return this.manager.interestedIn(event as never) !== undefined;
  }

  protected async react(event: RecordedEvent): Promise<Persist> {
    const route = this.manager.interestedIn(event as never)!;
    const instanceId = 'start' in route ? route.start : 'continue' in route ? route.continue : route.stop;
    const row = await this.db
      .selectFrom('process_instances')
      .select('state')
      .where('manager', '=', this.name)
      .where('instance_id', '=', instanceId)
      .executeTakeFirst();
    const state = row ? row.state : this.manager.initialState;
    const domainEvent: DomainEvent = { type: event.type, data: event.data };

    const context = reactionContext(this.name, event, this.services);
    // One compensation context per refused command type and event, so that two refused commands of
    // the same type get distinct compensation ids (a fresh context each time would repeat them).
    const compensations = new Map<string, ReactionContext>();
    for (const command of this.manager.handle(state, domainEvent)) {
      try {
        await context.dispatch(command);
      } catch (error) {
        if (!(error instanceof DomainError) || !this.manager.onError) throw error;
        let compensation = compensations.get(command.type);
        if (!compensation) {
          compensation = reactionContext(this.name, event, this.services, `compensate:${command.type}`);
          compensations.set(command.type, compensation);
        }
        for (const next of this.manager.onError(error, command, state)) await compensation.dispatch(next);
      }
    }

    const next = this.manager.apply(state, domainEvent);
    return async (trx) => {
      if ('stop' in route) {
        await trx.deleteFrom('process_instances').where('manager', '=', this.name).where('instance_id', '=', instanceId).execute();
        return;
      }
      await trx
        .insertInto('process_instances')
        .values({ manager: this.name, instance_id: instanceId, state: JSON.stringify(next) })
        .onConflict((conflict) => conflict.columns(['manager', 'instance_id']).doUpdateSet({ state: JSON.stringify(next) }))
        .execute();
    };
  }
}
