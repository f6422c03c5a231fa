import type { Kysely } from 'kysely';
import type { CommandRouter, RuntimeRegistry } from '../es/index.js';
import type { HttpRoute } from '../server/http-route.js';

/** What a domain slice plugs into the engine: its commands, projectors, handlers and process managers, and its HTTP routes. */
export interface DomainModule {
  name: string;
  register(engine: { router: CommandRouter; runtimes: RuntimeRegistry; db: Kysely<any> }): void;
  /** Plain HTTP endpoints the slice serves beside GraphQL (a webhook, a page). */
  routes?: readonly HttpRoute[];
}
