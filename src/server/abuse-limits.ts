import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
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
    // A browser sends a cross-site request without a preflight only with a "simple" content type
    // or as a GET: those must carry a header a form cannot set. GraphiQL posts JSON, so it passes.
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'graphql-require-preflight'] }),
    ...(limits.introspection ? [] : [disableIntrospection(), hideSuggestions()]),
    useWellFormedStrings(),
  ];
}

function disableIntrospection(): Plugin {
  return { onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) };
}
