import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { connect } from '../db/connect.js';
import { tables, type Database } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';
import { migrateToLatest } from '../db/migrate.js';
import { readingOwnVersions } from '../db/own-version-reads.js';
import { ReadReplicas } from '../db/read-replicas.js';
import { ReplicaReplays } from '../db/replica-replays.js';
import {
  AggregateRepository,
  CommandRouter,
  enrichment,
  EventFeed,
  type EventStoreTables,
  forgetStatesOnErasure,
  type LogConsumerOptions,
  ProjectionReadSchemas,
  RuntimeRegistry,
  strongConsistency,
  uniqueness,
  validation,
} from '../es/index.js';
import { commandTelemetry } from '../observability/command-telemetry.js';
import { MeasuredEventStore } from '../observability/measured-event-store.js';
import { ChronicleMetrics } from '../observability/metrics.js';
import { registerRuntimeGauges } from '../observability/runtime-gauges.js';
import type { Chronicle } from './chronicle.js';
import { type DomainModule, migrationsOf } from './domain-module.js';
import { domains as allDomains } from './domains.js';
import { createLogger } from './logger.js';
import { schema } from './schema.js';

export interface ChronicleOptions {
  /** An open database; otherwise one is opened from the config. */
  database?: Database;
  logger?: Logger;
  domains?: readonly DomainModule[];
  cacheSize?: number;
  runtimeOptions?: LogConsumerOptions;
  /**
   * The log lost events this instance had seen (an asynchronous failover): after it is logged, the
   * server restarts the process (`main.ts`), since what it derived from them is wrong from then on.
   */
  onLogRewound?: (rewound: { seen: number; head: number }) => void;
}

/** Opens (and migrates) the database, wires the engine and every domain slice, and starts the runtimes. */
export async function createChronicle(config: Config, options: ChronicleOptions = {}): Promise<Chronicle> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const opened = options.database ?? (await connect(config));
  const domains = options.domains ?? allDomains;
  await migrateToLatest(opened, migrationsOf(domains));

  // The engine writes through `db`; everything else reads through `database`, its projection tables
  // resolved to this instance's code version's (an old-code instance in a rolling deploy reads its own).
  const readSchemas = new ProjectionReadSchemas();
  const database = readingOwnVersions(opened, readSchemas);
  const db = tables<EventStoreTables>(opened);
  const metrics = new ChronicleMetrics();
  const store = new MeasuredEventStore(db, metrics, { upcasters: domains.flatMap((domain) => domain.upcasters ?? []) });
  for (const domain of domains) if (domain.personalData) store.personalData.declare(domain.personalData);
  const replicas = openReplicas(config, database, readSchemas);
  const feed = new EventFeed(store, database, {
    pollIntervalMs: config.pollIntervalMs,
    isUnavailable: isDatabaseUnavailable,
    onRewound: (rewound) => {
      logger.fatal(rewound, 'the log is behind what this instance has seen: events were lost (an asynchronous failover?); it must restart');
      options.onLogRewound?.(rewound);
    },
    ...(replicas ? { replays: new ReplicaReplays(replicas, store, (by) => metrics.replayReads.inc({ database: by })) } : {}),
  });
  const repository = new AggregateRepository(store, options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize });
  const router = new CommandRouter({
    store,
    db,
    repository,
    middleware: [
      // First, so a strong dispatch waits after the others are done, outside the command's measured time. It
      // waits for the runtimes, which dispatch through this router: it reaches them only once both exist.
      strongConsistency(async (position, projections) => {
        const stop = metrics.consistencyWait.startTimer();
        await runtimes.waitFor(position, projections).finally(stop);
      }),
      commandTelemetry(metrics, logger),
      validation(),
      enrichment(database.db),
      uniqueness(db),
    ],
  });
  const runtimes = new RuntimeRegistry({
    db,
    store,
    feed,
    router,
    logger,
    notifications: database,
    readSchemas,
    ...(options.runtimeOptions ? { options: options.runtimeOptions } : {}),
    // Several instances may share a PostgreSQL database: each runtime runs in the one holding its lock.
    ...(database.openLockSession ? { leadership: { openSession: () => database.openLockSession!(), retryMs: config.leaderRetryMs } } : {}),
  });
  registerRuntimeGauges(metrics, { runtimes, db, logger });

  for (const domain of domains) domain.register({ router, runtimes, db: database.db });

  forgetStatesOnErasure(feed, repository);
  await feed.start();
  await runtimes.start();

  return {
    config,
    database,
    replicas,
    store,
    feed,
    router,
    runtimes,
    schema,
    routes: domains.flatMap((domain) => domain.routes ?? []),
    repository,
    logger,
    metrics,
    async stop() {
      await runtimes.stop();
      await feed.stop();
      await database.close();
      await replicas?.close();
    },
  };
}

/** DATABASE_READ_URLS, for a PostgreSQL primary: PGlite has no replicas. */
function openReplicas(config: Config, database: Database, readSchemas: ProjectionReadSchemas): ReadReplicas | undefined {
  if (config.databaseReadUrls.length === 0) return undefined;
  if (database.dialect !== 'postgres') throw new Error('DATABASE_READ_URLS needs a PostgreSQL primary in DATABASE_URL');
  return ReadReplicas.open(config.databaseReadUrls, {
    poolSize: config.poolSize,
    waitMs: config.replicaWaitMs,
    reading: (replica) => readingOwnVersions(replica, readSchemas),
  });
}
