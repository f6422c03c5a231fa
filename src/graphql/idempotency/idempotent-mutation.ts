import { createHash } from 'node:crypto';
import { deterministicId } from '../../es/index.js';

/** The stable ids of one root mutation field of a request sent with an idempotency key. */
export interface IdempotentMutation {
  /** The command id of the field's next dispatch (its first, second... in the order it dispatches). */
  nextCommandId(): string;
  /** The id of something the mutation creates (a transfer), the same on every retry. */
  createdId(purpose: string): string;
}

export interface MutationIdentity {
  /** The authenticated actor's subject: another actor's same key is another mutation. */
  subject: string | undefined;
  key: string;
  /** The root field's name and its response key (its alias, or the name again). */
  field: string;
  responseKey: string;
  /** The field's arguments after coercion (variables substituted, defaults applied). */
  args: unknown;
}

/**
 * Everything a root mutation field does derives its ids from (actor, key, field, response key,
 * arguments): the same request sent again makes the same commands, which the router recognises
 * and answers with their first outcome (src/es/idempotency/); two fields of one request, or the
 * same key with other arguments, make different ones.
 */
export function idempotentMutation(identity: MutationIdentity): IdempotentMutation {
  const base = deterministicId(
    'graphql-mutation',
    JSON.stringify([identity.subject ?? null, identity.key, identity.field, identity.responseKey, digest(identity.args)]),
  );
  let dispatched = 0;
  return {
    nextCommandId: () => deterministicId(base, 'command', dispatched++),
    createdId: (purpose) => deterministicId(base, 'created', purpose),
  };
}

/** SHA-256 of the arguments as canonical JSON: object keys sorted, dates as ISO strings. */
function digest(args: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(args)))
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
