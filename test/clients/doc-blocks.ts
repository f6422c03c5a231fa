import { readFileSync } from 'node:fs';

export interface DocBlock {
  language: string;
  /** The `file=` of the fence: a file of test/clients/guide/, or a file the tests write out and run. */
  file: string | undefined;
  code: string;
}

/** docs/clients.md, whose code blocks the client guide's tests run. */
export const CLIENT_GUIDE = new URL('../../docs/clients.md', import.meta.url);

/** Every fenced code block of docs/clients.md, in order. */
export function docBlocks(): DocBlock[] {
  const markdown = readFileSync(CLIENT_GUIDE, 'utf8');
  return [...markdown.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)].map(([, language, meta, code]) => ({
    language: language ?? '',
    file: /\bfile=(\S+)/.exec(meta ?? '')?.[1],
    code: code ?? '',
  }));
}

/** The code of the block with `file=<file>`. */
export function docBlock(file: string): string {
  const block = docBlocks().find((candidate) => candidate.file === file);
  if (!block) throw new Error(`docs/clients.md has no block with file=${file}`);
  return block.code;
}

/** The blocks no file of test/clients/guide/ holds: the codegen test writes them into a client project and runs them. */
export const RUN_FROM_THE_DOC = ['src/account-balance.ts'];
