// @ts-check
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Compiles the server ahead of time: `src/main.ts` and what it imports become one ES module, `dist/main.js`
 * (packages stay imports of node_modules), so a start loads one file instead of having tsx compile some 350 on
 * the fly behind a module hook. Rebuilt when anything under `src/`, `tsconfig.json`, this file or esbuild changed
 * since (the first line of `dist/main.js` names what it was built from), so an edited source is never run stale.
 * `npm start` calls it on every start (a build takes a second or two, a check some 30 ms); `npm install` runs it once
 * through `prepare`, which also initialises the cached PGlite cluster that empty data directories start from.
 *
 * `npm test` and `node --import tsx src/main.ts` keep running the TypeScript sources.
 */

const ENTRIES = { main: 'src/main.ts', 'prepare-cli': 'src/app/prepare-cli.ts' };
const MARK = '// chronicle-build ';

/**
 * @param {{ root?: string }} [options] the repository (tests build a copy)
 * @returns {Promise<{ entry: string; built: boolean }>} `dist/main.js`, and whether this call had to build it
 */
export async function buildServer({ root = fileURLToPath(new URL('..', import.meta.url)) } = {}) {
  const dist = join(root, 'dist');
  const entry = join(dist, 'main.js');
  const fingerprint = await fingerprintOf(root);
  if (builtFrom(entry) === fingerprint) return { entry, built: false };

  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: dist,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    banner: { js: `${MARK}${fingerprint}` },
    write: false,
    logLevel: 'error',
    plugins: [sourceLocations],
  });
  await mkdir(dist, { recursive: true });
  // Each output goes in under a name of its own first, then is renamed: a start that reads it meanwhile (another
  // instance starting) finds the old file or the new one, whole. The entry comes last, with the mark of what it is.
  const outputs = [...result.outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const output of outputs) {
    const staging = `${output.path}.${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
    await writeFile(staging, output.contents);
    await rename(staging, output.path);
  }
  return { entry, built: true };
}

/**
 * Bundled, every module would see the bundle's `import.meta.url`; the sources find files beside themselves (the
 * live challenge page's scripts, the schema file) and resolve packages from there, so each keeps its own.
 * @type {import('esbuild').Plugin}
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)),
      loader: 'ts',
    }));
  },
};

/** What the build is made from: every file under src/ (name and content), tsconfig.json, this file, esbuild's version. */
async function fingerprintOf(root) {
  const hash = createHash('sha256');
  const esbuildPackage = join(createRequire(import.meta.url).resolve('esbuild'), '..', '..', 'package.json');
  hash.update(`esbuild ${existsSync(esbuildPackage) ? JSON.parse(readFileSync(esbuildPackage, 'utf8')).version : 'unknown'}\0`);
  for (const file of [fileURLToPath(import.meta.url), join(root, 'tsconfig.json'), ...(await filesUnder(join(root, 'src')))]) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** @returns {Promise<string[]>} */
async function filesUnder(directory) {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/** The fingerprint in the first line of a built entry, if there is one. */
function builtFrom(entry) {
  if (!existsSync(entry)) return undefined;
  const head = readFileSync(entry, 'utf8').slice(0, 200);
  return head.startsWith(MARK) ? head.slice(MARK.length).split('\n')[0] : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { entry, built } = await buildServer();
  console.log(`${relative(process.cwd(), entry)} ${built ? 'built' : 'up to date'} in ${Math.round(performance.now() - started)} ms`);
  // `--prepare` (npm install): also initialise the PGlite cluster empty data directories are copied from.
  if (process.argv.includes('--prepare')) await import(pathToFileURL(join(entry, '..', 'prepare-cli.js')).href);
}
