import type { Aggregate, Command } from '../es/aggregate.js';
import { accountAggregate } from '../domains/bank/account-aggregate.js';
import type { BankAccountsTable } from '../domains/bank/bank-tables.js';
import { transferAggregate } from '../domains/bank/transfer-aggregate.js';
import { type AccessRule, authenticated, everyone, hasRole, ownerOf, systemOnly } from './access-rule.js';

/**
 * Who may do what: every access rule of Chronicle, in one table.
 *
 * - `commandRules` are checked by the router's authorization middleware for every dispatch, by
 *   aggregate and command type, whatever sent it. A command that is not listed needs nothing more
 *   than what its entry point asked (a GraphQL mutation: a signed-in actor).
 * - `fieldRules` are checked in the GraphQL layer where a field resolves (or a subscription
 *   starts), by `Type.field`; `Type.*` covers every field of a type that has no rule of its own.
 *   A root field that is not listed gets `rootFieldDefaults`.
 *
 * A slice plugs in by adding its lines here: commands under its aggregate, operations and fields
 * by their schema name. Lines for slices not merged yet wait here and take effect when they arrive.
 * The system's own processes (process managers, event handlers) pass every rule.
 */

export const ADMIN_ROLE = 'admin';

const admin = hasRole(ADMIN_ROLE);

interface FieldInput<Args = Record<string, unknown>, Parent = unknown> {
  args: Args;
  parent: Parent;
}

type CommandRules<C extends Command> = { readonly [T in C['type']]?: AccessRule<Extract<C, { type: T }>> };

/** The rules of one aggregate's commands, typed by its command union. */
function commandsOf<C extends Command>(aggregate: Aggregate<any, C, any>, rules: CommandRules<C>) {
  return [aggregate as Aggregate<unknown, Command, any>, rules as Readonly<Record<string, AccessRule>>] as const;
}

const accountOwner = ownerOf(accountAggregate, (command: { accountNumber: string }) => command.accountNumber);

export const commandRules = new Map([
  // Bank: an account belongs to whoever opened it.
  commandsOf(accountAggregate, {
    OpenAccount: authenticated,
    Deposit: authenticated,
    Withdraw: accountOwner,
    CloseAccount: accountOwner,
    ApplyFee: admin,
    DebitForTransfer: systemOnly,
    CreditForTransfer: systemOnly,
    RefundTransfer: systemOnly,
  }),
  commandsOf(transferAggregate, {
    RequestTransfer: ownerOf(accountAggregate, (command) => command.from),
    CompleteTransfer: systemOnly,
    FailTransfer: systemOnly,
  }),
]);

export const fieldRules: Readonly<Record<string, AccessRule>> = {
  // Bank: only the owner reads an account (a depositor who is not the owner sees its number only).
  'Query.account': ownerOf(accountAggregate, ({ args }: FieldInput<{ accountNumber: string }>) => args.accountNumber),
  'Subscription.balanceUpdated': ownerOf(accountAggregate, ({ args }: FieldInput<{ accountNumber: string }>) => args.accountNumber),
  'Account.*': ownerOf(accountAggregate, ({ parent }: FieldInput<unknown, BankAccountsTable>) => parent.account_number),
  'Account.accountNumber': everyone,

  // The event browser shows every fact of every actor, dead letters too, and rebuilds and retries
  // are operations on the running system: operators only. Runtime status is as public as /health.
  'Query.events': admin,
  'Query.stream': admin,
  'Subscription.events': admin,
  'Query.projections': everyone,
  'Query.deadLetters': admin,
  'Mutation.retryDeadLetter': admin,
  'Mutation.rebuildProjection': admin,

  // Public data: challenges, leaderboards, arena scores, the richest coin accounts.
  'Query.challenge': everyone,
  'Query.challenges': everyone,
  'Subscription.leaderboardChanged': everyone,
  'Subscription.rankChanged': everyone,
  'Query.arena': everyone,
  'Subscription.arenaTop10Changed': everyone,
  'Query.richest': everyone,
  'Subscription.richestChanged': everyone,

  // Admin operations: fees (above, as a command), blocked products, the challenge lifecycle, arena weeks.
  'Mutation.applyFee': admin,
  'Mutation.blockProduct': admin,
  'Mutation.unblockProduct': admin,
  'Mutation.hostChallenge': admin,
  'Mutation.startChallenge': admin,
  'Mutation.endChallenge': admin,
  'Mutation.completeWeek': admin,
};

/** Root fields without a rule of their own: every operation needs a signed-in actor unless listed as public. */
export const rootFieldDefaults: Readonly<Record<'Query' | 'Mutation' | 'Subscription', AccessRule>> = {
  Query: authenticated,
  Mutation: authenticated,
  Subscription: authenticated,
};

/** The rule for one field: its own, its type's wildcard, or its root type's default; none for other fields. */
export function fieldRule(typeName: string, fieldName: string): AccessRule | undefined {
  return own(fieldRules, `${typeName}.${fieldName}`) ?? own(fieldRules, `${typeName}.*`) ?? own(rootFieldDefaults, typeName);
}

export function commandRule(aggregate: Aggregate<unknown, Command, any>, commandType: string): AccessRule | undefined {
  const rules = commandRules.get(aggregate);
  return rules && own(rules, commandType);
}

function own(rules: Readonly<Record<string, AccessRule>>, key: string): AccessRule | undefined {
  return Object.hasOwn(rules, key) ? rules[key] : undefined;
}
