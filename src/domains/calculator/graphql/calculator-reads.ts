import { tables } from '../../../db/database.js';
import type { GraphQLContext } from '../../../graphql/context.js';
import type { CalculatorTables } from '../calculator-tables.js';

/** A calculator as the read side knows it. */
export interface CalculatorView {
  id: string;
  value: number;
  version: number;
  updatedAt: Date;
}

/** The calculator's row, or undefined for a calculator that never received a command. */
export async function findCalculator(ctx: GraphQLContext, id: string): Promise<CalculatorView | undefined> {
  const row = await tables<CalculatorTables>(ctx.reads).selectFrom('calculators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, value: Number(row.value), version: row.version, updatedAt: new Date(row.updated_at) };
}
