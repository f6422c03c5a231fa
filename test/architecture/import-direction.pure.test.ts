import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Imports point one way: the engine (src/es) ← graphql, server, observability, auth, db ← app ←
 * the registry of domains (src/app/domains.ts). Read from the sources' import statements (static,
 * type-only, re-exports and `import()`), so a wrong-way import fails here, not in review.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Import {
  /** The importing file, relative to the repository: `src/es/command-router.ts`. */
  from: string;
  /** The imported file, relative to the repository, without its extension: `src/es/aggregate`. */
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of every file under src/ (packages and node builtins are not layers). */
function relativeImports(): Import[] {
  return sourceFiles('src').flatMap((from) =>
    ts
      .preProcessFile(readFileSync(join(root, from), 'utf8'), true, true)
      .importedFiles.map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => ({ from, to: relative(root, resolve(root, dirname(from), specifier)).replace(/\.(js|ts)$/, '') })),
  );
}

const imports = relativeImports();
const under = (path: string, dir: string) => path.startsWith(`${dir}/`);
const shown = (found: Import[]) => found.map(({ from, to }) => `${from} -> ${to}`);

describe('import direction', () => {
  it('finds the imports it checks', () => {
    expect(imports).toContainEqual({ from: 'src/app/create-chronicle.ts', to: 'src/es/index' });
  });

  it('the engine (src/es) imports nothing of the project outside src/es', () => {
    expect(shown(imports.filter(({ from, to }) => under(from, 'src/es') && !under(to, 'src/es')))).toEqual([]);
  });

  it('everything outside src/es imports the engine from its public surface, src/es/index.ts', () => {
    expect(shown(imports.filter(({ from, to }) => !under(from, 'src/es') && under(to, 'src/es') && to !== 'src/es/index'))).toEqual([]);
  });

  it('graphql, server, observability, auth and db never import the app or a domain', () => {
    const lower = ['src/es', 'src/graphql', 'src/server', 'src/observability', 'src/auth', 'src/db'];
    const wrongWay = imports.filter(
      ({ from, to }) => lower.some((dir) => under(from, dir)) && (under(to, 'src/app') || under(to, 'src/domains')),
    );
    expect(shown(wrongWay)).toEqual([]);
  });

  it('outside src/domains, only the registry (src/app/domains.ts) imports a domain', () => {
    const wrongWay = imports.filter(
      ({ from, to }) => !under(from, 'src/domains') && under(to, 'src/domains') && from !== 'src/app/domains.ts',
    );
    expect(shown(wrongWay)).toEqual([]);
  });

  it("a domain never imports another domain's files", () => {
    const domainOf = (path: string) => (under(path, 'src/domains') ? path.split('/')[2] : undefined);
    const across = imports.filter(
      ({ from, to }) => domainOf(from) !== undefined && domainOf(to) !== undefined && domainOf(from) !== domainOf(to),
    );
    expect(shown(across)).toEqual([]);
  });
});
