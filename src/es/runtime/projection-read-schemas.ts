import { LIVE_SCHEMA } from './version-tables.js';

/**
 * Where this instance reads each projection's tables. Every table is read in `public`, the live
 * version, except those of a projection whose live version another (newer) code version wrote while
 * this instance's own code version still has its version kept in a schema of its own: an instance
 * of the old code during a rolling deploy reads that one (docs/projections.md). Each projector
 * runtime keeps its tables' entries; `OwnVersionTablesPlugin` qualifies reads with them.
 */
export class ProjectionReadSchemas {
  private readonly schemas = new Map<string, string>();

  /** True while every table is read in `public` (the common case: reads are left untouched). */
  get allLive(): boolean {
    return this.schemas.size === 0;
  }

  /** The schema `table` is read in, when it is not `public`. */
  schemaOf(table: string): string | undefined {
    return this.schemas.get(table);
  }

  /** From now on, reads of `tables` go to `schema`. */
  read(tables: readonly string[], schema: string): void {
    for (const table of tables) {
      if (schema === LIVE_SCHEMA) this.schemas.delete(table);
      else this.schemas.set(table, schema);
    }
  }
}
