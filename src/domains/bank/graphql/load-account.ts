import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { BankAccountsTable, BankTables } from '../bank-tables.js';

export function findAccount(ctx: GraphQLContext, accountNumber: string): Promise<BankAccountsTable | undefined> {
  return tables<BankTables>(ctx.app.database)
    .selectFrom('bank_accounts')
    .selectAll()
    .where('account_number', '=', accountNumber)
    .executeTakeFirst();
}

/** After a `strong` command the projection has the account; its absence is a bug, not a client error. */
export async function loadAccount(ctx: GraphQLContext, accountNumber: string): Promise<BankAccountsTable> {
  const account = await findAccount(ctx, accountNumber);
  if (!account) throw new Error(`Account ${accountNumber} is missing from its projection after a strong command`);
  return account;
}
