import { type Generated, type Kysely, sql } from 'kysely';
import { loadCheckpoint } from './checkpoints.js';
import { announceVersionChange } from './projection-version-notices.js';

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
  /** Its row in `checkpoints` (a kept version gets a row of its own at the switch, see `keptVersion`). */
  checkpoint: string;
  /**
   * Where its tables are: a schema of its own while it is built; `public` for the first generation,
   * and once live. A version retired by a newer code version keeps its tables in a schema of its own
   * for the instances still running its code (a kept version) until they are dropped; then `public`
   * again, as for every other retired version, whose tables are dropped at the switch.
   */
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

/** A retired version whose tables are kept for the instances still running its code version. */
export function isKept(version: ProjectionVersion): boolean {
  return version.status === 'retired' && version.switchedAt !== null && version.schema !== 'public';
}

/**
 * Where a live version goes when a newer code version's switches in: its tables into a schema of
 * its own, and its checkpoint to a new row, so that a batch of the old code still aimed at the old
 * row (and the tables now in `public`) is fenced, and its runtime picks the kept version up anew.
 */
export function keptVersion(live: ProjectionVersion): { schema: string; checkpoint: string } {
  return { schema: versionSchema(live.projection, live.generation), checkpoint: `${live.id}:kept` };
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
   * The live version, the one being built and the kept ones (newest first), as of one moment; the
   * live one adopted as `live` does the first time.
   */
  async current(
    projection: string,
    codeVersion: number,
  ): Promise<{ live: ProjectionVersion; building: ProjectionVersion | undefined; kept: ProjectionVersion[] }> {
    const versions = await this.list(projection);
    return {
      live: versions.find((version) => version.status === 'live') ?? (await this.live(projection, codeVersion)),
      building: versions.find((version) => version.status === 'building'),
      kept: versions.filter(isKept).reverse(),
    };
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
      const { numInsertedOrUpdatedRows } = await this.db
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
        .executeTakeFirst();
      // The leader may be another instance: wake it.
      if (numInsertedOrUpdatedRows) await announceVersionChange(this.db, projection);
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

  /**
   * Inside the switch's transaction: `building` becomes live and `live` retired, if both still
   * are; false otherwise. `keep`: the retired version's tables and checkpoint move there.
   */
  static async promote(
    trx: Kysely<any>,
    live: ProjectionVersion,
    building: ProjectionVersion,
    keep?: { schema: string; checkpoint: string },
  ): Promise<boolean> {
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
    await db
      .updateTable('projection_versions')
      .set({ status: 'retired', retired_at: now, ...(keep ? { schema_name: keep.schema, checkpoint: keep.checkpoint } : {}) })
      .where('id', '=', live.id)
      .execute();
    await db
      .updateTable('projection_versions')
      .set({ status: 'live', switched_at: now, schema_name: 'public' })
      .where('id', '=', building.id)
      .execute();
    await announceVersionChange(trx, live.projection);
    return true;
  }

  /** Inside the transaction that drops a kept version's tables: it is kept no longer (false if it already was not). */
  static async forgetKept(trx: Kysely<any>, version: ProjectionVersion): Promise<boolean> {
    const db = trx.withTables<ProjectionVersionsTables>();
    const row = await db
      .selectFrom('projection_versions')
      .select(['status', 'switched_at', 'schema_name'])
      .where('id', '=', version.id)
      .forUpdate()
      .executeTakeFirst();
    if (row?.status !== 'retired' || row.switched_at === null || row.schema_name !== version.schema) return false;
    await db.updateTable('projection_versions').set({ schema_name: 'public' }).where('id', '=', version.id).execute();
    await announceVersionChange(trx, version.projection);
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
