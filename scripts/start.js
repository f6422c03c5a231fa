// @ts-check
import { pathToFileURL } from 'node:url';
import { buildServer } from './build.js';

/**
 * `npm start`: the server compiled ahead of time (see build.js), built first when the sources changed since the
 * last build. Stack traces name the TypeScript sources. Should the build itself fail, the sources run through tsx
 * as before, so a start never depends on it.
 */
let entry;
try {
  ({ entry } = await buildServer());
} catch (error) {
  console.error(`Chronicle: compiling ahead of time failed, running the sources through tsx instead (${error})`);
}
process.setSourceMapsEnabled(true);
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
