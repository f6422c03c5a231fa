export interface CoinAccountsTable {
  account_id: string;
  balance: number;
  /** Coins this account mined. */
  mined: number;
  /** Coins it sent and received, in total. */
  sent: number;
  received: number;
  last_nonce: number | null;
  /** The version of the account stream this row reflects. */
  version: number;
  /** Who mined its first coin (the actor of the CoinMined that claimed it); null while nobody has. */
  owner: string | null;
}

export type CoinTransferStatus = 'PENDING' | 'COMPLETED';

export interface CoinTransfersTable {
  transfer_id: string;
  from_account: string;
  to_account: string;
  amount: number;
  status: CoinTransferStatus;
  sent_at: Date;
  completed_at: Date | null;
}

export interface CoinsTables {
  coin_accounts: CoinAccountsTable;
  coin_transfers: CoinTransfersTable;
}
