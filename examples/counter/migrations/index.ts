import type { Kysely, Migration } from 'kysely';

const counters: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('counters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
};

export const counterMigrations: Readonly<Record<string, Migration>> = { '0012-counters': counters };
