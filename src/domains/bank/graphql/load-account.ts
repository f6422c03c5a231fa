import DataLoader from 'dataloader';
import type { Chronicle } from '../../../app/chronicle.js';
import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { BankAccountsTable, BankTables } from '../bank-tables.js';

type AccountLoader = DataLoader<string, BankAccountsTable | undefined>;
const loaders = new WeakMap<Chronicle, AccountLoader>();

/**
 * Account reads of all requests in one tick go in one query. Strong mutations that one projector
 * batch releases together read their accounts together. No cache: every read is fresh.
 */
function accountLoader(app: Chronicle): AccountLoader {
  let loader = loaders.get(app);
  if (!loader) {
    loader = new DataLoader(
      async (accountNumbers: readonly string[]) => {
        const rows = await tables<BankTables>(app.database)
          .selectFrom('bank_accounts')
          .selectAll()
          .where('account_number', 'in', accountNumbers)
          .execute();
        const byNumber = new Map(rows.map((row) => [row.account_number, row]));
        return accountNumbers.map((accountNumber) => byNumber.get(accountNumber));
      },
      { cache: false },
    );
    loaders.set(app, loader);
  }
  return loader;
}

export function findAccount(ctx: GraphQLContext, accountNumber: string): Promise<BankAccountsTable | undefined> {
  return accountLoader(ctx.app).load(accountNumber);
}

/** After a `strong` command the projection has the account; its absence is a bug, not a client error. */
export async function loadAccount(ctx: GraphQLContext, accountNumber: string): Promise<BankAccountsTable> {
  const account = await findAccount(ctx, accountNumber);
  if (!account) throw new Error(`Account ${accountNumber} is missing from its projection after a strong command`);
  return account;
}
