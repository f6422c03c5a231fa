import { type Upcaster, upcaster } from '../../es/index.js';
import type { AccountEvent } from './account-events.js';
import type { TransferEvent } from './transfer-events.js';

/**
 * Schema version 1 is every bank event stored before versions existed. Its money was integer cents
 * then as now; version 2 only renames, so no stored value can be read as another:
 * - a movement's `balance` becomes `balanceAfter`: the balance the movement left, not the one it found;
 * - the account at the other end of a transfer becomes `fromAccountNumber` / `toAccountNumber` (a
 *   request's `from` and `to`, a debit's `to`, a credit's `from`), as every other account is named
 *   `accountNumber`. The GraphQL `TransferInput` keeps `from` and `to`: clients depend on it.
 */

/** Version 1, as the code before versions wrote it. */
interface MovementV1 {
  accountNumber: string;
  amount: number;
  balance: number;
}
type TransferDebitedV1 = MovementV1 & { transferId: string; to: string };
type TransferCreditedV1 = MovementV1 & { transferId: string; from: string };
interface TransferRequestedV1 {
  transferId: string;
  from: string;
  to: string;
  amount: number;
}

type Data<Event extends { type: string; data: unknown }, Type extends Event['type']> = Extract<Event, { type: Type }>['data'];

function withBalanceAfter<Movement extends MovementV1>({ balance, ...movement }: Movement) {
  return { ...movement, balanceAfter: balance };
}

const movementUpcaster = (type: 'MoneyDeposited' | 'MoneyWithdrawn' | 'FeeApplied' | 'TransferRefunded') =>
  upcaster<MovementV1, Data<AccountEvent, typeof type>>(type, 1, withBalanceAfter);

/** Brings the bank's version-1 events to version 2's names (docs/upcasting.md). */
export const bankEventUpcasters: readonly Upcaster[] = [
  movementUpcaster('MoneyDeposited'),
  movementUpcaster('MoneyWithdrawn'),
  movementUpcaster('FeeApplied'),
  movementUpcaster('TransferRefunded'),
  upcaster<TransferDebitedV1, Data<AccountEvent, 'TransferDebited'>>('TransferDebited', 1, ({ to, ...debit }) => ({
    ...withBalanceAfter(debit),
    toAccountNumber: to,
  })),
  upcaster<TransferCreditedV1, Data<AccountEvent, 'TransferCredited'>>('TransferCredited', 1, ({ from, ...credit }) => ({
    ...withBalanceAfter(credit),
    fromAccountNumber: from,
  })),
  upcaster<TransferRequestedV1, Data<TransferEvent, 'TransferRequested'>>('TransferRequested', 1, ({ from, to, ...transfer }) => ({
    ...transfer,
    fromAccountNumber: from,
    toAccountNumber: to,
  })),
];
