import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { delay } from '../delay.js';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { resetCheckpoint } from './checkpoints.js';
import { crashPoint } from './crash-point.js';
import { LogConsumer, type LogConsumerOptions } from './log-consumer.js';
import { isLockHeld } from './held-locks.js';
import { ProjectionBuilder } from './projection-builder.js';
import { dropKeptVersion } from './projection-kept-version.js';
import type { ProjectionReadSchemas } from './projection-read-schemas.js';
import { switchToVersion } from './projection-switch.js';
import type { ProjectionVersionNotices } from './projection-version-notices.js';
import { type ProjectionVersion, ProjectionVersions } from './projection-versions.js';
import { type Projector, projectorLockName } from './projector.js';
import { ProjectorHandlers } from './projector-handlers.js';
import { LIVE_SCHEMA, createVersionTables, writeInSchema } from './version-tables.js';

const DEFAULT_VERSION_POLL_MS = 1_000;
const DEFAULT_KEPT_VERSION_GRACE_MS = 60_000;

export interface ProjectorRuntimeOptions extends LogConsumerOptions {
  /**
   * How long no instance may lead an older code version of a projector (its lock free) before the
   * tables kept for that code version are dropped; longer than a standby takes to take over.
   */
  keptVersionGraceMs?: number;
}

/** What the instance shares among its projector runtimes. */
export interface ProjectorRuntimeServices {
  /** Announced version changes: a rebuild asked of another instance, a switch it made, wake this one at once. */
  notices?: ProjectionVersionNotices;
  /** Where this instance's reads of each projection's tables go: kept up to date with the version this runtime keeps. */
  readSchemas?: ProjectionReadSchemas;
}

/**
 * Runs a projector: each batch of events and the new checkpoint commit in one transaction, so a
 * crash neither loses an event nor applies one twice. Event types it has no handler for are
 * skipped and still move the checkpoint.
 *
 * It keeps the live version of the projection's tables (`projection_versions`), when that version
 * was written by its code version; and, on the instance that leads it, builds a version asked for
 * (a rebuild, or a code version newer than the live one's) beside it, which switches in once it
 * has caught up (docs/projections.md). Every instance reads the versions when a change is announced
 * (NOTIFY) and every `versionPollMs`, so a rebuild asked of any instance reaches the leader, and a
 * switch made by another reaches everyone.
 *
 * Once a newer code version's tables are live, an instance of older code keeps the version its code
 * wrote, kept in a schema of its own, and reads it (`ProjectionReadSchemas`); the leader of the live
 * version drops the kept tables once no instance of their code has led them for `keptVersionGraceMs`.
 */
export class ProjectorRuntime extends LogConsumer {
  readonly kind = 'projector' as const;
  readonly name: string;
  readonly codeVersion: number;
  private readonly handlers: ProjectorHandlers;
  private readonly versions: ProjectionVersions;
  private readonly versionPollMs: number;
  /** The version this instance keeps (leading) or follows, and reads: the live one, or its code version's kept one. */
  private own: ProjectionVersion | undefined;
  private builder: ProjectionBuilder | undefined;
  private readonly keptVersionGraceMs: number;
  /** Since when each kept version's code version has been seen led by no instance. */
  private readonly unledSince = new Map<string, number>();
  private unsubscribe: (() => Promise<void>) | undefined;
  private leading = false;
  private active = false;
  private supervision: { abort: AbortController; done: Promise<void> } | undefined;
  private reconciling: Promise<void> = Promise.resolve();

  constructor(
    private readonly projector: Projector,
    db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    private readonly options?: ProjectorRuntimeOptions,
    private readonly services: ProjectorRuntimeServices = {},
  ) {
    super(db, feed, logger, options);
    this.name = projector.name;
    this.codeVersion = projector.version ?? 1;
    this.handlers = new ProjectorHandlers(projector);
    this.versions = new ProjectionVersions(db);
    this.versionPollMs = options?.versionPollMs ?? DEFAULT_VERSION_POLL_MS;
    this.keptVersionGraceMs = options?.keptVersionGraceMs ?? DEFAULT_KEPT_VERSION_GRACE_MS;
  }

