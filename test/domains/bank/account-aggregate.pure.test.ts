import { describe, it } from 'vitest';
import { accountAggregate } from '../../../src/domains/bank/account-aggregate.js';
import type { AccountEvent } from '../../../src/domains/bank/account-events.js';
import { aggregateSpec } from '../../../src/es/testing/aggregate-spec.js';

const account = aggregateSpec(accountAggregate);
const accountNumber = 'ACC-1';
const opened: AccountEvent = { type: 'AccountOpened', data: { accountNumber, holder: 'Ada' } };
const deposited = (amount: number, balanceAfter: number): AccountEvent => ({
  type: 'MoneyDeposited',
  data: { accountNumber, amount, balanceAfter },
});
const closed: AccountEvent = { type: 'AccountClosed', data: { accountNumber } };

describe('account aggregate', () => {
  it('opens once', () => {
    account.given().when({ type: 'OpenAccount', accountNumber, holder: 'Ada' }).then(opened);
    account.given(opened).when({ type: 'OpenAccount', accountNumber, holder: 'Bob' }).thenError('ACCOUNT_EXISTS');
  });

  it('refuses every command to an account that was never opened', () => {
    for (const command of [
      { type: 'Deposit', accountNumber, amount: 1 },
      { type: 'Withdraw', accountNumber, amount: 1 },
      { type: 'ApplyFee', accountNumber, amount: 1 },
      { type: 'CloseAccount', accountNumber },
      { type: 'CreditForTransfer', accountNumber, amount: 1, transferId: 't', from: 'X' },
    ] as const) {
      account.given().when(command).thenError('ACCOUNT_NOT_FOUND');
    }
  });

  it('deposits and withdraws, recording the resulting balance', () => {
    account.given(opened).when({ type: 'Deposit', accountNumber, amount: 500 }).then(deposited(500, 500));
    account
      .given(opened, deposited(500, 500))
      .when({ type: 'Withdraw', accountNumber, amount: 200 })
      .then({ type: 'MoneyWithdrawn', data: { accountNumber, amount: 200, balanceAfter: 300 } });
  });

  it('never withdraws beyond the balance, but lets a fee overdraw', () => {
    account.given(opened, deposited(100, 100)).when({ type: 'Withdraw', accountNumber, amount: 101 }).thenError('INSUFFICIENT_FUNDS');
    account
      .given(opened, deposited(100, 100))
      .when({ type: 'ApplyFee', accountNumber, amount: 150 })
      .then({ type: 'FeeApplied', data: { accountNumber, amount: 150, balanceAfter: -50 } });
  });

  it('closes only at zero balance, and a closed account refuses money', () => {
    account.given(opened, deposited(1, 1)).when({ type: 'CloseAccount', accountNumber }).thenError('BALANCE_NOT_ZERO');
    account.given(opened).when({ type: 'CloseAccount', accountNumber }).then(closed);
    account.given(opened, closed).when({ type: 'Deposit', accountNumber, amount: 5 }).thenError('ACCOUNT_CLOSED');
    account.given(opened, closed).when({ type: 'CloseAccount', accountNumber }).thenError('ACCOUNT_CLOSED');
    account
      .given(opened, closed)
      .when({ type: 'CreditForTransfer', accountNumber, amount: 5, transferId: 't', from: 'X' })
      .thenError('ACCOUNT_CLOSED');
  });

  it('refunds a transfer even to an account closed meanwhile', () => {
    account
      .given(opened, closed)
      .when({ type: 'RefundTransfer', accountNumber, amount: 5, transferId: 't', reason: 'ACCOUNT_NOT_FOUND' })
      .then({
        type: 'TransferRefunded',
        data: { accountNumber, amount: 5, transferId: 't', reason: 'ACCOUNT_NOT_FOUND', balanceAfter: 5 },
      });
  });

  it('debits and credits transfers', () => {
    account
      .given(opened, deposited(100, 100))
      .when({ type: 'DebitForTransfer', accountNumber, amount: 60, transferId: 't', to: 'B' })
      .then({ type: 'TransferDebited', data: { accountNumber, amount: 60, transferId: 't', toAccountNumber: 'B', balanceAfter: 40 } });
    account
      .given(opened)
      .when({ type: 'DebitForTransfer', accountNumber, amount: 1, transferId: 't', to: 'B' })
      .thenError('INSUFFICIENT_FUNDS');
    account
      .given(opened)
      .when({ type: 'CreditForTransfer', accountNumber, amount: 60, transferId: 't', from: 'A' })
      .then({ type: 'TransferCredited', data: { accountNumber, amount: 60, transferId: 't', fromAccountNumber: 'A', balanceAfter: 60 } });
  });

  it('refuses a balance beyond the safe integer range', () => {
    const max = Number.MAX_SAFE_INTEGER;
    account.given(opened, deposited(max, max)).when({ type: 'Deposit', accountNumber, amount: 1 }).thenError('BALANCE_LIMIT_EXCEEDED');
  });

  it('evolves status and balance', () => {
    account.given(opened, deposited(7, 7)).thenState({ status: 'OPEN', balance: 7 });
    account.given(opened, closed).thenState({ status: 'CLOSED', balance: 0 });
  });
});
