import { type DomainEvent, definePersonalData } from '../../es/index.js';

/**
 * Every event that moves money carries the amount and the balance after it, in cents. (At schema
 * version 1 `balanceAfter` was called `balance`, and a transfer leg's other account `to` or `from`:
 * `bank-event-upcasters.ts` renames them on every read.)
 */
interface Movement {
  accountNumber: string;
  amount: number;
  balanceAfter: number;
}

export type AccountEvent =
  | DomainEvent<'AccountOpened', { accountNumber: string; holder: string }>
  | DomainEvent<'MoneyDeposited', Movement>
  | DomainEvent<'MoneyWithdrawn', Movement>
  | DomainEvent<'FeeApplied', Movement>
  | DomainEvent<'AccountClosed', { accountNumber: string }>
  | DomainEvent<'TransferDebited', Movement & { transferId: string; toAccountNumber: string }>
  | DomainEvent<'TransferCredited', Movement & { transferId: string; fromAccountNumber: string }>
  | DomainEvent<'TransferRefunded', Movement & { transferId: string; reason: string }>;

/** The holder's name is about the actor who opened the account (docs/privacy.md). */
export const accountPersonalData = definePersonalData<AccountEvent>({
  AccountOpened: { holder: (_account, { actor }) => actor },
});

/** How each money-moving event changes a balance: its sign and its reason as clients see it. */
export const balanceChanges = {
  MoneyDeposited: { sign: 1, reason: 'DEPOSIT' },
  MoneyWithdrawn: { sign: -1, reason: 'WITHDRAWAL' },
  FeeApplied: { sign: -1, reason: 'FEE' },
  TransferDebited: { sign: -1, reason: 'TRANSFER_OUT' },
  TransferCredited: { sign: 1, reason: 'TRANSFER_IN' },
  TransferRefunded: { sign: 1, reason: 'TRANSFER_REFUND' },
} as const satisfies Partial<Record<AccountEvent['type'], { sign: 1 | -1; reason: string }>>;

export type BalanceEventType = keyof typeof balanceChanges;
export type BalanceChangeReason = (typeof balanceChanges)[BalanceEventType]['reason'];
export const balanceEventTypes = Object.keys(balanceChanges) as BalanceEventType[];
