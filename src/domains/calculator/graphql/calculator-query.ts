import { builder } from '../../../graphql/builder.js';
import { ownerOfField, type FieldInput } from '../../../graphql/field-access.js';
import { asOfInput } from '../../../graphql/past-state.js';
import { AsOfInput } from '../../../graphql/types/as-of.js';
import { calculatorAggregate } from '../calculator-aggregate.js';
import { findCalculatorAsOf } from './calculator-as-of.js';
import { findCalculator } from './calculator-reads.js';
import { CalculatorType } from './calculator-type.js';

builder.queryField('calculator', (t) =>
  t.field({
    // Only whoever first calculated on the calculator `id` names, for its past as for its present.
    access: ownerOfField(calculatorAggregate, ({ args }: FieldInput<{ id: string | number }>) => String(args.id)),
    type: CalculatorType,
    nullable: true,
    description:
      'A calculator by id; null if it never received an operation. With `asOf`, the calculator as it stood then ' +
      '(docs/time-travel.md): null before its first operation.',
    args: {
      id: t.arg.id({ required: true }),
      asOf: t.arg({ type: AsOfInput, description: 'A past point; omitted, the calculator now.' }),
    },
    resolve: async (_root, { id, asOf }, ctx) =>
      asOf ? findCalculatorAsOf(ctx, String(id), asOfInput(asOf)) : ((await findCalculator(ctx, String(id))) ?? null),
  }),
);
