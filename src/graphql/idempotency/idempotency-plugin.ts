import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { asDeclaredRefusal } from '../declared-refusal.js';
import { idempotentMutation } from './idempotent-mutation.js';

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

/**
 * Gives every root mutation field of a request sent with an idempotency key its own stable ids
 * (`ctx.mutation`, used by `dispatch` and `createdId`), so a slice's mutations are idempotent
 * without code of their own; and answers a refusal the router replays with the field's declared
 * error type. Listed after the errors plugin, it runs inside it.
 */
export class IdempotencyPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver<Types>, field: PothosOutputFieldConfig<Types>): Resolver<Types> {
    if (field.kind !== 'Mutation') return resolver;
    const declared = (field.extensions?.pothosErrors ?? []) as ReadonlyArray<abstract new (...args: never[]) => Error>;
    return async (parent, args, context, info) => {
      const ctx = context as GraphQLContext;
      const scoped: GraphQLContext =
        ctx.idempotencyKey === undefined
          ? ctx
          : Object.create(ctx, {
              mutation: {
                value: idempotentMutation({
                  subject: ctx.actor?.subject,
                  key: ctx.idempotencyKey,
                  field: info.fieldName,
                  responseKey: String(info.path.key),
                  args,
                }),
              },
            });
      try {
        return await resolver(parent, args, scoped as Types['Context'], info);
      } catch (error) {
        throw asDeclaredRefusal(error, declared);
      }
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      idempotency: IdempotencyPlugin<Types>;
    }
  }
}

export const idempotencyPlugin = 'idempotency' as const;
SchemaBuilder.registerPlugin(idempotencyPlugin, IdempotencyPlugin);
