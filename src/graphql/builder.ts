import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import { Forbidden, Unauthenticated, ValidationError } from '../es/index.js';
import { accessRulesPlugin } from './access-rules-plugin.js';
import type { GraphQLContext } from './context.js';
import { emptyPageCursorsPlugin } from './empty-page-cursors-plugin.js';
import { idempotencyPlugin } from './idempotency/idempotency-plugin.js';
import { resumePositionPlugin } from './resume-position-plugin.js';

/** The one schema builder. It defines no types: each type file owns its fields. */
export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    SafeInt: { Input: number; Output: number };
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Access rules and idempotency run inside the errors plugin, so a refused mutation answers with an error result.
  plugins: [ErrorsPlugin, RelayPlugin, emptyPageCursorsPlugin, accessRulesPlugin, resumePositionPlugin, idempotencyPlugin],
  defaultFieldNullability: false,
  errors: {
    // Only our own DomainError classes become result types; anything else stays a masked GraphQL error.
    defaultTypes: [ValidationError, Unauthenticated, Forbidden],
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}Result` },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
