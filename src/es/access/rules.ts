import type { Actor } from '../actor.js';
import { streamIdOf } from '../aggregate.js';
import { Forbidden, Unauthenticated } from './access-errors.js';
import type { AccessRule } from './access-rule.js';
import type { Ownership } from './ownership.js';

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
 * A command rule: only the owner of the aggregate the command executes on, decided under its
 * stream's lock. An unclaimed aggregate may be claimed: the command passes when what it decided
 * claims the stream (for this actor), or when it decided nothing (the domain refused, or a no-op).
 */
export const owner: AccessRule = {
  allows: 'its owner (whoever claimed it, by creating it)',
  check(_input, { actor, target }) {
    const { subject } = signedIn(actor);
    if (!target) throw new Error('The owner rule decides commands only; for reads use ownerOf');
    if (target.owner === undefined ? target.decided.length === 0 || target.claims : target.owner === subject) return;
    throw new Forbidden(`Only the owner of ${target.streamId} may do this`);
  },
};

type Owned = { name: string; ownership?: Ownership | undefined };

/**
 * Only the owner of the `aggregate` whose identity is `identity(input)` (or, with several, of any
 * of them). A claim never changes, so this holds outside the aggregate's lock too. An aggregate
 * nobody has claimed (or that does not exist) belongs to nobody, so this refuses it, unless
 * `unclaimed: 'allowed'` (for a command whose success goes on to claim it).
 */
export function ownerOf<Input>(
  aggregate: Owned,
  identity: (input: Input) => unknown | readonly unknown[],
  { unclaimed = 'refused' }: { unclaimed?: 'refused' | 'allowed' } = {},
): AccessRule<Input> {
  if (!aggregate.ownership) throw new Error(`ownerOf(${aggregate.name}): the aggregate declares no ownership`);
  return {
    allows:
      unclaimed === 'allowed' ? `the owner of the ${aggregate.name}, or anyone while it has none` : `the owner of the ${aggregate.name}`,
    async check(input, { actor, owners }) {
      const { subject } = signedIn(actor);
      const ids = [identity(input)].flat().filter((id): id is string => typeof id === 'string' && id !== '');
      for (const id of ids) {
        const owner = await owners.ownerOf(aggregate, streamIdOf(aggregate, id));
        if (owner === subject || (owner === undefined && unclaimed === 'allowed')) return;
      }
      throw new Forbidden(`Only the owner of ${aggregate.name} ${ids.join(' or ')} may do this`);
    },
  };
}

/** Passes when any of `rules` passes (an owner or an admin, say). */
export function anyOf<Input>(...rules: AccessRule<Input>[]): AccessRule<Input> {
  return {
    allows: rules.map((rule) => rule.allows).join(' or '),
    async check(input, context) {
      let refusal: unknown;
      for (const rule of rules) {
        try {
          return await rule.check(input, context);
        } catch (error) {
          refusal ??= error;
        }
      }
      throw refusal;
    },
  };
}

export function signedIn(actor: Actor | undefined): Actor {
  if (!actor) throw new Unauthenticated();
  return actor;
}
