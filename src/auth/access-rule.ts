import { type Actor, isSystemActor } from '../es/actor.js';
import { streamIdOf } from '../es/aggregate.js';
import { Forbidden, Unauthenticated } from './auth-errors.js';
import type { StreamOwners } from './stream-owners.js';

/** What a rule may consult besides its input: who is asking, and who owns what. */
export interface AccessContext {
  actor: Actor | undefined;
  owners: StreamOwners;
}

/**
 * One access rule: `check` returns when the actor may go on and throws `Unauthenticated` or
 * `Forbidden` when not. Its input is the command (router) or `{ args, parent }` (GraphQL).
 */
export interface AccessRule<Input = any> {
  /** Who is allowed, in words: for docs and error messages. */
  readonly allows: string;
  check(input: Input, context: AccessContext): Promise<void> | void;
}

/** Runs a rule. The system's own processes pass every rule: they act on the domain's own decisions. */
export async function enforce<Input>(rule: AccessRule<Input>, input: Input, context: AccessContext): Promise<void> {
  if (rule === everyone || isSystemActor(context.actor)) return;
  await rule.check(input, context);
}

/** Public: no token needed. */
export const everyone: AccessRule = { allows: 'everyone', check: () => {} };

/** Any signed-in actor. */
export const authenticated: AccessRule = {
  allows: 'any signed-in actor',
  check: (_input, { actor }) => void signedIn(actor),
};

export function hasRole(role: string): AccessRule {
  return {
    allows: `actors with the ${role} role`,
    check(_input, { actor }) {
      if (!signedIn(actor).roles.includes(role)) throw new Forbidden(`Only an actor with the ${role} role may do this`);
    },
  };
}

/** Only the system's own processes (process managers and event handlers), never a client. */
export const systemOnly: AccessRule = {
  allows: 'the system itself',
  check(_input, { actor }) {
    signedIn(actor);
    throw new Forbidden('Only the system itself sends this command');
  },
};

/**
 * Only the owner of the `aggregate` whose identity is `identity(input)`: the actor who created its
 * stream. An aggregate that does not exist has no owner to protect, so the domain answers (not found).
 */
export function ownerOf<Input>(aggregate: { name: string }, identity: (input: Input) => unknown): AccessRule<Input> {
  return {
    allows: `the owner of the ${aggregate.name}`,
    async check(input, { actor, owners }) {
      const { subject } = signedIn(actor);
      const id = identity(input);
      if (typeof id !== 'string' || id === '') return;
      const owner = await owners.ownerOf(streamIdOf(aggregate, id));
      if (owner !== undefined && owner !== subject) throw new Forbidden(`Only the owner of ${aggregate.name} ${id} may do this`);
    },
  };
}

function signedIn(actor: Actor | undefined): Actor {
  if (!actor) throw new Unauthenticated();
  return actor;
}
