import type { DomainEvent } from '../../es/index.js';

/**
 * Every event carries the balance it left, so a balance subscription or a projection never has
 * to fold the account's history to know it.
 */
export type CoinAccountEvent =
  | DomainEvent<'CoinMined', { accountId: string; nonce: number; balance: number }>
  | DomainEvent<'CoinsSent', { accountId: string; to: string; amount: number; transferId: string; balance: number }>
  | DomainEvent<'CoinsReceived', { accountId: string; from: string; amount: number; transferId: string; balance: number }>;

export type CoinAccountEventType = CoinAccountEvent['type'];

/** How each event changes the balance, and the reason clients see. */
export const coinBalanceChanges = {
  CoinMined: { sign: 1, reason: 'MINED' },
  CoinsSent: { sign: -1, reason: 'SENT' },
  CoinsReceived: { sign: 1, reason: 'RECEIVED' },
} as const satisfies Record<CoinAccountEventType, { sign: 1 | -1; reason: string }>;

export type CoinBalanceChangeReason = (typeof coinBalanceChanges)[CoinAccountEventType]['reason'];
export const coinAccountEventTypes = Object.keys(coinBalanceChanges) as CoinAccountEventType[];

/** The coins an event moves: one for a mined coin, the amount otherwise. */
export function coinsMoved(event: CoinAccountEvent): number {
  return event.type === 'CoinMined' ? 1 : event.data.amount;
}
