import { builder } from '../../../graphql/builder.js';
import { commandMutation } from '../../../graphql/command-mutation.js';
import { readBack } from '../../../graphql/read-back.js';
import { calculatorAggregate } from '../calculator-aggregate.js';
import { CALCULATOR_OPERATIONS } from '../calculator-commands.js';
import { calculatorProjector } from '../calculator-projector.js';
import { findCalculator } from './calculator-reads.js';
import { CalculatorType } from './calculator-type.js';

const CalculatorOperationEnum = builder.enumType('CalculatorOperation', { values: CALCULATOR_OPERATIONS });

commandMutation('calculate', {
  aggregate: calculatorAggregate,
  command: 'Calculate',
  description: 'Applies one operation to a calculator and returns it as the read side now shows it.',
  arguments: {
    input: (t) => ({
      calculatorId: t.id({ required: true, description: 'Any non-blank id; a calculator starts at 0 with its first operation.' }),
      operation: t.field({ type: CalculatorOperationEnum, required: true }),
      operand: t.float({
        required: true,
        description: 'Finite and not negative. ADD clamps at 10000 and SUBTRACT at 0; MULTIPLY past 10000 and DIVIDE by 0 fail.',
      }),
    }),
  },
  toCommand: ({ calculatorId, operation, operand }) => ({ calculatorId: String(calculatorId), operation, operand }),
  type: CalculatorType,
  waitFor: [calculatorProjector.name],
  result: async (ctx, { calculatorId }) => readBack(await findCalculator(ctx, calculatorId), `Calculator ${calculatorId}`),
});
