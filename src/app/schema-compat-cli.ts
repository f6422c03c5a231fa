import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCompatibility, type SchemaChange } from './schema-compat.js';

/**
 * `npm run schema:compat [-- --base <commit>]`: compares schema/schema.graphql with the baseline's
 * and fails when a change breaks clients without an entry, with its migration, in CHANGELOG.md's
 * `## Unreleased` section (the format: src/app/schema-compat.ts). The baseline is `--base`, else
 * the merge-base with origin/main when that ref exists and HEAD is not on it, else HEAD~1. With no
 * baseline to read (a shallow clone, a first commit, a baseline without the file) it says so and passes.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCHEMA = 'schema/schema.graphql';

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** The baseline commit, or why there is none. */
function baseline(argv: string[]): { commit: string; why: string } | { none: string } | { error: string } {
  const flag = argv.indexOf('--base');
  if (flag !== -1) {
    const named = argv[flag + 1];
    const commit = named && git('rev-parse', '--verify', '--quiet', `${named}^{commit}`);
    return commit ? { commit, why: `--base ${named}` } : { error: `--base ${named ?? '(missing)'} is not a commit here` };
  }
  const head = git('rev-parse', 'HEAD');
  if (!head) return { none: 'not a git checkout with a commit' };
  if (git('rev-parse', '--verify', '--quiet', 'origin/main')) {
    const base = git('merge-base', 'HEAD', 'origin/main');
    if (base && base !== head) return { commit: base, why: 'the merge-base with origin/main' };
  }
  const parent = git('rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}');
  if (parent) return { commit: parent, why: 'HEAD~1' };
  return git('rev-parse', '--is-shallow-repository') === 'true'
    ? { none: 'a shallow clone: the parent commit was not fetched (fetch more history to check)' }
    : { none: 'HEAD has no parent' };
}

const list = (changes: SchemaChange[]) => changes.map((change) => `  ${change.coordinate}: ${change.description}`).join('\n');

function main(): number {
  const base = baseline(process.argv.slice(2));
  if ('error' in base) {
    console.error(`schema:compat: ${base.error}`);
    return 1;
  }
  if ('none' in base) {
    console.log(`schema:compat: no baseline schema to compare with (${base.none}); passing.`);
    return 0;
  }
  const before = git('show', `${base.commit}:${SCHEMA}`);
  if (before === undefined) {
    console.log(`schema:compat: ${SCHEMA} does not exist at ${base.commit.slice(0, 10)} (${base.why}); passing.`);
    return 0;
  }
  const after = readFileSync(`${root}/${SCHEMA}`, 'utf8');
  const changelogPath = `${root}/CHANGELOG.md`;
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : '';
  const report = checkCompatibility({ before, after, changelog });

  console.log(`schema:compat: ${SCHEMA} against ${base.commit.slice(0, 10)} (${base.why})`);
  if (report.dangerous.length > 0) console.log(`Changes clients may notice (no entry needed):\n${list(report.dangerous)}`);
  const listed = report.breaking.filter((change) => !report.unlisted.includes(change) && !report.withoutMigration.includes(change));
  if (listed.length > 0) console.log(`Breaking changes listed in CHANGELOG.md:\n${list(listed)}`);
  if (report.unlisted.length > 0) {
    console.error(`Breaking changes CHANGELOG.md's "## Unreleased" section does not name:\n${list(report.unlisted)}`);
  }
  if (report.withoutMigration.length > 0) {
    console.error(`Breaking changes named in CHANGELOG.md without a "Migration:" for clients:\n${list(report.withoutMigration)}`);
  }
  if (!report.ok) {
    console.error('Add a bullet naming each, in backticks, with "Migration:" and what clients do (see src/app/schema-compat.ts).');
    return 1;
  }
  console.log(report.breaking.length === 0 ? 'No breaking changes.' : 'Every breaking change is in the changelog.');
  return 0;
}

process.exitCode = main();
