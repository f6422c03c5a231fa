import { errorType } from '../../../graphql/types/errors.js';
import { builder } from '../../../graphql/builder.js';
import { dispatch } from '../../../graphql/dispatch.js';
import { CALCULATOR_OPERATIONS, type Calculate } from '../calculator-commands.js';
import { DivideByZero, MultiplyOverflow } from '../calculator-errors.js';
import { calculatorProjector } from '../calculator-projector.js';
import { findCalculator } from '../calculator-tables.js';
import { CalculatorType } from './calculator-type.js';
import { byCommand } from '../../../graphql/field-access.js';
import { readBack } from '../../../graphql/read-back.js';

errorType(MultiplyOverflow);
errorType(DivideByZero);

const CalculatorOperationEnum = builder.enumType('CalculatorOperation', {
  values: CALCULATOR_OPERATIONS,
});

const CalculateInput = builder.inputType('CalculateInput', {
  fields: (t) => ({
    calculatorId: t.id({ required: true, description: 'Any non-blank id; a calculator starts at 0 with its first operation.' }),
    operation: t.field({ type: CalculatorOperationEnum, required: true }),
    operand: t.float({
      required: true,
      description: 'Finite and not negative. ADD clamps at 10000 and SUBTRACT at 0; MULTIPLY past 10000 and DIVIDE by 0 fail.',
    }),
  }),
});

builder.mutationField('calculate', (t) =>
  t.field({
    access: byCommand('Calculate'),
    type: CalculatorType,
    description: 'Applies one operation to a calculator and returns it as the read side now shows it.',
    errors: { types: [MultiplyOverflow, DivideByZero] },
    args: { input: t.arg({ type: CalculateInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const calculatorId = String(input.calculatorId);
      const command: Calculate = { type: 'Calculate', calculatorId, operation: input.operation, operand: input.operand };
      await dispatch(ctx, command, { consistency: 'strong', projections: [calculatorProjector.name] });
      return readBack(await findCalculator(ctx.app.database.db, calculatorId), `Calculator ${calculatorId}`);
    },
  }),
);
