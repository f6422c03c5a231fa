import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dialect } from '../support/test-database.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'chronicle-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `npm start` in the repository, as a user runs it, in a process group of its own; resolves once it printed its tokens. */
function npmStart(env: Record<string, string>): Promise<{ url: string; stdout: string; child: ChildProcess; stop(): Promise<void> }> {
  const { DATABASE_URL: _url, LOG_LEVEL: _level, ...inherited } = process.env;
  const child = spawn('npm', ['start'], { cwd: root, env: { ...inherited, ...env }, detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before printing its tokens: ${stderr}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk;
      const url = /GraphiQL: (\S+)/.exec(stdout)?.[1];
      if (!url || !/^admin:\n\{.*\}$/m.test(stdout)) return;
      resolve({
        url,
        stdout,
        child,
        stop: async () => {
          process.kill(-child.pid!, 'SIGTERM');
          await exited;
        },
      });
    });
  });
}

// It starts processes on PGlite and needs no test database: once, in the pglite project.
describe.skipIf(dialect !== 'pglite')('npm start, compiled ahead of time (runs in the pglite project)', () => {
  it('runs the compiled server on an empty data directory: it answers a public read and, with its printed token, a mutation', async () => {
    const dataDir = join(scratch, 'repository-start', '.data');
    const server = await npmStart({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    try {
      expect(readFileSync(join(root, 'dist', 'main.js'), 'utf8')).toMatch(/^\/\/ chronicle-build [0-9a-f]{32}\n/);
      const lines = server.stdout.split('\n');
      const { authorization } = JSON.parse(lines[lines.indexOf('user:') + 1]!) as { authorization: string };
      const post = async (query: string, headers: Record<string, string> = {}) =>
        (
          await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify({ query }),
          })
        ).json();

      expect(await post('{ challenges { id } }')).toEqual({ data: { challenges: [] } });
      expect(
        await post('mutation { openAccount(input: { accountNumber: "START-1", holder: "Ada" }) { __typename } }', { authorization }),
      ).toEqual({
        data: { openAccount: { __typename: 'Account' } },
        extensions: { chronicle: { position: expect.any(String) } },
      });
      // The live challenge page reads a script that lives beside its source: the bundle keeps each module's location.
      const script = await fetch(new URL('/live/assets/live-challenge.js', server.url));
      expect(script.status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 240_000);

  it('rebuilds when a source changed, and only then; each module keeps its own import.meta.url', async () => {
    const project = join(scratch, 'project');
    mkdirSync(join(project, 'scripts'), { recursive: true });
    mkdirSync(join(project, 'src', 'app'), { recursive: true });
    for (const file of ['scripts/build.js', 'scripts/start.js', 'tsconfig.json']) copyFileSync(join(root, file), join(project, file));
    writeFileSync(join(project, 'package.json'), '{ "type": "module" }');
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
    writeFileSync(join(project, 'src', 'app', 'prepare-cli.ts'), 'export {};\n');
    const main = (greeting: string) =>
      writeFileSync(join(project, 'src', 'main.ts'), `const greeting: string = '${greeting}';\nconsole.log(greeting, import.meta.url);\n`);
    const start = async () => (await run(process.execPath, ['scripts/start.js'], { cwd: project })).stdout.trim();
    const built = () => statSync(join(project, 'dist', 'main.js')).mtimeMs;

    main('first');
    expect(await start()).toBe(`first ${pathToFileURL(join(project, 'src', 'main.ts')).href}`);
    const firstBuild = built();
    expect(await start()).toMatch(/^first /);
    expect(built()).toBe(firstBuild);

    main('second');
    expect(await start()).toMatch(/^second /);
    expect(built()).not.toBe(firstBuild);
  }, 120_000);
});
