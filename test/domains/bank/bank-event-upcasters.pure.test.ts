import { describe, expect, it } from 'vitest';
import { bankEventUpcasters } from '../../../src/domains/bank/bank-event-upcasters.js';
import { EventUpcasters, type RecordedEvent } from '../../../src/es/index.js';

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

describe("the bank's upcasters (version 1 in euros, version 2 in cents)", () => {
  it('bring every money-moving event and a transfer request to cents, keeping their other fields', () => {
    expect(upcasters.upcast(stored('MoneyDeposited', { accountNumber: 'A', amount: 12.5, balance: 12.5 }), 1).data).toEqual({
      accountNumber: 'A',
      amount: 1250,
      balance: 1250,
    });
    for (const type of ['MoneyWithdrawn', 'FeeApplied', 'TransferDebited', 'TransferCredited', 'TransferRefunded']) {
      const data = { accountNumber: 'A', amount: 0.29, balance: 1.15, transferId: 't' };
      expect(upcasters.upcast(stored(type, data), 1).data).toEqual({ accountNumber: 'A', amount: 29, balance: 115, transferId: 't' });
    }
    expect(upcasters.upcast(stored('TransferRequested', { transferId: 't', from: 'A', to: 'B', amount: 2.5 }), 1).data).toEqual({
      transferId: 't',
      from: 'A',
      to: 'B',
      amount: 250,
    });
  });

  it('write money events at version 2 and leave the events without money at 1', () => {
    expect(upcasters.currentVersion('MoneyDeposited')).toBe(2);
    expect(upcasters.currentVersion('TransferRequested')).toBe(2);
    expect(upcasters.currentVersion('AccountOpened')).toBe(1);
    const current = stored('MoneyDeposited', { accountNumber: 'A', amount: 1250, balance: 1250 });
    expect(upcasters.upcast(current, 2)).toBe(current);
  });
});
