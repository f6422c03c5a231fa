import { type AccessRule, ownerOf, type Ownership } from '../es/index.js';
import type { GraphQLContext } from './context.js';

/** What a field rule sees: the field's arguments, its parent object, and the request (to look a row up). */
export interface FieldInput<Args = any, Parent = any> {
  args: Args;
  parent: Parent;
  context: GraphQLContext;
}

/**
 * A mutation whose rule is its command's: the router applies it to whatever sends the command,
 * under the aggregate's lock. The names are checked against the registered commands by a test,
 * and docs/auth.md shows their rules.
 */
export function byCommand(...commandTypes: [string, ...string[]]): AccessRule<FieldInput> & { commandTypes: readonly string[] } {
  return { allows: `as ${commandTypes.join(', ')} allows`, commandTypes, check: () => {} };
}

/** `rule`, described for docs/auth.md by what it lets through (a list filtered to the actor's own, say). */
export function described<Input>(rule: AccessRule<Input>, allows: string): AccessRule<Input> {
  return { ...rule, allows, check: (input, context) => rule.check(input, context) };
}

/** Only the owner of the `aggregate` the field's argument (or parent) names: see `ownerOf`. */
export function ownerOfField<Args, Parent>(
  aggregate: { name: string; ownership?: Ownership | undefined },
  identity: (input: FieldInput<Args, Parent>) => unknown,
): AccessRule<FieldInput<Args, Parent>> {
  return ownerOf(aggregate, identity);
}
