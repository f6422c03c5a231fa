import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { delay } from '../delay.js';
import type { EventFeed } from '../event-feed.js';
import type { EventStoreTables } from '../event-store-tables.js';
import type { RecordedEvent } from '../recorded-event.js';
import { resetCheckpoint } from './checkpoints.js';
import { crashPoint } from './crash-point.js';
import { LogConsumer, type LogConsumerOptions } from './log-consumer.js';
import { ProjectionBuilder } from './projection-builder.js';
import { switchToVersion } from './projection-switch.js';
import { type ProjectionVersion, ProjectionVersions } from './projection-versions.js';
import type { Projector } from './projector.js';
import { ProjectorHandlers } from './projector-handlers.js';
import { LIVE_SCHEMA, createVersionTables } from './version-tables.js';

const DEFAULT_VERSION_POLL_MS = 1_000;

/**
 * Runs a projector: each batch of events and the new checkpoint commit in one transaction, so a
 * crash neither loses an event nor applies one twice. Event types it has no handler for are
 * skipped and still move the checkpoint.
 *
 * It keeps the live version of the projection's tables (`projection_versions`), when that version
 * was written by its code version; and, on the instance that leads it, builds a version asked for
 * (a rebuild, or a code version newer than the live one's) beside it, which switches in once it
 * has caught up (docs/projections.md). Every instance reads the versions every `versionPollMs`, so
 * a rebuild asked of any instance reaches the leader, and a switch made by another reaches everyone.
 */
export class ProjectorRuntime extends LogConsumer {
  readonly kind = 'projector' as const;
  readonly name: string;
  readonly codeVersion: number;
  private readonly handlers: ProjectorHandlers;
  private readonly versions: ProjectionVersions;
  private readonly versionPollMs: number;
  private live: ProjectionVersion | undefined;
  private builder: ProjectionBuilder | undefined;
  private leading = false;
  private active = false;
  private supervision: { abort: AbortController; done: Promise<void> } | undefined;
  private reconciling: Promise<void> = Promise.resolve();

  constructor(
    private readonly projector: Projector,
    db: Kysely<EventStoreTables>,
    feed: EventFeed,
    logger: Logger,
    private readonly options?: LogConsumerOptions,
  ) {
    super(db, feed, logger, options);
    this.name = projector.name;
    this.codeVersion = projector.version ?? 1;
    this.handlers = new ProjectorHandlers(projector);
    this.versions = new ProjectionVersions(db);
    this.versionPollMs = options?.versionPollMs ?? DEFAULT_VERSION_POLL_MS;
  }

  /** Instances running different code versions lead them separately: each builds and keeps its own. */
  override get lockName(): string {
    return this.codeVersion === 1 ? this.name : `${this.name}@v${this.codeVersion}`;
  }

  protected override checkpointName(): string {
    return this.live?.checkpoint ?? this.name;
  }

  private get blueGreen(): boolean {
    return (this.projector.tables?.length ?? 0) > 0;
  }

  protected handles(event: RecordedEvent): boolean {
    return this.handlers.handles(event);
  }

  protected async process(events: RecordedEvent[], through: number): Promise<void> {
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
    await this.reconcile();
    this.supervise();
  }

  /** Another instance leads it: follow the live version's checkpoint. */
  override async standby(): Promise<void> {
    this.active = true;
    this.leading = false;
    await this.reconcile();
    this.supervise();
  }

  override async stop(): Promise<void> {
    const supervision = this.supervision;
    this.supervision = undefined;
    supervision?.abort.abort();
    await supervision?.done;
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

  /** Brings this instance in line with `projection_versions`: which checkpoint to follow, whether to write it, what to build. */
  private async reconcileNow(): Promise<void> {
    if (!this.active) return;
    let live = await this.versions.live(this.name, this.codeVersion);
    let building = this.leading ? await this.versions.building(this.name) : undefined;
    if (this.leading && live.codeVersion < this.codeVersion && (!building || building.codeVersion < this.codeVersion)) {
      building = await this.versions.requestBuild(this.name, this.codeVersion, { inPlace: !this.blueGreen });
    }
    const build = this.leading && building?.codeVersion === this.codeVersion ? building : undefined;

    if (build && build.schema === LIVE_SCHEMA) {
      await this.rebuildInPlace(live, build);
      live = build;
    } else if (this.builder && this.builder.version.id !== build?.id) {
      await this.stopBuilder();
    }

    if (live.checkpoint !== this.live?.checkpoint) {
      // A switch: follow the new version's checkpoint, keeping callers that wait for a position waiting.
      await this.restart(async () => {
        this.live = live;
      });
    }
    this.live = live;
    if (this.leading && live.codeVersion === this.codeVersion) await super.start();
    else await super.standby();

    if (build && build.schema !== LIVE_SCHEMA && !this.builder) await this.startBuilder(build);
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
    this.live = build;
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
