import type { DomainEvent } from '../../es/index.js';

/** A transfer's amount is in cents (in euros at schema version 1: `bank-event-upcasters.ts`). */
export type TransferEvent =
  | DomainEvent<'TransferRequested', { transferId: string; from: string; to: string; amount: number }>
  | DomainEvent<'TransferCompleted', { transferId: string }>
  | DomainEvent<'TransferFailed', { transferId: string; reason: string }>;
