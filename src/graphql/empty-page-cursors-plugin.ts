import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

const CURSOR_FIELDS = new Set(['startCursor', 'endCursor']);

/**
 * `PageInfo.startCursor` / `endCursor` of an empty page are null, as the Relay specification has
 * them. Pothos's `resolveCursorConnection` answers `""` for an empty first page, a cursor no `after`
 * accepts; this turns it into null for every connection at once, slices' and future ones alike.
 */
export class EmptyPageCursorsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: Resolver<Types>, field: PothosOutputFieldConfig<Types>): Resolver<Types> {
    if (field.parentType !== 'PageInfo' || !CURSOR_FIELDS.has(field.name)) return resolver;
    return async (parent, args, context, info) => {
      const cursor: unknown = await resolver(parent, args, context, info);
      return cursor === '' ? null : cursor;
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      emptyPageCursors: EmptyPageCursorsPlugin<Types>;
    }
  }
}

export const emptyPageCursorsPlugin = 'emptyPageCursors' as const;
SchemaBuilder.registerPlugin(emptyPageCursorsPlugin, EmptyPageCursorsPlugin);
