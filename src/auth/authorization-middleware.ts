import type { Middleware } from '../es/middleware.js';
import { enforce } from './access-rule.js';
import { commandRule } from './access-rules.js';
import type { StreamOwners } from './stream-owners.js';

/**
 * Checks every dispatched command against its rule in `commandRules` (by aggregate and command
 * type), with the actor of the dispatch: a refused command reaches no aggregate and appends
 * nothing. It runs after validation, so ownership is looked up only for well-formed identities.
 */
export function authorization(owners: StreamOwners, ruleFor = commandRule): Middleware {
  return {
    name: 'authorization',
    async before({ aggregate, command, metadata }) {
      const rule = ruleFor(aggregate, command.type);
      if (rule) await enforce(rule, command, { actor: metadata.actor, owners });
    },
  };
}
