import type { ResolveCursorConnectionArgs } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import { type Database, tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { parsePositionCursor } from '../../../graphql/position-cursor.js';
import { readBack } from '../../../graphql/read-back.js';
import type { BankAccountsTable, BankTables, BankTransactionsTable, BankTransfersTable } from '../bank-tables.js';

type AccountLoader = DataLoader<string, BankAccountsTable | undefined>;
const loaders = new WeakMap<Database, AccountLoader>();

/**
 * Account reads of all requests in one tick go in one query (one per database they read). Strong
 * mutations that one projector batch releases together read their accounts together. No cache:
 * every read is fresh.
 */
function accountLoader(reads: Database): AccountLoader {
  let loader = loaders.get(reads);
  if (!loader) {
    loader = new DataLoader(
      async (accountNumbers: readonly string[]) => {
        const rows = await tables<BankTables>(reads)
          .selectFrom('bank_accounts')
          .selectAll()
          .where('account_number', 'in', accountNumbers)
          .execute();
        const byNumber = new Map(rows.map((row) => [row.account_number, row]));
        return accountNumbers.map((accountNumber) => byNumber.get(accountNumber));
      },
      { cache: false },
    );
    loaders.set(reads, loader);
  }
  return loader;
}

export function findAccount(ctx: GraphQLContext, accountNumber: string): Promise<BankAccountsTable | undefined> {
  return accountLoader(ctx.reads).load(accountNumber);
}

/** The account as projected after a `strong` command. */
export async function loadAccount(ctx: GraphQLContext, accountNumber: string): Promise<BankAccountsTable> {
  return readBack(await findAccount(ctx, accountNumber), `Account ${accountNumber}`);
}

/** One page of an account's balance changes, by global position (up to `upTo` when given). */
export function accountTransactions(
  ctx: GraphQLContext,
  accountNumber: string,
  { before, after, limit, inverted }: ResolveCursorConnectionArgs,
  upTo?: number,
): Promise<BankTransactionsTable[]> {
  let query = tables<BankTables>(ctx.reads).selectFrom('bank_transactions').selectAll().where('account_number', '=', accountNumber);
  if (upTo !== undefined) query = query.where('position', '<=', upTo);
  if (after) query = query.where('position', '>', parsePositionCursor(after, 'after'));
  if (before) query = query.where('position', '<', parsePositionCursor(before, 'before'));
  return query
    .orderBy('position', inverted ? 'desc' : 'asc')
    .limit(limit)
    .execute();
}

export function findTransfer(ctx: GraphQLContext, transferId: string): Promise<BankTransfersTable | undefined> {
  return tables<BankTables>(ctx.reads).selectFrom('bank_transfers').selectAll().where('transfer_id', '=', transferId).executeTakeFirst();
}

/** The accounts `owner` opened, by account number. */
export function accountsOwnedBy(ctx: GraphQLContext, owner: string): Promise<BankAccountsTable[]> {
  return tables<BankTables>(ctx.reads)
    .selectFrom('bank_accounts')
    .selectAll()
    .where('owner', '=', owner)
    .orderBy('account_number')
    .execute();
}
