import { builder } from '../../../graphql/builder.js';
import { ownerOfField, type FieldInput } from '../../../graphql/field-access.js';
import { calculatorAggregate } from '../calculator-aggregate.js';
import { findCalculator } from './calculator-reads.js';
import { CalculatorType } from './calculator-type.js';

builder.queryField('calculator', (t) =>
  t.field({
    // Only whoever first calculated on the calculator `id` names.
    access: ownerOfField(calculatorAggregate, ({ args }: FieldInput<{ id: string | number }>) => String(args.id)),
    type: CalculatorType,
    nullable: true,
    description: 'A calculator by id; null if it never received an operation.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (await findCalculator(ctx, String(id))) ?? null,
  }),
);
