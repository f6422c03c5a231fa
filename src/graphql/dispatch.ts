import type { CommandMessage, DispatchOptions, DomainEvent, ExecutionResult } from '../es/index.js';
import type { GraphQLContext } from './context.js';

/**
 * How a mutation sends its command: through the router, as the request's actor (always: a field
 * cannot act for anyone else), correlated with the request, and with the command id its
 * idempotency key gives it (see `idempotentMutation`); without a key, a fresh id as before.
 */
export async function dispatch<E extends DomainEvent = DomainEvent>(
  ctx: GraphQLContext,
  command: CommandMessage,
  options: Omit<DispatchOptions, 'actor'> = {},
): Promise<ExecutionResult<E>> {
  const commandId = options.commandId ?? ctx.mutation?.nextCommandId();
  const { commandLog } = ctx;
  const execution = await ctx.app.router.dispatch<E>(command, {
    requestId: ctx.requestId,
    ...(commandLog ? { report: (line: Record<string, unknown>) => commandLog.push(line) } : {}),
    ...options,
    actor: ctx.actor,
    ...(commandId === undefined ? {} : { commandId }),
  });
  ctx.written?.record(execution.position);
  return execution;
}

/** The id of something a mutation creates: random, or under an idempotency key the same on every retry. */
export function createdId(ctx: GraphQLContext, purpose: string): string {
  return ctx.mutation?.createdId(purpose) ?? crypto.randomUUID();
}
