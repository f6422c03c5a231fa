import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import {
  type DocumentNode,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getNamedType,
  GraphQLInt,
  Kind,
  NoSchemaIntrospectionCustomRule,
  TypeInfo,
  type ValueNode,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { MAX_PAGE_SIZE } from '../graphql/position-cursor.js';
import { hideSuggestions } from './hide-suggestions.js';
import type { Limits } from './limits.js';
import { useWellFormedStrings } from './well-formed-strings.js';

/** The code each limit's refusal carries in `extensions.code`; every one answers HTTP 400. */
export const LIMIT_CODES = {
  tokens: 'QUERY_TOO_LONG',
  depth: 'QUERY_TOO_DEEP',
  cost: 'QUERY_TOO_COSTLY',
  aliases: 'TOO_MANY_ALIASES',
  // A page size is an argument like any other: too large is the caller's input, refused as such.
  pageSize: 'BAD_USER_INPUT',
} as const;

/**
 * The Yoga plugins that bound what one operation may cost: tokens, depth and aliases
 * (graphql-armor, checked while parsing and validating), page sizes and cost (checked with the
 * operation's variables, before anything executes), CSRF prevention for browsers, introspection
 * (and the schema names "Did you mean" hints give away) when switched off, and text PostgreSQL
 * cannot hold. A refusal is a 400 whose error names the limit in `extensions.code` (see
 * LIMIT_CODES) and `extensions.limit`.
 * Over WebSocket the same plugins run, as every operation goes through Yoga's envelope.
 */
export function abuseLimits(limits: Limits): Plugin[] {
  return [
    maxTokensPlugin({ n: limits.maxTokens, onReject: [refuseWith('tokens', limits.maxTokens)] }) as Plugin,
    keepLimitStatus(),
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, onReject: [refuseWith('depth', limits.maxDepth)] }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases, onReject: [refuseWith('aliases', limits.maxAliases)] }) as Plugin,
    usePageSizeAndCost(limits.maxCost),
    csrfPrevention(),
    ...(limits.introspection ? [] : [disableIntrospection(), hideSuggestions()]),
    useWellFormedStrings(),
  ];
}

/** The refusal of one limit: graphql-armor's message without its misleading "Syntax Error: ", a code and a 400. */
export function limitError(limit: keyof typeof LIMIT_CODES, n: number, message: string, argument?: string): GraphQLError {
  return new GraphQLError(message.replace(/^Syntax Error: /, ''), {
    extensions: { code: LIMIT_CODES[limit], limit: n, ...(argument ? { argument } : {}), http: { status: 400, spec: false } },
  });
}

/** graphql-armor calls this before throwing its own error; throwing ours first puts it in its place. */
function refuseWith(limit: keyof typeof LIMIT_CODES, n: number) {
  return (_context: unknown, error: GraphQLError): never => {
    throw limitError(limit, n, error.message);
  };
}

/**
 * Page sizes and cost, checked where the variables are known (validation is cached per document,
 * so it cannot see them): every Int `first` / `last` argument, given inline or as a variable, is at
 * most MAX_PAGE_SIZE, and graphql-armor's cost (which multiplies a selection by its `first`) is
 * computed with those variables in place, so `first: $n` costs what `first: 100` does.
 */
function usePageSizeAndCost(maxCost: number): Plugin {
  const refusalOf = pageSizeAndCostCache(maxCost);
  const check = ({ args, setResultAndStopExecution }: CheckPayload) => {
    const refusal = refusalOf(args.schema, args.document, args.variableValues ?? {});
    if (refusal) setResultAndStopExecution({ errors: [refusal] });
  };
  return { onExecute: check, onSubscribe: check } as Plugin;
}

/** How many sets of page sizes one document's answers are kept for. */
const CACHED_PAGE_SIZES_PER_DOCUMENT = 64;

/**
 * `pageSizeAndCostRefusal`, answered once per document and page sizes: the answer depends on
 * nothing else, and Yoga's parser cache hands the same document object to every request that
 * sends the same text. Checking it anew costs a visit and a validation per request (a mutation
 * with no page spent ~6% of the server's time there).
 */
