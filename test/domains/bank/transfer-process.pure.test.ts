import { describe, it } from 'vitest';
import { AccountClosed, AccountNotFound, InsufficientFunds } from '../../../src/domains/bank/bank-errors.js';
import { transferAggregate } from '../../../src/domains/bank/transfer-aggregate.js';
import { transferProcess } from '../../../src/domains/bank/transfer-process.js';
import { aggregateSpec } from '../../../src/es/testing/aggregate-spec.js';
import { processManagerSpec } from '../../../src/es/testing/process-manager-spec.js';

const process = processManagerSpec(transferProcess);
const transfer = aggregateSpec(transferAggregate);
const transferId = 'tr-1';
const requested = { type: 'TransferRequested', data: { transferId, fromAccountNumber: 'A', toAccountNumber: 'B', amount: 30 } } as const;

describe('transfer process', () => {
  it('debits the source when a transfer is requested, starting the process', () => {
    process.given().when(requested).then({ type: 'DebitForTransfer', accountNumber: 'A', amount: 30, transferId, to: 'B' });
    process.given().when(requested).routes({ start: transferId });
  });

  it('credits the destination once the source is debited', () => {
    process
      .given(requested)
      .when({ type: 'TransferDebited', data: { accountNumber: 'A', amount: 30, balanceAfter: 70, transferId, toAccountNumber: 'B' } })
      .then({ type: 'CreditForTransfer', accountNumber: 'B', amount: 30, transferId, from: 'A' });
  });

  it('completes once the destination is credited, and stops on the outcome', () => {
    process
      .given(requested)
      .when({ type: 'TransferCredited', data: { accountNumber: 'B', amount: 30, balanceAfter: 30, transferId, fromAccountNumber: 'A' } })
      .then({ type: 'CompleteTransfer', transferId });
    process.given(requested).when({ type: 'TransferCompleted', data: { transferId } }).routes({ stop: transferId });
    process
      .given(requested)
      .when({ type: 'TransferFailed', data: { transferId, reason: 'X' } })
      .routes({ stop: transferId });
  });

  it('fails the transfer when the debit is refused', () => {
    process
      .given(requested)
      .failing(new InsufficientFunds(), { type: 'DebitForTransfer', accountNumber: 'A', amount: 30, transferId, to: 'B' })
      .then({ type: 'FailTransfer', transferId, reason: 'INSUFFICIENT_FUNDS' });
  });

  it('refunds the source when the credit is refused, then fails with the credit’s reason', () => {
    const credit = { type: 'CreditForTransfer', accountNumber: 'B', amount: 30, transferId, from: 'A' };
    process
      .given(requested)
      .failing(new AccountNotFound(), credit)
      .then({ type: 'RefundTransfer', accountNumber: 'A', amount: 30, transferId, reason: 'ACCOUNT_NOT_FOUND' });
    process
      .given(requested)
      .failing(new AccountClosed(), credit)
      .then({ type: 'RefundTransfer', accountNumber: 'A', amount: 30, transferId, reason: 'ACCOUNT_CLOSED' });
    process
      .given(requested)
      .when({ type: 'TransferRefunded', data: { accountNumber: 'A', amount: 30, balanceAfter: 100, transferId, reason: 'ACCOUNT_CLOSED' } })
      .then({ type: 'FailTransfer', transferId, reason: 'ACCOUNT_CLOSED' });
  });

  it('ignores events of other processes', () => {
    process
      .given()
      .when({ type: 'MoneyDeposited', data: { accountNumber: 'A', amount: 1, balanceAfter: 1 } } as never)
      .routes(undefined);
  });
});

describe('transfer aggregate', () => {
  it('is requested once and ends once', () => {
    transfer.given().when({ type: 'RequestTransfer', transferId, from: 'A', to: 'B', amount: 30 }).then(requested);
    transfer.given(requested).when({ type: 'RequestTransfer', transferId, from: 'A', to: 'B', amount: 30 }).thenError('TRANSFER_EXISTS');
    transfer.given(requested).when({ type: 'CompleteTransfer', transferId }).then({ type: 'TransferCompleted', data: { transferId } });
    transfer
      .given(requested, { type: 'TransferCompleted', data: { transferId } })
      .when({ type: 'FailTransfer', transferId, reason: 'X' })
      .thenError('TRANSFER_NOT_PENDING');
    transfer.given().when({ type: 'CompleteTransfer', transferId }).thenError('TRANSFER_NOT_FOUND');
  });
});