  /** Instances running different code versions lead them separately: each builds and keeps its own. */
  override get lockName(): string {
    return projectorLockName(this.name, this.codeVersion);
  }

  protected override checkpointName(): string {
    return this.own?.checkpoint ?? this.name;
  }

  private get blueGreen(): boolean {
    return (this.projector.tables?.length ?? 0) > 0;
  }

  protected handles(event: RecordedEvent): boolean {
    return this.handlers.handles(event);
  }

  protected async process(events: RecordedEvent[], through: number): Promise<void> {
    const schema = this.own?.schema ?? LIVE_SCHEMA;
    if (schema !== LIVE_SCHEMA) {
      // A kept version: one statement cannot set its own search path, so its writes run in a transaction.
      await this.commit(through, async (trx) => {
        await writeInSchema(trx, schema);
        await this.handlers.apply(trx, events);
        crashPoint('projector-batch', this.name);
      });
      return;
    }
    const statement = this.handlers.oneStatement(events);
    if (statement) {
      // Nothing is written before the statement commits, so this is the last moment before the batch's writes commit.
      crashPoint('projector-batch', this.name);
      await this.commitInOneStatement(through, statement);
      return;
    }
    await this.commit(through, async (trx) => {
      await this.handlers.apply(trx, events);
      crashPoint('projector-batch', this.name);
    });
  }

  /** This instance leads the projector (for its code version). */
  override async start(): Promise<void> {
    this.active = true;
    this.leading = true;
    await this.listen();
    await this.reconcile();
    this.supervise();
  }

  /** Another instance leads it: follow the live version's checkpoint. */
  override async standby(): Promise<void> {
    const deposed = this.leading;
    this.active = true;
    this.leading = false;
    // Deposed: the batch loop stops now, not once a check of the versions held up by the database
    // (a partition) returns, by which time another instance leads and the loop could still commit.
    if (deposed) await super.standby();
    await this.listen();
    await this.reconcile();
    this.supervise();
  }

  override async stop(): Promise<void> {
    const supervision = this.supervision;
    this.supervision = undefined;
    supervision?.abort.abort();
    await supervision?.done;
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.();
    this.active = false;
    this.leading = false;
    await this.reconciling;
    await this.stopBuilder();
    await super.stop();
  }

  /**
   * Asks for a new version of the tables, built beside the live ones by whichever instance leads
   * the projector, and answers with its id (the one already being built, if there is one). A
   * projector that names no tables is rebuilt in place instead: emptied, then replayed.
   */
  async rebuild(): Promise<string> {
    // Asked of an instance running older code: the version is for the live code, whose leader builds it.
    const live = await this.versions.live(this.name, this.codeVersion);
    const codeVersion = Math.max(live.codeVersion, this.codeVersion);
    const version = await this.versions.requestBuild(this.name, codeVersion, { inPlace: !this.blueGreen });
    if (this.leading) await this.reconcile();
    return version.id;
  }

  /** Resolves once no version of this code is being built here (it switched in, or this instance stopped building it). */
  async built(): Promise<void> {
    await this.reconciling;
    while (this.builder) {
      await this.builder.done;
      await this.reconciling;
    }
  }

  private async listen(): Promise<void> {
    if (this.unsubscribe || !this.services.notices) return;
    this.unsubscribe = await this.services.notices.subscribe(this.name, () => void this.reconcile());
  }

  private supervise(): void {
    if (this.supervision) return;
    const abort = new AbortController();
    const done = (async () => {
      while (!abort.signal.aborted) {
        await delay(this.versionPollMs, abort.signal);
        if (!abort.signal.aborted) await this.reconcile();
      }
    })();
    this.supervision = { abort, done };
  }

  /** One at a time, whoever asks (start, standby, the poll, a rebuild, a switch). */
  private reconcile(): Promise<void> {
    this.reconciling = this.reconciling
      .then(() => this.reconcileNow())
      .catch(async (error: unknown) => {
        this.logger.warn({ err: error, runtime: this.name }, 'could not read the projection versions; trying again');
        // Leadership lost while the database is away (a restart, a partition) ends at once, not at the next good poll.
        if (this.active && !this.leading) await super.standby();
      });
    return this.reconciling;
  }

