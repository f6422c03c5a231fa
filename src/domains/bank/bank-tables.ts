import type { BalanceChangeReason } from './account-events.js';
import type { TransferStatus } from './transfer-aggregate.js';

export interface BankAccountsTable {
  account_number: string;
  holder: string;
  balance: number;
  status: 'OPEN' | 'CLOSED';
  version: number;
  opened_at: Date;
  updated_at: Date;
}

export interface BankTransactionsTable {
  position: number;
  account_number: string;
  kind: BalanceChangeReason;
  amount: number;
  delta: number;
  balance: number;
  transfer_id: string | null;
  occurred_at: Date;
}

export interface BankTransfersTable {
  transfer_id: string;
  from_account: string;
  to_account: string;
  amount: number;
  status: Exclude<TransferStatus, 'NONE'>;
  failure_reason: string | null;
  requested_at: Date;
  updated_at: Date;
}

/** Who opened the account (its AccountOpened's actor): only `me` reads it, so accounts as clients see them leave it out. */
export interface AccountOwnerColumn {
  owner: string | null;
}

export interface BankTables {
  bank_accounts: BankAccountsTable & AccountOwnerColumn;
  bank_transactions: BankTransactionsTable;
  bank_transfers: BankTransfersTable;
}
