import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { DomainEvent } from '../aggregate.js';
import { DomainError } from '../domain-error.js';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import type { LogConsumerOptions } from './log-consumer.js';
import type { ProcessManager, ProcessRoute } from './process-manager.js';
import { type ReactionContext, type ReactionServices, reactionContext } from './reaction-context.js';
import { type BatchScope, type Persist, ReactionRuntime, writeInOrder } from './reaction-runtime.js';

/** An instance's state as the batch left it so far; `undefined` once stopped (deleted). */
type Instance = { state: unknown } | undefined;

/** An instance's new state (as JSON), or `undefined` for its deletion: what `store` writes at once for a batch. */
type InstanceWrite = NonNullable<Persist> & { instance: { id: string; state: string | undefined } };

/**
 * Runs a process manager: per event, takes the instance's state, dispatches the commands it
 * decides (with ids derived from the event, so a redelivery dispatches nothing twice), then
 * evolves the state. Each instance is a partition: its events run in log order, different
 * instances concurrently. The states of a batch's instances are read at once before it, kept in
 * the batch's scope as they evolve (a second event of an instance sees what the first did), and
 * stored with the batch's checkpoint: the last state of each, or its deletion when it stopped,
 * in one statement each for all the batch's upserts and deletions.
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
    super(db, feed, logger, manager.errorPolicy, manager.concurrency, options);
    this.name = manager.name;
  }

  protected handles(event: RecordedEvent): boolean {
    return this.manager.interestedIn(event as never) !== undefined;
  }

  protected partition(event: RecordedEvent): string {
    return instanceOf(this.manager.interestedIn(event as never)!);
  }

  protected override async prepare(handled: RecordedEvent[], scope: BatchScope): Promise<void> {
    const ids = [...new Set(handled.map((event) => this.partition(event)))];
    if (ids.length === 0) return;
    for (const id of ids) scope.set(id, undefined satisfies Instance);
    const rows = await this.db
      .selectFrom('process_instances')
      .select(['instance_id', 'state'])
      .where('manager', '=', this.name)
      .where('instance_id', 'in', ids)
      .execute();
    for (const row of rows) scope.set(row.instance_id, { state: row.state } satisfies Instance);
  }

  protected async react(event: RecordedEvent, scope: BatchScope): Promise<Persist> {
    const route = this.manager.interestedIn(event as never)!;
    const instanceId = instanceOf(route);
    // A dead letter's retry runs outside any batch, with an empty scope: it reads the stored state.
    const instance = scope.has(instanceId) ? (scope.get(instanceId) as Instance) : await this.load(instanceId);
    const state = instance ? instance.state : this.manager.initialState;
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
    if ('stop' in route) {
      scope.set(instanceId, undefined satisfies Instance);
      return this.instanceWrite(instanceId, undefined);
    }
    // The next event of the instance sees the state as it would have read it back from the table.
    const stored = JSON.stringify(next);
    scope.set(instanceId, { state: JSON.parse(stored) } satisfies Instance);
    return this.instanceWrite(instanceId, stored);
  }

  /** The instances' last states in one upsert and their deletions in one delete; dead letters as they come. */
  protected override async store(trx: Transaction<EventStoreTables>, persists: Persist[]): Promise<void> {
    const last = new Map<string, string | undefined>();
    const others: Persist[] = [];
    for (const persist of persists) {
      if (persist && 'instance' in persist) {
        const { id, state } = (persist as InstanceWrite).instance;
        last.set(id, state);
      } else {
        others.push(persist);
      }
    }
    const upserts = [...last].flatMap(([id, state]) => (state === undefined ? [] : [{ manager: this.name, instance_id: id, state }]));
    const deletions = [...last].flatMap(([id, state]) => (state === undefined ? [id] : []));
    if (deletions.length > 0) {
      await trx.deleteFrom('process_instances').where('manager', '=', this.name).where('instance_id', 'in', deletions).execute();
    }
    if (upserts.length > 0) {
      await trx
        .insertInto('process_instances')
        .values(upserts)
        .onConflict((conflict) => conflict.columns(['manager', 'instance_id']).doUpdateSet((eb) => ({ state: eb.ref('excluded.state') })))
        .execute();
    }
    await writeInOrder(trx, others);
  }

  /** `write` is for a dead letter's retry, outside any batch; a batch goes through `store`. */
  private instanceWrite(instanceId: string, state: string | undefined): InstanceWrite {
    return {
      key: instanceId,
      instance: { id: instanceId, state },
      write: async (trx) => {
        if (state === undefined) {
          await trx.deleteFrom('process_instances').where('manager', '=', this.name).where('instance_id', '=', instanceId).execute();
          return;
        }
        await trx
          .insertInto('process_instances')
          .values({ manager: this.name, instance_id: instanceId, state })
          .onConflict((conflict) => conflict.columns(['manager', 'instance_id']).doUpdateSet({ state }))
          .execute();
      },
    };
  }

  private async load(instanceId: string): Promise<Instance> {
    const row = await this.db
      .selectFrom('process_instances')
      .select('state')
      .where('manager', '=', this.name)
      .where('instance_id', '=', instanceId)
      .executeTakeFirst();
    return row ? { state: row.state } : undefined;
  }
}

function instanceOf(route: ProcessRoute): string {
  return 'start' in route ? route.start : 'continue' in route ? route.continue : route.stop;
}
