import { builder } from '../../../graphql/builder.js';
import type { CalculatorView } from './calculator-reads.js';

export const CalculatorType = builder.objectRef<CalculatorView>('Calculator').implement({
  description:
    'A calculator whose value stays within [0, 10000], as the read side knows it, or as it stood at a past point (`calculator(asOf:)`).',
  fields: (t) => ({
    id: t.exposeID('id'),
    value: t.exposeFloat('value', { description: 'The value now (or at the point `asOf` names), rounded to 9 decimal places.' }),
    version: t.exposeInt('version', { description: 'How many operations the calculator has applied.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the last operation was applied.' }),
  }),
});
