import type { DomainEvent } from '../../es/index.js';

export type TransferEvent =
  | DomainEvent<'TransferRequested', { transferId: string; from: string; to: string; amount: number }>
  | DomainEvent<'TransferCompleted', { transferId: string }>
  | DomainEvent<'TransferFailed', { transferId: string; reason: string }>;
