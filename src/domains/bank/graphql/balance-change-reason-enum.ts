import { builder } from '../../../graphql/builder.js';
import { balanceChanges } from '../account-events.js';

export const BalanceChangeReasonEnum = builder.enumType('BalanceChangeReason', {
  description: 'Why a balance changed.',
  values: Object.values(balanceChanges).map((change) => change.reason),
});
