import { commandMutation, type InputFieldBuilder } from '../../../graphql/command-mutation.js';
import { accountAggregate } from '../account-aggregate.js';
import { ACCOUNTS_PROJECTION } from '../accounts-projector.js';
import { AccountType } from './account-type.js';
import { loadAccount } from './bank-reads.js';

// Every account mutation answers with the account as projected once its command is done.

commandMutation('openAccount', {
  aggregate: accountAggregate,
  command: 'OpenAccount',
  description: 'Opens an account with a zero balance.',
  arguments: {
    input: (t) => ({
      accountNumber: t.string({ required: true, description: '1 to 34 letters, digits or dashes.' }),
      holder: t.string({ required: true }),
    }),
  },
  type: AccountType,
  waitFor: [ACCOUNTS_PROJECTION],
  result: (ctx, command) => loadAccount(ctx, command.accountNumber),
});

const amountInput = (t: InputFieldBuilder) => ({
  accountNumber: t.string({ required: true }),
  amount: t.field({ type: 'SafeInt', required: true, description: 'Integer minor units (cents), greater than 0.' }),
});

const amountMutations = [
  { field: 'deposit', command: 'Deposit', description: 'Adds money to an open account.' },
  { field: 'withdraw', command: 'Withdraw', description: 'Takes money out; never beyond the balance.' },
  { field: 'applyFee', command: 'ApplyFee', description: 'Charges a fee; a fee may overdraw.' },
] as const;

for (const { field, command, description } of amountMutations) {
  commandMutation(field, {
    aggregate: accountAggregate,
    command,
    description,
    arguments: { input: amountInput },
    type: AccountType,
    waitFor: [ACCOUNTS_PROJECTION],
    result: (ctx, { accountNumber }) => loadAccount(ctx, accountNumber),
  });
}

commandMutation('closeAccount', {
  aggregate: accountAggregate,
  command: 'CloseAccount',
  description: 'Closes an account whose balance is zero.',
  arguments: { args: (t) => ({ accountNumber: t.string({ required: true }) }) },
  type: AccountType,
  waitFor: [ACCOUNTS_PROJECTION],
  result: (ctx, command) => loadAccount(ctx, command.accountNumber),
});
