import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { hideSuggestions } from './hide-suggestions.js';
import type { Limits } from './limits.js';
import { useWellFormedStrings } from './well-formed-strings.js';

/**
 * The Yoga plugins that bound what one operation may cost: tokens, depth, cost and aliases
 * (graphql-armor, checked while parsing and validating, before anything executes), CSRF
 * prevention for browsers, introspection (and the schema names "Did you mean" hints give away)
 * when switched off, and text PostgreSQL cannot hold.
 * Over WebSocket the same plugins run, as every operation goes through Yoga's envelope.
 */
export function abuseLimits(limits: Limits): Plugin[] {
  return [
    maxTokensPlugin({ n: limits.maxTokens }) as Plugin,
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true }) as Plugin,
    costLimitPlugin({ maxCost: limits.maxCost }) as Plugin,
    maxAliasesPlugin({ n: limits.maxAliases }) as Plugin,
    csrfPrevention(),
    ...(limits.introspection ? [] : [disableIntrospection(), hideSuggestions()]),
    useWellFormedStrings(),
  ];
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
