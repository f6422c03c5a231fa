import { type Actor, isSystemActor } from '../actor.js';
import type { DomainEvent } from '../aggregate.js';
import type { StreamOwners } from './stream-owners.js';

/** The aggregate a command executes on, as loaded under its stream's lock, and what it decided. */
export interface CommandTarget<State = unknown> {
  readonly streamId: string;
  readonly state: State;
  /** Its owner before the command: a subject, null (claimed without an actor) or undefined (unclaimed). */
  readonly owner: string | null | undefined;
  /** The events the aggregate decided (none when it refused); `claims` tells whether they claim the stream. */
  readonly decided: readonly DomainEvent[];
  readonly claims: boolean;
}

/** What a rule may consult besides its input: who is asking, who owns what, and (for a command) its target. */
export interface AccessContext {
  readonly actor: Actor | undefined;
  readonly owners: StreamOwners;
  readonly target?: CommandTarget | undefined;
}

/**
 * One access rule: `check` returns when the actor may go on and throws `Unauthenticated` or
 * `Forbidden` when not. Its input is the command (router) or `{ args, parent }` (GraphQL).
 */
export interface AccessRule<Input = any> {
  /** Who is allowed, in words: for docs/auth.md and error messages. */
  readonly allows: string;
  check(input: Input, context: AccessContext): Promise<void> | void;
}

/** Runs a rule. The system's own processes, created by the server and never from a token, pass every rule. */
export async function enforce<Input>(rule: AccessRule<Input>, input: Input, context: AccessContext): Promise<void> {
  if (isSystemActor(context.actor)) return;
  await rule.check(input, context);
}
