import type { Kysely } from 'kysely';
import type { CommandRouter, RuntimeRegistry } from '../es/index.js';

/** What a domain slice plugs into the engine: its commands, projectors, handlers and process managers. */
export interface DomainModule {
  name: string;
  register(engine: { router: CommandRouter; runtimes: RuntimeRegistry; db: Kysely<any> }): void;
}
