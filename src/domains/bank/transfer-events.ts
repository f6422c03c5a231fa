import type { DomainEvent } from '../../es/index.js';

/**
 * A transfer's amount is in cents. Its accounts are `fromAccountNumber` and `toAccountNumber` (`from`
 * and `to` at schema version 1: `bank-event-upcasters.ts`); the GraphQL `TransferInput` keeps `from`
 * and `to`, a client contract (docs/clients.md).
 */
export type TransferEvent =
  | DomainEvent<'TransferRequested', { transferId: string; fromAccountNumber: string; toAccountNumber: string; amount: number }>
  | DomainEvent<'TransferCompleted', { transferId: string }>
  | DomainEvent<'TransferFailed', { transferId: string; reason: string }>;
