import { describe, expect, it } from 'vitest';
import { accountAggregate } from '../../../src/domains/bank/account-aggregate.js';
import type { AccountEvent } from '../../../src/domains/bank/account-events.js';
import { bankEventUpcasters } from '../../../src/domains/bank/bank-event-upcasters.js';
import { transferProcess } from '../../../src/domains/bank/transfer-process.js';
import { EventUpcasters, type RecordedEvent } from '../../../src/es/index.js';
import { processManagerSpec } from '../../../src/es/testing/process-manager-spec.js';

const upcasters = new EventUpcasters(bankEventUpcasters);

function stored(type: string, data: unknown): RecordedEvent {
  return {
    position: 1,
    eventId: '00000000-0000-4000-8000-000000000001',
    streamId: 'account-A',
    version: 2,
    type,
    data,
    metadata: { correlationId: 'c', causationId: undefined, actor: undefined },
    occurredAt: new Date(0),
  };
}

/** A version-1 event as the code before schema versions wrote it, read by today's code. */
function read<Event extends { type: string; data: unknown }>(type: Event['type'], data: unknown): Event {
  const { data: upcast } = upcasters.upcast(stored(type, data), 1);
  return { type, data: upcast } as Event;
}

describe("the bank's upcasters (version 1: balance, from and to; version 2: balanceAfter, fromAccountNumber and toAccountNumber)", () => {
  it('rename the fields of every version-1 event that has them, and change no value', () => {
    for (const type of ['MoneyDeposited', 'MoneyWithdrawn', 'FeeApplied']) {
      expect(read(type, { accountNumber: 'A', amount: 1250, balance: 11250 }).data).toEqual({
        accountNumber: 'A',
        amount: 1250,
        balanceAfter: 11250,
      });
    }
    expect(read('TransferDebited', { accountNumber: 'A', amount: 30, transferId: 't', to: 'B', balance: 70 }).data).toEqual({
      accountNumber: 'A',
      amount: 30,
      transferId: 't',
      toAccountNumber: 'B',
      balanceAfter: 70,
    });
    expect(read('TransferCredited', { accountNumber: 'B', amount: 30, transferId: 't', from: 'A', balance: 30 }).data).toEqual({
      accountNumber: 'B',
      amount: 30,
      transferId: 't',
      fromAccountNumber: 'A',
      balanceAfter: 30,
    });
    expect(
      read('TransferRefunded', { accountNumber: 'A', amount: 30, transferId: 't', reason: 'ACCOUNT_CLOSED', balance: 100 }).data,
    ).toEqual({
      accountNumber: 'A',
      amount: 30,
      transferId: 't',
      reason: 'ACCOUNT_CLOSED',
      balanceAfter: 100,
    });
    expect(read('TransferRequested', { transferId: 't', from: 'A', to: 'B', amount: 250 }).data).toEqual({
      transferId: 't',
      fromAccountNumber: 'A',
      toAccountNumber: 'B',
      amount: 250,
    });
  });

  it('write the renamed events at version 2, leave the others at 1, and pass a version-2 event on as it is', () => {
    for (const type of ['MoneyDeposited', 'MoneyWithdrawn', 'FeeApplied', 'TransferDebited', 'TransferCredited', 'TransferRefunded']) {
      expect(upcasters.currentVersion(type), type).toBe(2);
    }
    expect(upcasters.currentVersion('TransferRequested')).toBe(2);
    for (const type of ['AccountOpened', 'AccountClosed', 'TransferCompleted', 'TransferFailed']) {
      expect(upcasters.currentVersion(type), type).toBe(1);
    }
    const current = stored('MoneyDeposited', { accountNumber: 'A', amount: 1250, balanceAfter: 1250 });
    expect(upcasters.upcast(current, 2)).toBe(current);
  });

  it('let the account fold version-1 movements into the balance they left', () => {
    const history: AccountEvent[] = [
      { type: 'AccountOpened', data: { accountNumber: 'A', holder: 'Ada' } },
      read('MoneyDeposited', { accountNumber: 'A', amount: 1250, balance: 1250 }),
      read('TransferDebited', { accountNumber: 'A', amount: 250, transferId: 't', to: 'B', balance: 1000 }),
    ];
    expect(history.reduce(accountAggregate.apply, accountAggregate.initialState)).toEqual({ status: 'OPEN', balance: 1000 });
  });

  it('let the transfer process go on from version-1 steps: a request debits its source, a debit credits its destination', () => {
    const process = processManagerSpec(transferProcess);
    const requested = read<Parameters<typeof transferProcess.handle>[1]>('TransferRequested', {
      transferId: 't',
      from: 'A',
      to: 'B',
      amount: 250,
    });
    process.given().when(requested).then({ type: 'DebitForTransfer', accountNumber: 'A', amount: 250, transferId: 't', to: 'B' });
    process
      .given(requested)
      .when(read('TransferDebited', { accountNumber: 'A', amount: 250, transferId: 't', to: 'B', balance: 1000 }))
      .then({ type: 'CreditForTransfer', accountNumber: 'B', amount: 250, transferId: 't', from: 'A' });
  });
});
