import { OwnVersionTablesPlugin, type ProjectionReadSchemas } from '../es/index.js';
import type { Database } from './database.js';

/**
 * The database as this instance reads it: the same connections, with every query's projection
 * tables resolved to the version this instance's code keeps (docs/projections.md, rolling deploys).
 */
export function readingOwnVersions<D extends Database>(database: D, schemas: ProjectionReadSchemas): D {
  return { ...database, db: database.db.withPlugin(new OwnVersionTablesPlugin(schemas)) };
}
