import type { ColumnType } from 'kysely';

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
