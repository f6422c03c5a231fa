export type TransferCommand =
  | { type: 'RequestTransfer'; transferId: string; from: string; to: string; amount: number }
  | { type: 'CompleteTransfer'; transferId: string }
  | { type: 'FailTransfer'; transferId: string; reason: string };
