import { type Kysely, sql } from 'kysely';

/** Read tables of the coins slice, kept by the coin-accounts and coin-transfers projectors. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coin_accounts')
    .addColumn('account_id', 'text', (c) => c.primaryKey())
    .addColumn('balance', 'bigint', (c) => c.notNull().check(sql`balance >= 0`))
    .addColumn('mined', 'bigint', (c) => c.notNull())
    .addColumn('sent', 'bigint', (c) => c.notNull())
    .addColumn('received', 'bigint', (c) => c.notNull())
    .addColumn('last_nonce', 'bigint')
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  // `richest`: balance descending, ties by account id.
  await db.schema.createIndex('coin_accounts_richest_idx').on('coin_accounts').expression(sql`balance desc, account_id`).execute();

  await db.schema
    .createTable('coin_transfers')
    .addColumn('transfer_id', 'text', (c) => c.primaryKey())
    .addColumn('from_account', 'text', (c) => c.notNull())
    .addColumn('to_account', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['coin_transfers', 'coin_accounts']) await db.schema.dropTable(table).ifExists().execute();
}
