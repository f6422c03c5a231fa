import { defineProjector } from '../../src/es/index.js';
import type { CounterEvent } from './counter-commands.js';

export interface CounterTables {
  counters: { id: string; count: number };
}

export const counterProjector = defineProjector<CounterTables, CounterEvent>({
  name: 'counters',
  handlers: {
    async Incremented(trx, { data }) {
      await trx
        .insertInto('counters')
        .values({ id: data.counterId, count: data.count })
        .onConflict((conflict) => conflict.column('id').doUpdateSet({ count: data.count }))
        .execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('counters').execute();
  },
});
