import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { accountAggregate } from '../account-aggregate.js';

/** Only the owner of the account the field's `accountNumber` argument names. */
export const accountOwner = ownerOfField(accountAggregate, ({ args }: FieldInput<{ accountNumber: string }>) => args.accountNumber);
