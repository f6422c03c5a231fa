import type { Kysely } from 'kysely';
import type { CommandRouter } from '../es/command-router.js';
import type { RuntimeRegistry } from '../es/runtime/runtime-registry.js';

/** What a domain slice plugs into the engine: its commands, projectors, handlers and process managers. */
export interface DomainModule {
  name: string;
  register(engine: { router: CommandRouter; runtimes: RuntimeRegistry; db: Kysely<any> }): void;
}
