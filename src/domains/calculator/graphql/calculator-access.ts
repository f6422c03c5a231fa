import { type FieldInput, ownerOfField } from '../../../graphql/field-access.js';
import { calculatorAggregate } from '../calculator-aggregate.js';

/** Only whoever first calculated on the calculator the field's `id` argument names. */
export const calculatorOwner = ownerOfField(calculatorAggregate, ({ args }: FieldInput<{ id: string | number }>) => String(args.id));
