import { loadConfig } from '../config.js';
import { connect } from './connect.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig(process.env);
const database = await connect(config);
try {
  const { results = [] } = await migrateToLatest(database);
  for (const result of results) console.log(`${result.status.padEnd(8)} ${result.migrationName}`);
  if (results.length === 0) console.log('Already up to date.');
} finally {
  await database.close();
}
