/** Commands to a bank account; amounts are integer minor units (cents). */
export type AccountCommand =
  | { type: 'OpenAccount'; accountNumber: string; holder: string }
  | { type: 'Deposit'; accountNumber: string; amount: number }
  | { type: 'Withdraw'; accountNumber: string; amount: number }
  | { type: 'ApplyFee'; accountNumber: string; amount: number }
  | { type: 'CloseAccount'; accountNumber: string }
  | { type: 'DebitForTransfer'; accountNumber: string; amount: number; transferId: string; to: string }
  | { type: 'CreditForTransfer'; accountNumber: string; amount: number; transferId: string; from: string }
  | { type: 'RefundTransfer'; accountNumber: string; amount: number; transferId: string; reason: string };
