import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { LockSession } from './lock-session.js';
import type { CommandRouter } from '../command-router.js';
import type { EventFeed, Notifications } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { EventStore } from '../event-store.js';
import type { EventHandler } from './event-handler.js';
import { EventHandlerRuntime } from './event-handler-runtime.js';
import { LeaderElection } from './leader-election.js';
import type { LogConsumer, LogConsumerOptions } from './log-consumer.js';
import type { ProcessManager } from './process-manager.js';
import { ProcessManagerRuntime } from './process-manager-runtime.js';
import type { Projector } from './projector.js';
import { ProjectorRuntime } from './projector-runtime.js';
import { ProjectionReadSchemas } from './projection-read-schemas.js';
import { ProjectionVersionNotices } from './projection-version-notices.js';
import { type ProjectionVersionProgress, projectionVersionProgress } from './projection-version-progress.js';
import type { ReactionServices } from './reaction-context.js';
import type { ReactionRuntime } from './reaction-runtime.js';
import type { RuntimeStatus } from './runtime-status.js';

export interface DeadLetter {
  id: number;
  handler: string;
  position: number;
  eventId: string;
  eventType: string;
  error: string;
  attempts: number;
  failedAt: Date;
}

export class UnknownRuntimeError extends Error {
  override readonly name = 'UnknownRuntimeError';
  constructor(readonly runtime: string) {
    super(`No projector, handler or process manager is named "${runtime}"`);
  }
}

export interface RuntimeRegistryDeps {
  db: Kysely<EventStoreTables>;
  store: EventStore;
  feed: EventFeed;
  router: CommandRouter;
  logger: Logger;
  options?: LogConsumerOptions;
  /** How long a `strong` dispatch waits for the read side before answering anyway. */
  consistencyTimeoutMs?: number;
  /**
   * With several instances on one database: each runtime runs only where its lock is held, and
   * stands by elsewhere. Without it (PGlite, one process), this instance runs every runtime.
   */
  leadership?: { openSession: () => Promise<LockSession>; retryMs?: number };
  /** The database's LISTEN/NOTIFY: a change to a projection's versions reaches every instance at once (they poll otherwise). */
  notifications?: Notifications;
  /** Where this instance reads each projection's tables, for the app's reads (`OwnVersionTablesPlugin`); a new one by default. */
  readSchemas?: ProjectionReadSchemas;
}

/** Something else that runs beside the runtimes, started and stopped with them (a scheduler, say). */
export interface BackgroundService {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Every projector, event handler and process manager of this instance. */
export class RuntimeRegistry {
  private readonly runtimes = new Map<string, LogConsumer>();
  private readonly services: BackgroundService[] = [];
  private started = false;
  private readonly election: LeaderElection | undefined;
  private readonly versionNotices: ProjectionVersionNotices | undefined;
  /** Where this instance reads each projection's tables: its own code version's (see `OwnVersionTablesPlugin`). */
  readonly readSchemas: ProjectionReadSchemas;

  constructor(private readonly deps: RuntimeRegistryDeps) {
    const { leadership, logger } = deps;
    this.versionNotices = deps.notifications && new ProjectionVersionNotices(deps.notifications, logger);
    this.readSchemas = deps.readSchemas ?? new ProjectionReadSchemas();
    this.election =
      leadership &&
      new LeaderElection(
        leadership.openSession,
        () => [...this.runtimes.values()].map((runtime) => runtime.lockName),
        {
          elected: (lock) => this.byLock(lock).start(),
          deposed: (lock) => this.byLock(lock).standby(),
        },
        { logger, ...(leadership.retryMs === undefined ? {} : { retryMs: leadership.retryMs }) },
      );
  }

  addProjector(projector: Projector<any, any>): this {
    const { db, feed, logger, options } = this.deps;
    return this.add(
      new ProjectorRuntime(projector, db, feed, logger, options, {
        readSchemas: this.readSchemas,
        ...(this.versionNotices ? { notices: this.versionNotices } : {}),
      }),
    );
  }

  addEventHandler(handler: EventHandler<any>): this {
    const { db, feed, logger, options } = this.deps;
    return this.add(new EventHandlerRuntime(handler, this.reactionServices(), db, feed, logger, options));
  }

  addProcessManager(manager: ProcessManager<any, any>): this {
    const { db, feed, logger, options } = this.deps;
    return this.add(new ProcessManagerRuntime(manager, this.reactionServices(), db, feed, logger, options));
  }

  /** The instance's logger, for services registered by domain modules. */
  get logger(): Logger {
    return this.deps.logger;
  }

  addService(service: BackgroundService): this {
    this.services.push(service);
    if (this.started) void service.start();
    return this;
  }

  /**
   * Starts every runtime, or, with leadership, stands every runtime by and leads those whose lock
   * it gets; then the services, which run in every instance.
   */
  async start(): Promise<void> {
    this.started = true;
    if (this.election) {
      await Promise.all([...this.runtimes.values()].map((runtime) => runtime.standby()));
      await this.election.start();
    } else {
      await Promise.all([...this.runtimes.values()].map((runtime) => runtime.start()));
    }
    await Promise.all(this.services.map((service) => service.start()));
  }

