import { GraphQLError } from 'graphql';
import type { Kysely } from 'kysely';
import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { readBack } from '../../../graphql/read-back.js';
import type { CoinAccountsTable, CoinsTables, CoinTransfersTable } from '../coins-tables.js';

export const MAX_RICHEST = 100;

const db = (ctx: GraphQLContext): Kysely<CoinsTables> => tables<CoinsTables>(ctx.reads);

export function findCoinAccount(ctx: GraphQLContext, accountId: string): Promise<CoinAccountsTable | undefined> {
  return db(ctx).selectFrom('coin_accounts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** The account as projected after a `strong` command. */
export async function loadCoinAccount(ctx: GraphQLContext, accountId: string): Promise<CoinAccountsTable> {
  return readBack(await findCoinAccount(ctx, accountId), `Coin account ${accountId}`);
}

/** The `first` richest accounts: balance descending, ties by account id, so equal balances keep their order. */
export function findRichest(ctx: GraphQLContext, first: number): Promise<CoinAccountsTable[]> {
  return db(ctx).selectFrom('coin_accounts').selectAll().orderBy('balance', 'desc').orderBy('account_id').limit(first).execute();
}

/** The `first` argument of `richest` and `richestChanged`, checked before anything is read. */
export function richestLimit(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_RICHEST) {
    throw new GraphQLError(`"first" must be between 1 and ${MAX_RICHEST}`, { extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
  }
  return first;
}

export function findCoinTransfer(ctx: GraphQLContext, transferId: string): Promise<CoinTransfersTable | undefined> {
  return db(ctx).selectFrom('coin_transfers').selectAll().where('transfer_id', '=', transferId).executeTakeFirst();
}

/** The coin accounts `owner` claimed (mined the first coin of), by account id. */
export function coinAccountsOwnedBy(ctx: GraphQLContext, owner: string): Promise<CoinAccountsTable[]> {
  return db(ctx).selectFrom('coin_accounts').selectAll().where('owner', '=', owner).orderBy('account_id').execute();
}
