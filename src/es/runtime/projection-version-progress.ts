import type { Kysely } from 'kysely';
import type { EventStoreTables } from '../event-store-tables.js';
import { RETIRED_CHECKPOINT } from './checkpoints.js';
import { type ProjectionVersion, ProjectionVersions } from './projection-versions.js';

/** A projection version and how far it has got: the position its checkpoint reached against the head. */
export interface ProjectionVersionProgress extends ProjectionVersion {
  /** The last position stored for it; null once retired. */
  position: number | null;
  head: number;
}

/** Every version of a projection with its stored checkpoint, as any instance sees it in the database. */
export async function projectionVersionProgress(
  db: Kysely<EventStoreTables>,
  projection: string,
  head: number,
): Promise<ProjectionVersionProgress[]> {
  const versions = await new ProjectionVersions(db).list(projection);
  const checkpoints = versions.length
    ? await db
        .selectFrom('checkpoints')
        .select(['name', 'position'])
        .where(
          'name',
          'in',
          versions.map((version) => version.checkpoint),
        )
        .execute()
    : [];
  return versions.map((version) => {
    const stored = checkpoints.find((row) => row.name === version.checkpoint)?.position;
    const position = version.status === 'retired' || stored === undefined || Number(stored) >= RETIRED_CHECKPOINT ? null : Number(stored);
    return { ...version, position: version.status !== 'retired' && position === null ? 0 : position, head };
  });
}
