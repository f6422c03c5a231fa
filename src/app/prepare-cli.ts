import { initialisedCluster } from '../db/pglite-initialised-cluster.js';

/** Run by `npm install` (`prepare`, compiled): initialises the PGlite cluster every empty data directory starts as a copy of. */
const started = performance.now();
const cluster = await initialisedCluster();
console.log(`PGlite cluster for empty data directories ready in ${Math.round(performance.now() - started)} ms: ${cluster}`);
