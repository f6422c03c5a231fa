import type { Chronicle } from '../server/chronicle.js';
import type { Actor } from '../es/index.js';
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
}
