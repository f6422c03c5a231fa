import type { Transaction } from 'kysely';
import { defineProjector, type RecordedEvent } from '../../es/index.js';
import type { CoinAccountEvent } from './coin-account-events.js';
import type { CoinsTables } from './coins-tables.js';

export const COIN_ACCOUNTS_PROJECTION = 'coin-accounts';

/**
 * One upsert per event: the first event of an account (a mined coin, coins received) inserts its
 * row, later ones add to its counters. Each event carries the balance it left and its stream
 * version, and the version guard skips an event the row already reflects, so applying one twice
 * changes nothing.
 */
async function project(trx: Transaction<CoinsTables>, event: RecordedEvent & CoinAccountEvent): Promise<void> {
  const { accountId, balance } = event.data;
  await trx
    .insertInto('coin_accounts')
    .values({
      account_id: accountId,
      balance,
      mined: event.type === 'CoinMined' ? 1 : 0,
      sent: event.type === 'CoinsSent' ? event.data.amount : 0,
      received: event.type === 'CoinsReceived' ? event.data.amount : 0,
      last_nonce: event.type === 'CoinMined' ? event.data.nonce : null,
      version: event.version,
      owner: event.type === 'CoinMined' ? (event.metadata.actor ?? null) : null,
    })
    .onConflict((conflict) =>
      conflict
        .column('account_id')
        .doUpdateSet((eb) => ({
          balance: eb.ref('excluded.balance'),
          mined: eb('coin_accounts.mined', '+', eb.ref('excluded.mined')),
          sent: eb('coin_accounts.sent', '+', eb.ref('excluded.sent')),
          received: eb('coin_accounts.received', '+', eb.ref('excluded.received')),
          last_nonce: eb.fn.coalesce('excluded.last_nonce', 'coin_accounts.last_nonce'),
          version: eb.ref('excluded.version'),
          owner: eb.fn.coalesce('coin_accounts.owner', 'excluded.owner'),
        }))
        .where('coin_accounts.version', '<', (eb) => eb.ref('excluded.version')),
    )
    .execute();
}

export const coinAccountsProjector = defineProjector<CoinsTables, CoinAccountEvent>({
  name: COIN_ACCOUNTS_PROJECTION,
  tables: ['coin_accounts'],
  handlers: { CoinMined: project, CoinsSent: project, CoinsReceived: project },
  async reset(db) {
    await db.deleteFrom('coin_accounts').execute();
  },
});
