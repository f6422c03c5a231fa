import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { enforce } from './access-rule.js';
import { fieldRule } from './access-rules.js';
import { streamOwners } from './stream-owners.js';

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

/**
 * Applies `fieldRules` to every field of the schema as it is built, so a slice merged later is
 * covered without touching its resolvers. Listed after the errors plugin, it runs inside it: a
 * refusal of a mutation becomes a `ForbiddenError` / `UnauthenticatedError` result, and of a
 * query or subscription a GraphQL error with that code.
 */
export class AccessRulesPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver<Types>, field: PothosOutputFieldConfig<Types>): Resolver<Types> {
    const rule = fieldRule(field.parentType, field.name);
    // A subscription is checked once, when it starts; its resolver maps each event.
    if (!rule || field.kind === 'Subscription') return resolver;
    return async (parent, args, context, info) => {
      await enforce(rule, { args, parent }, accessContext(context));
      return resolver(parent, args, context, info);
    };
  }

  override wrapSubscribe(subscribe: Resolver<Types> | undefined, field: PothosOutputFieldConfig<Types>): Resolver<Types> | undefined {
    const rule = fieldRule(field.parentType, field.name);
    if (!rule || !subscribe) return subscribe;
    return async (parent, args, context, info) => {
      await enforce(rule, { args, parent }, accessContext(context));
      return subscribe(parent, args, context, info);
    };
  }
}

function accessContext(context: unknown) {
  const { actor, app } = context as GraphQLContext;
  return { actor, owners: streamOwners(app.store) };
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      accessRules: AccessRulesPlugin<Types>;
    }
  }
}

export const accessRulesPlugin = 'accessRules' as const;
SchemaBuilder.registerPlugin(accessRulesPlugin, AccessRulesPlugin);
