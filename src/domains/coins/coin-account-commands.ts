/** Commands to a coin account; amounts are whole coins. */
export type CoinAccountCommand =
  | { type: 'MineCoin'; accountId: string; nonce: number }
  | { type: 'SendCoins'; from: string; to: string; amount: number; transferId: string }
  /** Sent by the coin transfer process only, for a `CoinsSent` of another account. */
  | { type: 'ReceiveCoins'; accountId: string; from: string; amount: number; transferId: string };
