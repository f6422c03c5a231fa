import { type Kysely, sql } from 'kysely';

/**
 * `coin_accounts.owner`: who mined the account's first coin (the actor of its first CoinMined, the
 * event that claims it), so `me` lists each actor their own. An account that has only received
 * coins belongs to nobody yet.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('coin_accounts').addColumn('owner', 'text').execute();
  await sql`
    update coin_accounts set owner = (
      select events.actor from events
      where events.stream_id = 'coin-account-' || coin_accounts.account_id and events.type = 'CoinMined'
      order by events.position limit 1
    )
  `.execute(db);
  await db.schema.createIndex('coin_accounts_owner').on('coin_accounts').columns(['owner', 'account_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('coin_accounts').dropColumn('owner').execute();
}
