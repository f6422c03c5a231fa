import { type DocumentNode, GraphQLError, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** NUL, or a surrogate without its pair: text PostgreSQL cannot store (in `text` or `jsonb`). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what PostgreSQL cannot store
const ILL_FORMED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses an operation whose string literals or variables hold text PostgreSQL cannot store, as a
 * client error (BAD_USER_INPUT) before any resolver runs, rather than a database error later.
 */
export function useWellFormedStrings(): Plugin {
  const check = ({
    args,
    setResultAndStopExecution,
  }: {
    args: { document: DocumentNode; variableValues?: unknown };
    setResultAndStopExecution: (result: { errors: GraphQLError[] }) => void;
  }) => {
    const where = illFormedLiteral(args.document) ?? illFormedValue(args.variableValues, 'variables');
    if (where === undefined) return;
    setResultAndStopExecution({
      errors: [
        new GraphQLError(`Strings may not contain NUL characters or unpaired surrogates (${where})`, {
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ],
    });
  };
  return { onExecute: check, onSubscribe: check };
}

/** Yoga hands every request of the same text the same parsed document: each is walked once. */
const literalsChecked = new WeakMap<DocumentNode, string | null>();

function illFormedLiteral(document: DocumentNode): string | undefined {
  const known = literalsChecked.get(document);
  if (known !== undefined) return known ?? undefined;
  let found: string | undefined;
  visit(document, {
    StringValue(node) {
      if (ILL_FORMED.test(node.value)) found ??= 'a string literal';
    },
  });
  literalsChecked.set(document, found ?? null);
  return found;
}

function illFormedValue(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return ILL_FORMED.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (ILL_FORMED.test(key)) return `${path} (a key)`;
    const found = illFormedValue(item, `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}
