import { builder } from '../../../graphql/builder.js';
import { dispatch } from '../../../graphql/dispatch.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { AccountCommand } from '../account-commands.js';
import { ACCOUNTS_PROJECTION } from '../accounts-projector.js';
import { AccountClosed, AccountExists, AccountNotFound, BalanceLimitExceeded, BalanceNotZero, InsufficientFunds } from '../bank-errors.js';
import { AccountType } from './account-type.js';
import { loadAccount } from './load-account.js';
import { byCommand } from '../../../graphql/field-access.js';

/** Sends the command, waits until the accounts projection has it, and answers with the account as projected. */
async function execute(ctx: GraphQLContext, command: AccountCommand) {
  await dispatch(ctx, command, {
    consistency: 'strong',
    projections: [ACCOUNTS_PROJECTION],
  });
  return loadAccount(ctx, command.accountNumber);
}

const OpenAccountInput = builder.inputType('OpenAccountInput', {
  fields: (t) => ({
    accountNumber: t.string({ required: true, description: '1 to 34 letters, digits or dashes.' }),
    holder: t.string({ required: true }),
  }),
});

builder.mutationField('openAccount', (t) =>
  t.field({
    access: byCommand('OpenAccount'),
    type: AccountType,
    description: 'Opens an account with a zero balance.',
    errors: { types: [AccountExists] },
    args: { input: t.arg({ type: OpenAccountInput, required: true }) },
    resolve: (_root, { input }, ctx) => execute(ctx, { type: 'OpenAccount', ...input }),
  }),
);

const amountMutations = [
  { field: 'deposit', command: 'Deposit', input: 'DepositInput', description: 'Adds money to an open account.', errors: [] },
  {
    field: 'withdraw',
    command: 'Withdraw',
    input: 'WithdrawInput',
    description: 'Takes money out; never beyond the balance.',
    errors: [InsufficientFunds],
  },
  { field: 'applyFee', command: 'ApplyFee', input: 'ApplyFeeInput', description: 'Charges a fee; a fee may overdraw.', errors: [] },
] as const;

for (const { field, command, input, description, errors } of amountMutations) {
  const Input = builder.inputType(input, {
    fields: (t) => ({
      accountNumber: t.string({ required: true }),
      amount: t.field({ type: 'SafeInt', required: true, description: 'Integer minor units (cents), greater than 0.' }),
    }),
  });
  builder.mutationField(field, (t) =>
    t.field({
      access: byCommand(command),
      type: AccountType,
      description,
      errors: { types: [AccountNotFound, AccountClosed, BalanceLimitExceeded, ...errors] },
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: (_root, args, ctx) => execute(ctx, { type: command, ...args.input }),
    }),
  );
}

builder.mutationField('closeAccount', (t) =>
  t.field({
    access: byCommand('CloseAccount'),
    type: AccountType,
    description: 'Closes an account whose balance is zero.',
    errors: { types: [AccountNotFound, AccountClosed, BalanceNotZero] },
    args: { accountNumber: t.arg.string({ required: true }) },
    resolve: (_root, { accountNumber }, ctx) => execute(ctx, { type: 'CloseAccount', accountNumber }),
  }),
);
