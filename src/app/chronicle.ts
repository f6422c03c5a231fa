/** What `createChronicle` returns: one running instance. Declared with the server layer that serves it. */
export type { Chronicle } from '../server/chronicle.js';
