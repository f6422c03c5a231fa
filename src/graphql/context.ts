import type { Chronicle } from '../server/chronicle.js';
import type { Database } from '../db/database.js';
import type { Actor } from '../es/index.js';
import type { WrittenPosition } from './consistency/written-position.js';
import type { IdempotentMutation } from './idempotency/idempotent-mutation.js';

/** Per request: the running instance, who is asking, and ids to trace the request through logs and events. */
export interface GraphQLContext {
  app: Chronicle;
  requestId: string;
  /** Who is asking (from the bearer token); undefined for an anonymous request. */
  actor: Actor | undefined;
  /** The request's `Idempotency-Key`, validated; undefined when it sent none. */
  idempotencyKey?: string | undefined;
  /** Set for the resolver of each root mutation field of a request with an idempotency key: its stable ids. */
  mutation?: IdempotentMutation | undefined;
  /**
   * Where this operation's reads go: the primary, or for a query a replica (see `useReadRouting`).
   * Slices read projections through it; everything else (appends, the log, runtimes) uses `app`.
   */
  reads: Database;
  /** The request's `Chronicle-Min-Position`: a query answers from data at or past it. */
  minPosition?: number | undefined;
  /** Where the request's commands' writes reached in the log (absent outside HTTP and WebSocket requests). */
  written?: WrittenPosition | undefined;
  /** The log lines of the commands this operation sent, written into its own line (`useRequestLogging`). */
  commandLog?: Array<Record<string, unknown>> | undefined;
}