  /** Stops every runtime, then hands its locks on. */
  async stop(): Promise<void> {
    this.started = false;
    await Promise.all(this.services.map((service) => service.stop()));
    await this.election?.stop();
    await Promise.all([...this.runtimes.values()].map((runtime) => runtime.stop()));
    await this.election?.release();
  }

  names(kind?: RuntimeStatus['kind']): string[] {
    return [...this.runtimes.values()].filter((runtime) => !kind || runtime.kind === kind).map((runtime) => runtime.name);
  }

  /**
   * The position every projector has processed as this instance knows it now (the lowest of their
   * checkpoints): their writes up to it are committed. No database round trip, unlike `status`.
   */
  projectedThrough(): number {
    return Math.min(...[...this.runtimes.values()].filter((runtime) => runtime.kind === 'projector').map((runtime) => runtime.position));
  }

  async status(): Promise<RuntimeStatus[]> {
    const head = await this.deps.store.head();
    return [...this.runtimes.values()].map((runtime) => runtime.status(head));
  }

  /**
   * Asks for a new version of a projector's tables, built beside the live ones by the instance
   * that leads it and switched in once caught up; answers with its id (docs/projections.md).
   */
  async rebuild(name: string): Promise<string> {
    return this.projector(name).rebuild();
  }

  /** A projector's versions, oldest first, each with the position it has reached. */
  async versions(name: string): Promise<ProjectionVersionProgress[]> {
    this.projector(name);
    return projectionVersionProgress(this.deps.db, name, await this.deps.store.head());
  }

  /**
   * Waits until the named projectors (all projectors when none are named) have processed
   * `position`: how a `strong` command reads its own write. Gives up after the timeout so a
   * failing projector slows mutations down rather than hanging them.
   */
  async waitFor(position: number, names: readonly string[] = this.names('projector')): Promise<void> {
    const timeoutMs = this.deps.consistencyTimeoutMs ?? 5_000;
    this.deps.feed.announce(position);
    const runtimes = names.map((name) => this.get(name));
    await Promise.all(runtimes.map((runtime) => runtime.waitFor(position, timeoutMs)));
    const behind = runtimes.filter((runtime) => runtime.position < position && runtime.status(position).state !== 'stopped');
    if (behind.length > 0)
      this.deps.logger.warn({ position, names: behind.map((runtime) => runtime.name) }, 'read side did not catch up in time');
  }

  /**
   * Waits until every runtime has processed the whole log, every version this instance builds has
   * switched in, and the log stopped growing: for tests and shutdown.
   */
  async settle(): Promise<void> {
    for (;;) {
      const head = await this.deps.store.head();
      this.deps.feed.poke();
      await Promise.all([...this.runtimes.values()].map((runtime) => runtime instanceof ProjectorRuntime && runtime.built()));
      await Promise.all([...this.runtimes.values()].map((runtime) => runtime.waitFor(head)));
      if ((await this.deps.store.head()) === head) return;
    }
  }

  async deadLetters(handler?: string): Promise<DeadLetter[]> {
    let query = this.deps.db.selectFrom('dead_letters').selectAll().where('retried_at', 'is', null);
    if (handler) query = query.where('handler', '=', handler);
    const rows = await query.orderBy('id').execute();
    return rows.map((row) => ({
      id: row.id,
      handler: row.handler,
      position: row.position,
      eventId: row.event_id,
      eventType: row.event_type,
      error: row.error,
      attempts: row.attempts,
      failedAt: row.failed_at,
    }));
  }

  /** Runs a dead-lettered event through its handler again; on success it leaves the dead-letter list. */
  async retryDeadLetter(id: number): Promise<void> {
    const row = await this.deps.db.selectFrom('dead_letters').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new Error(`No dead letter ${id}`);
    const runtime = this.get(row.handler) as ReactionRuntime;
    const event = await this.deps.store.readEvent(row.event_id);
    if (!event) throw new Error(`Dead letter ${id} names event ${row.event_id}, which is not stored`);
    await runtime.retry(event);
    await this.deps.db.updateTable('dead_letters').set({ retried_at: new Date() }).where('id', '=', id).execute();
  }

  private reactionServices(): ReactionServices {
    const { router, store, db } = this.deps;
    return { router, store, db };
  }

  private projector(name: string): ProjectorRuntime {
    const runtime = this.runtimes.get(name);
    if (!(runtime instanceof ProjectorRuntime)) throw new UnknownRuntimeError(name);
    return runtime;
  }

  private byLock(lock: string): LogConsumer {
    const runtime = [...this.runtimes.values()].find((candidate) => candidate.lockName === lock);
    if (!runtime) throw new UnknownRuntimeError(lock);
    return runtime;
  }

  private get(name: string): LogConsumer {
    const runtime = this.runtimes.get(name);
    if (!runtime) throw new UnknownRuntimeError(name);
    return runtime;
  }

  private add(runtime: LogConsumer): this {
    if (this.runtimes.has(runtime.name)) throw new Error(`A runtime named "${runtime.name}" already exists`);
    this.runtimes.set(runtime.name, runtime);
    if (this.started) void (this.election ? runtime.standby() : runtime.start());
    return this;
  }
}
