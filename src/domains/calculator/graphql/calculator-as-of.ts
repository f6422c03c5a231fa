import type { AsOf } from '../../../es/index.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import { pastState } from '../../../graphql/past-state.js';
import { calculatorAggregate } from '../calculator-aggregate.js';
import type { CalculatorView } from './calculator-reads.js';

/** The calculator as it stood at a past point, from the aggregate's state then; null before its first operation. */
export async function findCalculatorAsOf(ctx: GraphQLContext, id: string, asOf: AsOf): Promise<CalculatorView | null> {
  const past = await pastState(ctx, calculatorAggregate, `calculator-${id}`, asOf);
  if (!past) return null;
  return { id, value: past.state.value, version: past.version, updatedAt: past.occurredAt };
}
