import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';
import type { Chronicle } from '../server/chronicle.js';
import type { GraphQLContext } from './context.js';
import { parsePositionCursor, positionCursor } from './position-cursor.js';

type Resolver<Types extends SchemaTypes> = GraphQLFieldResolver<unknown, Types['Context'], object>;

/**
 * Refuses a subscription whose `after` lies beyond the head of the log, when it starts: such a
 * position was never handed out, so the subscription would wait in silence for events that may
 * never come (or, worse, skip the ones before it). Every subscription field with an `after`
 * argument gets the check; listed after the access rules plugin, it runs once the caller may
 * subscribe at all.
 */
export class ResumePositionPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapSubscribe(subscribe: Resolver<Types> | undefined, field: PothosOutputFieldConfig<Types>): Resolver<Types> | undefined {
    if (!subscribe || field.kind !== 'Subscription' || !('after' in field.args)) return subscribe;
    return async (parent, args, context, info) => {
      const { after } = args as { after?: string | null };
      if (after != null) await refuseBeyondHead(parsePositionCursor(after), (context as GraphQLContext).app);
      return subscribe(parent, args, context, info);
    };
  }
}

async function refuseBeyondHead(after: number, app: Chronicle): Promise<void> {
  // The feed's position is at most the head; only a position past it needs the store's word.
  if (after <= app.feed.position) return;
  const head = await app.store.head();
  if (after <= head) return;
  throw new GraphQLError(
    `"after" is position ${after}, beyond the head of the log (position ${head}): resume from a position a subscription or query gave you`,
    { extensions: { code: 'BAD_USER_INPUT', argument: 'after', head: positionCursor(head) } },
  );
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      resumePosition: ResumePositionPlugin<Types>;
    }
  }
}

export const resumePositionPlugin = 'resumePosition' as const;
SchemaBuilder.registerPlugin(resumePositionPlugin, ResumePositionPlugin);
