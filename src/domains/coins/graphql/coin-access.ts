import { described, type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { coinAccountAggregate } from '../coin-account-aggregate.js';
import type { CoinTransfersTable } from '../coins-tables.js';

/** Only the first miner of the coin account the field's `accountId` argument names. */
export const coinAccountOwner = ownerOfField(coinAccountAggregate, ({ args }: FieldInput<{ accountId: string }>) => args.accountId);

/** A coin transfer is seen by the owners of its two accounts. */
export const coinTransferParty = described(
  ownerOfField(coinAccountAggregate, ({ parent }: FieldInput<unknown, CoinTransfersTable>) => [parent.from_account, parent.to_account]),
  'the owner of either coin account',
);
