import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docBlocks, RUN_FROM_THE_DOC } from './doc-blocks.js';

// docs/clients.md cannot drift from what the tests run: each of its code blocks is either a file of
// test/clients/guide/ (which the tests import), character for character, or one the tests run from the doc.

const guide = new URL('./guide/', import.meta.url);
const guideFiles = readdirSync(guide).filter((name) => name.endsWith('.ts'));

describe('docs/clients.md', () => {
  const blocks = docBlocks();

  it('has code blocks, each naming its file', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(guideFiles.length + RUN_FROM_THE_DOC.length);
    for (const block of blocks) expect(block.file, `a block without file=:\n${block.code}`).toBeDefined();
  });

  it.each(guideFiles)('shows test/clients/guide/%s exactly as the tests run it', (file) => {
    const shown = blocks.filter((block) => block.file === file);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.code).toBe(readFileSync(new URL(file, guide), 'utf8'));
  });

  it('has no other block than those files and the ones the codegen test runs from the doc', () => {
    const files = blocks.map((block) => block.file);
    expect(files.toSorted()).toEqual([...guideFiles, ...RUN_FROM_THE_DOC].toSorted());
  });

  it('is linked from the README', () => {
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain('[docs/clients.md](docs/clients.md)');
  });
});
