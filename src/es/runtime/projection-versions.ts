import { type Generated, type Kysely, sql } from 'kysely';
import { loadCheckpoint } from './checkpoints.js';

export type ProjectionVersionStatus = 'live' | 'building' | 'retired';

/** One generation of a projection's read tables (migration 0014). */
export interface ProjectionVersion {
  /** `<projection>#<generation>`. */
  id: string;
  projection: string;
  generation: number;
  /** The projector's code version (`Projector.version`) that writes it. */
  codeVersion: number;
  status: ProjectionVersionStatus;
  /** Its row in `checkpoints`. */
  checkpoint: string;
  /** Where its tables are built: a schema of its own; `public` for the first generation, and once live. */
  schema: string;
  createdAt: Date;
  switchedAt: Date | null;
  retiredAt: Date | null;
}

type ProjectionVersionsTables = {
  projection_versions: {
    id: string;
    projection: string;
    generation: number;
    code_version: number;
    status: ProjectionVersionStatus;
    checkpoint: string;
    schema_name: string;
    created_at: Generated<Date>;
    switched_at: Date | null;
    retired_at: Date | null;
  };
};

type Row = Omit<ProjectionVersionsTables['projection_versions'], 'created_at'> & { created_at: Date };

const versionOf = (row: Row): ProjectionVersion => ({
  id: row.id,
  projection: row.projection,
  generation: row.generation,
  codeVersion: row.code_version,
  status: row.status,
  checkpoint: row.checkpoint,
  schema: row.schema_name,
  createdAt: row.created_at,
  switchedAt: row.switched_at,
  retiredAt: row.retired_at,
});

/** A schema name from a projection's name and generation: `projection_bank_accounts_2`. */
export function versionSchema(projection: string, generation: number): string {
  return `projection_${projection.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${generation}`.slice(0, 63);
}

/** The rows of `projection_versions`: which generation of each projection is live, which is being built. */
export class ProjectionVersions {
  private readonly db: Kysely<ProjectionVersionsTables>;

  constructor(db: Kysely<any>) {
    this.db = db.withTables<ProjectionVersionsTables>();
  }

  async list(projection: string): Promise<ProjectionVersion[]> {
    const rows = await this.db
      .selectFrom('projection_versions')
      .selectAll()
      .where('projection', '=', projection)
      .orderBy('generation')
      .execute();
    return rows.map(versionOf);
  }

  /**
   * The live version. The first time, the tables already in place become generation 1, kept at
   * the checkpoint named after the projection, as before versions existed: written by code
   * version 1 if that checkpoint has moved (data from before versions), else by `codeVersion`.
   */
  async live(projection: string, codeVersion: number): Promise<ProjectionVersion> {
    const found = await this.find(projection, 'live');
    if (found) return found;
    const adoptedAs = (await loadCheckpoint(this.db as Kysely<any>, projection)) > 0 ? 1 : codeVersion;
    await this.db
      .insertInto('projection_versions')
      .values({
        id: `${projection}#1`,
        projection,
        generation: 1,
        code_version: adoptedAs,
        status: 'live',
        checkpoint: projection,
        schema_name: 'public',
        switched_at: new Date(),
        retired_at: null,
      })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    const live = await this.find(projection, 'live');
    if (!live) throw new Error(`Projection "${projection}" has no live version`);
    return live;
  }

  async building(projection: string): Promise<ProjectionVersion | undefined> {
    return this.find(projection, 'building');
  }

  /**
   * The version being built for `codeVersion`: the one already under way, or a new generation. A
   * build for an older code version is abandoned for it; one for a newer code version is left alone
   * (and returned).
   */
  async requestBuild(projection: string, codeVersion: number, { inPlace = false } = {}): Promise<ProjectionVersion> {
    for (;;) {
      const building = await this.building(projection);
      if (building && building.codeVersion >= codeVersion) return building;
      if (building) await this.retire(building.id);
      const { generation } = await this.db
        .selectFrom('projection_versions')
        .select(sql<number>`coalesce(max(generation), 0) + 1`.as('generation'))
        .where('projection', '=', projection)
        .executeTakeFirstOrThrow();
      const id = `${projection}#${generation}`;
      // Two instances racing for it: the unique indexes let one row in, and both then find it.
      await this.db
        .insertInto('projection_versions')
        .values({
          id,
          projection,
          generation,
          code_version: codeVersion,
          status: 'building',
          checkpoint: inPlace ? projection : id,
          schema_name: inPlace ? 'public' : versionSchema(projection, generation),
          switched_at: null,
          retired_at: null,
        })
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  }

  async retire(id: string): Promise<void> {
    await this.db
      .updateTable('projection_versions')
      .set({ status: 'retired', retired_at: new Date() })
      .where('id', '=', id)
      .where('status', '!=', 'retired')
      .execute();
  }

  /** Inside the switch's transaction: `building` becomes live and `live` retired, if both still are; false otherwise. */
  static async promote(trx: Kysely<any>, live: ProjectionVersion, building: ProjectionVersion): Promise<boolean> {
    const db = trx.withTables<ProjectionVersionsTables>();
    const rows = await db
      .selectFrom('projection_versions')
      .select(['id', 'status'])
      .where('id', 'in', [live.id, building.id])
      .forUpdate()
      .execute();
    const statusOf = (id: string) => rows.find((row) => row.id === id)?.status;
    if (statusOf(live.id) !== 'live' || statusOf(building.id) !== 'building') return false;
    const now = new Date();
    await db.updateTable('projection_versions').set({ status: 'retired', retired_at: now }).where('id', '=', live.id).execute();
    await db
      .updateTable('projection_versions')
      .set({ status: 'live', switched_at: now, schema_name: 'public' })
      .where('id', '=', building.id)
      .execute();
    return true;
  }

  private async find(projection: string, status: ProjectionVersionStatus): Promise<ProjectionVersion | undefined> {
    const row = await this.db
      .selectFrom('projection_versions')
      .selectAll()
      .where('projection', '=', projection)
      .where('status', '=', status)
      .executeTakeFirst();
    return row && versionOf(row);
  }
}
