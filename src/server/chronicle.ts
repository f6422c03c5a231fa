import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { ReadReplicas } from '../db/read-replicas.js';
import type { AggregateRepository, CommandRouter, EventFeed, EventStore, RuntimeRegistry } from '../es/index.js';
import type { ChronicleMetrics } from '../observability/metrics.js';
import type { HttpRoute } from './http-route.js';

/**
 * Everything one running instance is made of, as the layers that serve it see it: the GraphQL
 * context (`ctx.app`), the HTTP routes, health and metrics. The app builds one (`createChronicle`
 * in src/app); it is declared here, below the app, so serving it never imports the app.
 */
export interface Chronicle {
  readonly config: Config;
  readonly database: Database;
  /** The streaming replicas queries may read (`DATABASE_READ_URLS`); undefined: every read goes to `database`. */
  readonly replicas: ReadReplicas | undefined;
  readonly store: EventStore;
  readonly feed: EventFeed;
  readonly router: CommandRouter;
  /** Projectors, event handlers and process managers, with their status, rebuild and wait-for-position. */
  readonly runtimes: RuntimeRegistry;
  readonly logger: Logger;
  /** This instance's Prometheus registry and instruments, served at GET /metrics. */
  readonly metrics: ChronicleMetrics;
  /** The GraphQL schema: the shared types and every listed slice's. */
  readonly schema: GraphQLSchema;
  /** The plain HTTP endpoints of the slices it runs. */
  readonly routes: readonly HttpRoute[];
  /** The aggregate state cache (cleared by benchmarks and tests of cold loads). */
  readonly repository: AggregateRepository;
  /** Stops the runtimes and the feed, then closes the database. */
  stop(): Promise<void>;
}
