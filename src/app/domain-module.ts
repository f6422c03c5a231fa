import type { Kysely, Migration } from 'kysely';
import { type CommandRouter, engineMigrations, type PersonalDataDeclarations, type RuntimeRegistry, type Upcaster } from '../es/index.js';
import type { HttpRoute } from '../server/http-route.js';

/** What a domain slice plugs into the engine: its commands, projectors, handlers and process managers, its HTTP routes and its tables. */
export interface DomainModule {
  name: string;
  register(engine: { router: CommandRouter; runtimes: RuntimeRegistry; db: Kysely<any> }): void;
  /** Plain HTTP endpoints the slice serves beside GraphQL (a webhook, a page). */
  routes?: readonly HttpRoute[];
  /**
   * The slice's tables, as Kysely migrations by name (`<slice>/migrations/index.ts`). A database keeps
   * them, untouched, when the slice is no longer listed (db/migrate.ts).
   */
  migrations?: Readonly<Record<string, Migration>>;
  /** What brings the slice's older events to their current shape, declared with its events (docs/upcasting.md). */
  upcasters?: readonly Upcaster[];
  /** The personal fields of the slice's events (`definePersonalData`), encrypted by the engine (docs/privacy.md). */
  personalData?: PersonalDataDeclarations;
}

/** `NNNN-<what>`: four digits, then lower-case words joined by hyphens. */
const MIGRATION_NAME = /^\d{4}-[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Every migration the app runs with `modules`: the engine's and each module's, in name order (the
 * order Kysely runs them). Refuses two of one name, and a name that breaks the rule.
 * Naming rule: a new migration, of the engine or of any slice, is `NNNN-<what>` with NNNN one above the highest in use anywhere.
 */
export function migrationsOf(modules: readonly DomainModule[]): Record<string, Migration> {
  const owners = new Map<string, string>();
  const all: [string, Migration][] = [];
  const sources: [string, Readonly<Record<string, Migration>>][] = [
    ['the engine', engineMigrations],
    ...modules.map((module): [string, Readonly<Record<string, Migration>>] => [`the ${module.name} slice`, module.migrations ?? {}]),
  ];
  for (const [owner, migrations] of sources) {
    for (const [name, migration] of Object.entries(migrations)) {
      if (!MIGRATION_NAME.test(name)) throw new Error(`Migration ${name} of ${owner} is not named NNNN-<what>`);
      const other = owners.get(name);
      if (other) throw new Error(`Migration ${name} of ${owner} has the name of one of ${other}`);
      owners.set(name, owner);
      all.push([name, migration]);
    }
  }
  return Object.fromEntries(all.sort(([a], [b]) => (a < b ? -1 : 1)));
}
