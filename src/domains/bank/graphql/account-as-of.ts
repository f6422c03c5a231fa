import type { AsOf } from '../../../es/index.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { pastState } from '../../../graphql/past-state.js';
import { accountAggregate } from '../account-aggregate.js';
import type { AccountView } from './account-type.js';
import { findAccount } from './bank-reads.js';

/**
 * The account as it stood at a past point: balance, status and version from the aggregate's
 * state then (not from the projection), its transactions up to that point. Holder and opening
 * date never change once the account is open, so they are the projection's (null until it has
 * the account). Null when the account did not exist yet.
 */
export async function findAccountAsOf(ctx: GraphQLContext, accountNumber: string, asOf: AsOf): Promise<AccountView | null> {
  const past = await pastState(ctx, accountAggregate, `account-${accountNumber}`, asOf);
  if (!past || past.state.status === 'NONE') return null;
  const projected = await findAccount(ctx, accountNumber);
  return {
    account_number: accountNumber,
    holder: projected?.holder ?? null,
    opened_at: projected?.opened_at ?? null,
    balance: past.state.balance,
    status: past.state.status,
    version: past.version,
    updated_at: past.occurredAt,
    asOfPosition: past.position,
  };
}
