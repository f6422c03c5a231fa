import SchemaBuilder, {
  BasePlugin,
  type FieldNullability,
  type InputFieldMap,
  type PothosOutputFieldConfig,
  type SchemaTypes,
  type TypeParam,
} from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { type AccessRule, enforce, streamOwners } from '../es/index.js';
import type { GraphQLContext } from './context.js';
import type { FieldInput } from './field-access.js';

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Applies each field's `access` rule (or its object type's) where it resolves. Every root field
 * must declare one: the schema does not build without it, and there is no default. Listed after
 * the errors plugin, it runs inside it: a refused mutation answers with a `ForbiddenError` /
 * `UnauthenticatedError` result, a query or subscription with a GraphQL error of that code. A
 * subscription is checked when it starts and again before each event it delivers.
 */
export class AccessRulesPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(field: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (ROOT_TYPES.has(field.parentType) && !field.pothosOptions.access) {
      throw new Error(`${field.parentType}.${field.name} has no access rule`);
    }
    return field;
  }

  override wrapResolve(resolver: Resolver<Types>, field: PothosOutputFieldConfig<Types>): Resolver<Types> {
    const rule = this.ruleOf(field);
    // A subscription's resolver maps each event; its rule is applied around `subscribe`.
    if (!rule || field.kind === 'Subscription') return resolver;
    return async (parent, args, context, info) => {
      await enforce(rule, { args, parent, context: context as GraphQLContext }, accessContext(context));
      return resolver(parent, args, context, info);
    };
  }

  override wrapSubscribe(subscribe: Resolver<Types> | undefined, field: PothosOutputFieldConfig<Types>): Resolver<Types> | undefined {
    const rule = this.ruleOf(field);
    if (!rule || !subscribe) return subscribe;
    return async (parent, args, context, info) => {
      const input = { args, parent, context: context as GraphQLContext };
      const check = () => enforce(rule, input, accessContext(context));
      await check();
      return checkedEach((await subscribe(parent, args, context, info)) as AsyncIterable<unknown>, check);
    };
  }

  private ruleOf(field: PothosOutputFieldConfig<Types>): AccessRule<FieldInput> | undefined {
    if (field.pothosOptions.access) return field.pothosOptions.access;
    if (ROOT_TYPES.has(field.parentType)) return undefined;
    const type = this.buildCache.getTypeConfig(field.parentType);
    return type.kind === 'Object' ? type.pothosOptions.access : undefined;
  }
}

/** `source`, with `check` run before each item is delivered: a refusal ends the stream with its error. */
function checkedEach<T>(source: AsyncIterable<T>, check: () => Promise<void>): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const end = () => iterator.return?.() ?? Promise.resolve({ done: true as const, value: undefined });
  return {
    async next() {
      const result = await iterator.next();
      if (result.done) return result;
      try {
        await check();
      } catch (error) {
        await end();
        throw error;
      }
      return result;
    },
    return: () => end() as Promise<IteratorResult<T>>,
    throw: (error) => iterator.throw?.(error) ?? Promise.reject(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
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
    export interface FieldOptions<
      Types extends SchemaTypes = SchemaTypes,
      ParentShape = unknown,
      Type extends TypeParam<Types> = TypeParam<Types>,
      Nullable extends FieldNullability<Type> = FieldNullability<Type>,
      Args extends InputFieldMap = InputFieldMap,
      ResolveShape = unknown,
      ResolveReturnShape = unknown,
    > {
      /** Who may read (or run) this field; an object field without one takes its type's. */
      access?: AccessRule<FieldInput>;
    }
    // Root fields must say who may run them: there is no default.
    export interface QueryFieldOptions<
      Types extends SchemaTypes,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveReturnShape,
    > {
      access: AccessRule<FieldInput>;
    }
    export interface MutationFieldOptions<
      Types extends SchemaTypes,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveReturnShape,
    > {
      access: AccessRule<FieldInput>;
    }
    export interface SubscriptionFieldOptions<
      Types extends SchemaTypes,
      Type extends TypeParam<Types>,
      Nullable extends FieldNullability<Type>,
      Args extends InputFieldMap,
      ResolveShape,
      ResolveReturnShape,
    > {
      access: AccessRule<FieldInput>;
    }
    export interface ObjectTypeOptions<Types extends SchemaTypes = SchemaTypes, Shape = unknown> {
      /** The rule of every field of this type that has none of its own. */
      access?: AccessRule<FieldInput>;
    }
  }
}

export const accessRulesPlugin = 'accessRules' as const;
SchemaBuilder.registerPlugin(accessRulesPlugin, AccessRulesPlugin);
