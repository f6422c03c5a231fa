import DataLoader from 'dataloader';
import type { Chronicle } from '../../../app/chronicle.js';
import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { BankAccountsTable, BankTables } from '../bank-tables.js';
import { readBack } from '../../../graphql/read-back.js';

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

/** The account as projected after a `strong` command. */
export async function loadAccount(ctx: GraphQLContext, accountNumber: string): Promise<BankAccountsTable> {
  return readBack(await findAccount(ctx, accountNumber), `Account ${accountNumber}`);
}
