import { type BreakingChange, buildSchema, type DangerousChange, findBreakingChanges, findDangerousChanges } from 'graphql';

/**
 * The contract check for clients: which changes from one printed schema to the next break a
 * client (graphql's `findBreakingChanges`), and whether CHANGELOG.md lists each with its migration.
 *
 * The changelog's format, the one this reads: a `## Unreleased` section (up to the next `## `
 * heading) whose bullet lines (`- ` or `* `, continued by indented lines) name what changed by its
 * schema coordinate in backticks, `` `Type.field` ``, and say what clients do about it after
 * `Migration:`. One bullet may name several coordinates and give them one migration. Coordinates
 * (as in the GraphQL schema coordinates proposal):
 *
 * - `Type` for a type removed or changed in kind, an interface no longer implemented, a member
 *   removed from a union (the union's name);
 * - `Type.field` for a field removed or changed in type, a required input field added, and
 *   `Enum.VALUE` for an enum value removed;
 * - `Type.field(arg:)` for an argument removed, changed or newly required;
 * - `@directive` and `@directive(arg:)` for directives.
 *
 * Dangerous changes (a member added to a union, an optional argument added, ...) are reported
 * but need no entry.
 */

export interface SchemaChange {
  type: string;
  description: string;
  /** What the changelog names to cover it: `Type`, `Type.field`, `Type.field(arg:)`, `@directive`... */
  coordinate: string;
}

export interface ChangelogEntry {
  text: string;
  coordinates: Set<string>;
  /** The text after `Migration:`, if the entry has one. */
  migration: string | undefined;
}

export interface CompatibilityReport {
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  /** Breaking changes no Unreleased entry names. */
  unlisted: SchemaChange[];
  /** Breaking changes named only by entries without a migration. */
  withoutMigration: SchemaChange[];
  ok: boolean;
}

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
const pattern = (source: string) => new RegExp(source.replaceAll('NAME', `(${NAME})`));

/**
 * How to read the coordinate out of each kind of change graphql 16 reports: its `type` says which
 * description it wrote (utilities/findBreakingChanges.js), and the names are where it put them.
 * A directive's name comes without its `@`.
 */
const COORDINATES: Readonly<Record<string, [RegExp, (names: string[]) => string]>> = {
  TYPE_REMOVED: [pattern('^(?:Standard scalar )?NAME was removed'), ([type]) => type!],
  TYPE_CHANGED_KIND: [pattern('^NAME changed from'), ([type]) => type!],
  TYPE_REMOVED_FROM_UNION: [pattern('^NAME was removed from union type NAME'), ([, union]) => union!],
  TYPE_ADDED_TO_UNION: [pattern('^NAME was added to union type NAME'), ([, union]) => union!],
  VALUE_REMOVED_FROM_ENUM: [pattern('^NAME was removed from enum type NAME'), ([value, type]) => `${type}.${value}`],
  VALUE_ADDED_TO_ENUM: [pattern('^NAME was added to enum type NAME'), ([value, type]) => `${type}.${value}`],
  REQUIRED_INPUT_FIELD_ADDED: [pattern('^A required field NAME on input type NAME'), ([field, type]) => `${type}.${field}`],
  OPTIONAL_INPUT_FIELD_ADDED: [pattern('^An optional field NAME on input type NAME'), ([field, type]) => `${type}.${field}`],
  IMPLEMENTED_INTERFACE_REMOVED: [pattern('^NAME no longer implements'), ([type]) => type!],
  IMPLEMENTED_INTERFACE_ADDED: [pattern('^NAME added to interfaces implemented by NAME'), ([, type]) => type!],
  FIELD_REMOVED: [pattern('^NAME\\.NAME was removed'), ([type, field]) => `${type}.${field}`],
  FIELD_CHANGED_KIND: [pattern('^NAME\\.NAME changed type'), ([type, field]) => `${type}.${field}`],
  REQUIRED_ARG_ADDED: [pattern('^A required arg NAME on NAME\\.NAME was added'), ([arg, type, field]) => `${type}.${field}(${arg}:)`],
  OPTIONAL_ARG_ADDED: [pattern('^An optional arg NAME on NAME\\.NAME was added'), ([arg, type, field]) => `${type}.${field}(${arg}:)`],
  ARG_REMOVED: [pattern('^NAME\\.NAME arg NAME '), ([type, field, arg]) => `${type}.${field}(${arg}:)`],
  ARG_CHANGED_KIND: [pattern('^NAME\\.NAME arg NAME '), ([type, field, arg]) => `${type}.${field}(${arg}:)`],
  ARG_DEFAULT_VALUE_CHANGE: [pattern('^NAME\\.NAME arg NAME '), ([type, field, arg]) => `${type}.${field}(${arg}:)`],
  DIRECTIVE_REMOVED: [pattern('^NAME was removed'), ([directive]) => `@${directive}`],
  DIRECTIVE_ARG_REMOVED: [pattern('^NAME was removed from NAME'), ([arg, directive]) => `@${directive}(${arg}:)`],
  REQUIRED_DIRECTIVE_ARG_ADDED: [pattern('^A required arg NAME on directive NAME'), ([arg, directive]) => `@${directive}(${arg}:)`],
  DIRECTIVE_REPEATABLE_REMOVED: [pattern('^Repeatable flag was removed from NAME'), ([directive]) => `@${directive}`],
  DIRECTIVE_LOCATION_REMOVED: [pattern('^NAME was removed from NAME'), ([, directive]) => `@${directive}`],
};

