import { defineAggregate, type DomainError } from '../../es/index.js';
import { type AccountCommand, accountCommands } from './account-commands.js';
import type { AccountEvent } from './account-events.js';
import { AccountClosed, AccountExists, AccountNotFound, BalanceLimitExceeded, BalanceNotZero, InsufficientFunds } from './bank-errors.js';

export interface AccountState {
  status: 'NONE' | 'OPEN' | 'CLOSED';
  balance: number;
}

/**
 * A bank account. Withdrawals and transfers may not overdraw it; a fee may. Money arriving
 * (deposits, transfer credits and refunds) is refused only for an account that is not open
 * (refunds excepted: money owed back is always returned).
 */
export const accountAggregate = defineAggregate<AccountState, AccountCommand, AccountEvent>({
  name: 'account',
  commands: accountCommands,
  ownership: { claimedBy: ['AccountOpened'] },
  initialState: { status: 'NONE', balance: 0 },
  // The state's shape, not the events': renaming event fields (bank-event-upcasters.ts) folds into the same state.
  snapshot: { every: 100, schemaVersion: 1 },

  execute(state, command) {
    const { accountNumber } = command;
    if (command.type === 'OpenAccount') {
      if (state.status !== 'NONE') return new AccountExists();
      return { type: 'AccountOpened', data: { accountNumber, holder: command.holder } };
    }
    if (state.status === 'NONE') return new AccountNotFound();
    if (command.type === 'RefundTransfer') {
      const { amount, transferId, reason } = command;
      return (
        credited(state, amount) ?? {
          type: 'TransferRefunded',
          data: { accountNumber, amount, transferId, reason, balanceAfter: state.balance + amount },
        }
      );
    }
    if (state.status === 'CLOSED') return new AccountClosed();

    switch (command.type) {
      case 'Deposit':
        return credited(state, command.amount) ?? movement('MoneyDeposited', accountNumber, state.balance + command.amount, command.amount);
      case 'CreditForTransfer': {
        const { amount, transferId, from } = command;
        return (
          credited(state, amount) ?? {
            type: 'TransferCredited',
            data: { accountNumber, amount, transferId, fromAccountNumber: from, balanceAfter: state.balance + amount },
          }
        );
      }
      case 'Withdraw':
        if (command.amount > state.balance) return new InsufficientFunds();
        return movement('MoneyWithdrawn', accountNumber, state.balance - command.amount, command.amount);
      case 'DebitForTransfer': {
        const { amount, transferId, to } = command;
        if (amount > state.balance) return new InsufficientFunds();
        return {
          type: 'TransferDebited',
          data: { accountNumber, amount, transferId, toAccountNumber: to, balanceAfter: state.balance - amount },
        };
      }
      case 'ApplyFee':
        if (!Number.isSafeInteger(state.balance - command.amount)) return new BalanceLimitExceeded();
        return movement('FeeApplied', accountNumber, state.balance - command.amount, command.amount);
      case 'CloseAccount':
        if (state.balance !== 0) return new BalanceNotZero(`The balance is ${state.balance}; it must be 0 to close the account`);
        return { type: 'AccountClosed', data: { accountNumber } };
    }
  },

  apply(state, event) {
    switch (event.type) {
      case 'AccountOpened':
        return { status: 'OPEN', balance: 0 };
      case 'AccountClosed':
        return { ...state, status: 'CLOSED' };
      default:
        return { ...state, balance: event.data.balanceAfter };
    }
  },
});

function credited(state: AccountState, amount: number): DomainError | undefined {
  return Number.isSafeInteger(state.balance + amount) ? undefined : new BalanceLimitExceeded();
}

function movement(
  type: 'MoneyDeposited' | 'MoneyWithdrawn' | 'FeeApplied',
  accountNumber: string,
  balanceAfter: number,
  amount: number,
): AccountEvent {
  return { type, data: { accountNumber, amount, balanceAfter } };
}
