import type { Chronicle } from '../app/chronicle.js';

/** Per request: the running instance, who is asking, and ids to trace the request through logs and events. */
export interface GraphQLContext {
  app: Chronicle;
  requestId: string;
  actor: string | undefined;
}
