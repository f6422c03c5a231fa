import type { ColumnType, Kysely } from 'kysely';

/** The `calculators` read table (migrations/0003-calculator.ts): one row per calculator that received a command. */
export interface CalculatorsTable {
  id: string;
  /** `numeric(14, 9)`: comes back as a string from `pg`; always written as a number. */
  value: ColumnType<string | number, number, number>;
  /** The aggregate's stream version after the last event projected into the row. */
  version: number;
  updated_at: ColumnType<Date, Date, Date>;
}

export interface CalculatorTables {
  calculators: CalculatorsTable;
}

/** A calculator as the read side knows it. */
export interface CalculatorView {
  id: string;
  value: number;
  version: number;
  updatedAt: Date;
}

/** The calculator's row, or undefined for a calculator that never received a command. */
export async function findCalculator(db: Kysely<CalculatorTables>, id: string): Promise<CalculatorView | undefined> {
  const row = await db.selectFrom('calculators').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, value: Number(row.value), version: row.version, updatedAt: new Date(row.updated_at) };
}
