import { type Kysely, sql } from 'kysely';

/** `bank_accounts.owner`: who opened each account (its AccountOpened's actor), so `me` lists each actor their own. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bank_accounts').addColumn('owner', 'text').execute();
  await sql`
    update bank_accounts set owner = events.actor
    from events where events.stream_id = 'account-' || bank_accounts.account_number and events.type = 'AccountOpened'
  `.execute(db);
  await db.schema.createIndex('bank_accounts_owner').on('bank_accounts').columns(['owner', 'account_number']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bank_accounts').dropColumn('owner').execute();
}