  /**
   * Brings this instance in line with `projection_versions`: which version to follow and read
   * (the live one, or the one kept for its code version), whether to write it, what to build,
   * which kept tables to drop.
   */
  private async reconcileNow(): Promise<void> {
    if (!this.active) return;
    // One read: live and building seen apart could straddle a switch, and ask for a version already live.
    const current = await this.versions.current(this.name, this.codeVersion);
    let { live, building } = current;
    const { kept } = current;
    let own = live.codeVersion > this.codeVersion ? (kept.find((version) => version.codeVersion === this.codeVersion) ?? live) : live;
    if (this.leading && live.codeVersion < this.codeVersion && (!building || building.codeVersion < this.codeVersion)) {
      building = await this.versions.requestBuild(this.name, this.codeVersion, { inPlace: !this.blueGreen });
    }
    const build = this.leading && building?.codeVersion === this.codeVersion ? building : undefined;

    if (build && build.schema === LIVE_SCHEMA) {
      await this.rebuildInPlace(live, build);
      live = own = build;
    } else if (this.builder && this.builder.version.id !== build?.id) {
      await this.stopBuilder();
    }

    if (own.checkpoint !== this.own?.checkpoint) {
      // A switch: follow the new version's checkpoint, keeping callers that wait for a position waiting.
      await this.restart(async () => this.keep(own));
    }
    this.keep(own);
    if (this.leading && own.codeVersion === this.codeVersion) await super.start();
    else await super.standby();

    if (build && build.schema !== LIVE_SCHEMA && !this.builder) await this.startBuilder(build);
    if (this.leading && own === live && live.codeVersion === this.codeVersion) await this.dropUnledKept(kept);
  }

  /** From now on, this instance writes (leading) or follows `version`, and reads its tables. */
  private keep(version: ProjectionVersion): void {
    this.own = version;
    this.services.readSchemas?.read(this.projector.tables ?? [], version.schema);
  }

  /** Drops the tables kept for an older code version once no instance has led it for the grace period. */
  private async dropUnledKept(kept: readonly ProjectionVersion[]): Promise<void> {
    const now = Date.now();
    for (const version of kept) {
      if (await isLockHeld(this.db, projectorLockName(this.name, version.codeVersion))) {
        this.unledSince.delete(version.id);
        continue;
      }
      const since = this.unledSince.get(version.id) ?? now;
      this.unledSince.set(version.id, since);
      if (now - since < this.keptVersionGraceMs) continue;
      if (await dropKeptVersion(this.db, version)) {
        this.logger.info({ projection: this.name, version: version.id }, 'dropped the tables kept for an older code version');
      }
      this.unledSince.delete(version.id);
    }
  }

  private async startBuilder(version: ProjectionVersion): Promise<void> {
    await createVersionTables(this.db, version.schema, this.projector.tables ?? []);
    const builder = new ProjectionBuilder(
      this.handlers,
      version,
      async () => {
        const live = await this.versions.live(this.name, this.codeVersion);
        const switched = await switchToVersion(this.db, this.projector.tables ?? [], live, version);
        if (switched) void this.reconcile();
        return switched;
      },
      this.db,
      this.feed,
      this.logger,
      this.options,
    );
    this.builder = builder;
    this.logger.info({ projection: this.name, version: version.id }, 'building a projection version');
    await builder.start();
  }

  private async stopBuilder(): Promise<void> {
    const builder = this.builder;
    this.builder = undefined;
    await builder?.stop();
  }

  /** For a projector that names no tables: the old way, emptied and replayed where it is. */
  private async rebuildInPlace(live: ProjectionVersion, build: ProjectionVersion): Promise<void> {
    await this.db.transaction().execute((trx) => ProjectionVersions.promote(trx, live, build));
    this.keep(build);
    await super.start();
    await this.restart(
      () =>
        this.db.transaction().execute(async (trx) => {
          // The checkpoint row first: a batch another instance is committing finishes before the reset.
          await resetCheckpoint(trx, build.checkpoint, 0);
          await this.projector.reset(trx);
        }),
      { rebuildingUntil: this.feed.position },
    );
  }
}
