import { builder } from '../../../graphql/builder.js';
import { findCalculator } from '../calculator-tables.js';
import { CalculatorType } from './calculator-type.js';
import { calculatorOwner } from './calculator-access.js';

builder.queryField('calculator', (t) =>
  t.field({
    access: calculatorOwner,
    type: CalculatorType,
    nullable: true,
    description: 'A calculator by id; null if it never received an operation.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => (await findCalculator(ctx.app.database.db, String(id))) ?? null,
  }),
);
