import type { Chronicle } from '../app/chronicle.js';
import type { Actor } from '../es/actor.js';

/** Per request: the running instance, who is asking, and ids to trace the request through logs and events. */
export interface GraphQLContext {
  app: Chronicle;
  requestId: string;
  /** Who is asking (from the bearer token); undefined for an anonymous request. */
  actor: Actor | undefined;
}