export function pageSizeAndCostCache(maxCost: number) {
  const byDocument = new WeakMap<DocumentNode, { pageVariables: string[]; answers: Map<string, GraphQLError | undefined> }>();
  return (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): GraphQLError | undefined => {
    let known = byDocument.get(document);
    if (!known) {
      known = { pageVariables: pageVariablesOf(schema, document), answers: new Map() };
      byDocument.set(document, known);
    }
    const key = known.pageVariables.map((name) => (variables[name] === undefined ? '' : JSON.stringify(variables[name]))).join(',');
    if (known.answers.has(key)) return known.answers.get(key);
    const refusal = pageSizeAndCostRefusal(schema, document, variables, maxCost);
    if (known.answers.size >= CACHED_PAGE_SIZES_PER_DOCUMENT) known.answers.clear();
    known.answers.set(key, refusal);
    return refusal;
  };
}

/** The variables a document passes as an Int `first` or `last`: all a page-size and cost check reads of the variables. */
function pageVariablesOf(schema: GraphQLSchema, document: DocumentNode): string[] {
  const names = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if ((node.name.value !== 'first' && node.name.value !== 'last') || !argument || getNamedType(argument.type) !== GraphQLInt) return;
        if (node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
      },
    }),
  );
  return [...names];
}

interface CheckPayload {
  args: { schema: GraphQLSchema; document: DocumentNode; variableValues?: Record<string, unknown> | null };
  setResultAndStopExecution(result: ExecutionResult): void;
}

/** The first limit `document` breaks with these variables, or undefined. */
export function pageSizeAndCostRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  maxCost: number,
): GraphQLError | undefined {
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  const intOf = (node: ValueNode): number | undefined => {
    if (node.kind === Kind.INT) return Number.parseInt(node.value, 10);
    if (node.kind !== Kind.VARIABLE) return undefined;
    const given = variables[node.name.value];
    if (typeof given === 'number') return given;
    const fallback = given === undefined ? defaults.get(node.name.value) : undefined;
    return fallback?.kind === Kind.INT ? Number.parseInt(fallback.value, 10) : undefined;
  };

  let tooLarge: GraphQLError | undefined;
  const typeInfo = new TypeInfo(schema);
  const inlined = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if ((node.name.value !== 'first' && node.name.value !== 'last') || !argument || getNamedType(argument.type) !== GraphQLInt) return;
        const value = intOf(node.value);
        if (value === undefined) return;
        if (value > MAX_PAGE_SIZE && !tooLarge) {
          tooLarge = limitError(
            'pageSize',
            MAX_PAGE_SIZE,
            `"${node.name.value}" may be at most ${MAX_PAGE_SIZE}, got ${value}: ask for the next page with "after".`,
            node.name.value,
          );
        }
        return node.value.kind === Kind.VARIABLE ? { ...node, value: { kind: Kind.INT, value: String(value) } } : undefined;
      },
    }),
  );
  if (tooLarge) return tooLarge;

  let tooCostly: GraphQLError | undefined;
  validate(schema, inlined, [
    costLimitRule({
      maxCost,
      propagateOnRejection: false,
      onReject: [
        (_context, error) => {
          tooCostly ??= limitError('cost', maxCost, error.message);
        },
      ],
    }),
  ]);
  return tooCostly;
}

/**
 * graphql-yoga marks every error thrown while parsing as a "spec" error (`http.spec ||= true`),
 * which it answers with 200 to a client accepting plain JSON; a limit's refusal stays a 400.
 */
function keepLimitStatus(): Plugin {
  const codes = new Set<unknown>(Object.values(LIMIT_CODES));
  return {
    onResultProcess({ result }) {
      const errors = !Array.isArray(result) && 'errors' in result ? result.errors : undefined;
      for (const error of errors ?? []) {
        const http = error.extensions?.http as { spec?: boolean } | undefined;
        if (http && codes.has(error.extensions?.code)) http.spec = false;
      }
    },
  };
}

function disableIntrospection(): Plugin {
  return { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
}

const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'graphql-require-preflight'];

/**
 * A browser sends a cross-site request without a preflight only with a "simple" content type or as
 * a GET: those must carry a header a form or a link cannot set. GraphiQL posts JSON, so it passes.
 * So does a request with an `Authorization` header: a browser sets that cross-site only after a
 * CORS preflight too (urql's and Apollo's GET queries with a token need nothing more). The refusal
 * names the headers, which Yoga's own message does not.
 */
function csrfPrevention(): Plugin {
  const yogaCsrf = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      if (payload.request.headers.has('authorization')) return;
      try {
        return yogaCsrf.onRequestParse?.(payload);
      } catch {
        throw createGraphQLError(
          `Required CSRF header not present: a GET, or a POST of a form or text/plain, needs an Authorization header or ${CSRF_HEADERS.map((name) => `"${name}"`).join(' or ')} (any value)`,
          { extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } } },
        );
      }
    },
  };
}
