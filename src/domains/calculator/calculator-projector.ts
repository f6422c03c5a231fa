import type { Transaction } from 'kysely';
import { defineProjector, type RecordedEvent } from '../../es/index.js';
import type { CalculationData, CalculatorEvent } from './calculator-events.js';
import type { CalculatorTables } from './calculator-tables.js';

/**
 * Every calculator event carries the resulting value, so each one simply upserts the row. The
 * version guard keeps a row from ever moving backwards.
 */
async function project(trx: Transaction<CalculatorTables>, event: RecordedEvent<string, CalculationData>): Promise<void> {
  const { calculatorId, value } = event.data;
  await trx
    .insertInto('calculators')
    .values({ id: calculatorId, value, version: event.version, updated_at: event.occurredAt })
    .onConflict((conflict) =>
      conflict
        .column('id')
        .doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          version: eb.ref('excluded.version'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('calculators.version', '<', (eb) => eb.ref('excluded.version')),
    )
    .execute();
}

export const calculatorProjector = defineProjector<CalculatorTables, CalculatorEvent>({
  name: 'calculators',
  tables: ['calculators'],
  handlers: {
    CalculatorAdded: project,
    CalculatorSubtracted: project,
    CalculatorMultiplied: project,
    CalculatorDivided: project,
  },
  async reset(db) {
    await db.deleteFrom('calculators').execute();
  },
});
