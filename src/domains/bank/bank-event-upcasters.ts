import { type Upcaster, upcaster } from '../../es/index.js';
import type { AccountEvent, BalanceEventType } from './account-events.js';
import type { TransferEvent } from './transfer-events.js';

/**
 * Schema version 1 of the bank's events recorded money as decimal euros (`amount: 12.5`), the way
 * it was typed in. Money is integer minor units everywhere now (`amount: 1250` cents), since a sum
 * of decimal floats drifts; from version 2 on every amount and balance is in cents. The two shapes
 * cannot be told apart by looking (12 euros or 12 cents?), which is why the version is stored.
 * Every amount recorded then was a whole number of cents, so rounding only removes the float's noise.
 */
const toMinorUnits = (euros: number): number => Math.round(euros * 100);

type Movement = Extract<AccountEvent, { type: BalanceEventType }>['data'];
type TransferRequested = Extract<TransferEvent, { type: 'TransferRequested' }>['data'];

const movementInCents = (type: BalanceEventType) =>
  upcaster<Movement, Movement>(type, 1, (movement) => ({
    ...movement,
    amount: toMinorUnits(movement.amount),
    balance: toMinorUnits(movement.balance),
  }));

/** Brings the bank's version-1 events, in euros, to cents (docs/upcasting.md). */
export const bankEventUpcasters: readonly Upcaster[] = [
  movementInCents('MoneyDeposited'),
  movementInCents('MoneyWithdrawn'),
  movementInCents('FeeApplied'),
  movementInCents('TransferDebited'),
  movementInCents('TransferCredited'),
  movementInCents('TransferRefunded'),
  upcaster<TransferRequested, TransferRequested>('TransferRequested', 1, (transfer) => ({
    ...transfer,
    amount: toMinorUnits(transfer.amount),
  })),
];