/** The change's coordinate; a kind of change this does not know is named by its whole description. */
function coordinateOf(type: string, description: string): string {
  const known = COORDINATES[type];
  const match = known && description.match(known[0]);
  return match ? known[1](match.slice(1)) : description;
}

const withCoordinate = (change: BreakingChange | DangerousChange): SchemaChange => ({
  type: change.type,
  description: change.description,
  coordinate: coordinateOf(change.type, change.description),
});

/** The changes from `before` to `after` (both SDL), breaking and dangerous. */
export function schemaChanges(before: string, after: string): { breaking: SchemaChange[]; dangerous: SchemaChange[] } {
  const [old, current] = [buildSchema(before), buildSchema(after)];
  return {
    breaking: findBreakingChanges(old, current).map(withCoordinate),
    dangerous: findDangerousChanges(old, current).map(withCoordinate),
  };
}

/** The bullets of the changelog's `## Unreleased` section; none without one. */
export function unreleasedEntries(changelog: string): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  let inUnreleased = false;
  let current: string[] | undefined;
  const close = () => {
    if (!current) return;
    const text = current.join(' ').replace(/\s+/g, ' ').trim();
    const coordinates = new Set([...text.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]!));
    const migration = text.match(/Migration:\s*(\S.*)$/)?.[1]?.trim();
    entries.push({ text, coordinates, migration: migration || undefined });
    current = undefined;
  };
  for (const line of changelog.split(/\r?\n/)) {
    if (/^##\s/.test(line)) {
      close();
      inUnreleased = /^##\s+Unreleased\b/i.test(line);
      continue;
    }
    if (!inUnreleased) continue;
    const bullet = line.match(/^[-*]\s+(.*)$/);
    if (bullet) {
      close();
      current = [bullet[1]!];
    } else if (current && /^\s+\S/.test(line)) {
      current.push(line.trim());
    } else {
      close();
    }
  }
  close();
  return entries;
}

/** Every breaking change from `before` to `after` must be named, with a migration, in the changelog's Unreleased section. */
export function checkCompatibility({
  before,
  after,
  changelog,
}: {
  before: string;
  after: string;
  changelog: string;
}): CompatibilityReport {
  const { breaking, dangerous } = schemaChanges(before, after);
  const entries = unreleasedEntries(changelog);
  const unlisted: SchemaChange[] = [];
  const withoutMigration: SchemaChange[] = [];
  for (const change of breaking) {
    const naming = entries.filter((entry) => entry.coordinates.has(change.coordinate));
    if (naming.length === 0) unlisted.push(change);
    else if (!naming.some((entry) => entry.migration)) withoutMigration.push(change);
  }
  return { breaking, dangerous, unlisted, withoutMigration, ok: unlisted.length === 0 && withoutMigration.length === 0 };
}
