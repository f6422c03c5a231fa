import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrationsOf } from './domain-module.js';
import { domains } from './domains.js';

/** `npm run migrate`: the migrations the server runs at start (the engine's and those of every slice it lists), run ahead. */
const config = loadConfig(process.env);
const database = await connect(config);
try {
  const { results = [] } = await migrateToLatest(database, migrationsOf(domains));
  for (const result of results) console.log(`${result.status.padEnd(8)} ${result.migrationName}`);
  if (results.length === 0) console.log('Already up to date.');
} finally {
  await database.close();
}
