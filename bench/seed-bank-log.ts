import { sql } from 'kysely';
import type { Chronicle } from '../src/app/chronicle.js';
import type { AccountEvent } from '../src/domains/bank/account-events.js';

/** Accounts opened per wave: their openings go through the store, then their deposits in one statement. */
const ACCOUNTS_PER_WAVE = 100;
/** How many opening appends run at once. */
const OPENING_CONCURRENCY = 8;

/**
 * Appends a bank log of `accounts` accounts with `eventsPerAccount` events each (the opening, then
 * deposits of 1 cent), fast enough for a million events. Accounts are opened in waves through the
 * store, so their holders are sealed as in production (a replay opens them); each wave's deposits
 * then go in as one `insert … select generate_series`, round-robin over the wave's accounts, as
 * the store would have written them (gap-free positions, stream versions, the head moved).
 */
export async function seedBankLog(app: Chronicle, accounts: number, eventsPerAccount: number): Promise<void> {
  const db = app.database.db;
  const depositVersion = app.store.upcasters.currentVersion('MoneyDeposited');
  const run = crypto.randomUUID().slice(0, 8);
  for (let first = 0; first < accounts; first += ACCOUNTS_PER_WAVE) {
    const wave = Math.min(ACCOUNTS_PER_WAVE, accounts - first);
    const prefix = `RB-${run}-${first}-`;
    for (let index = 0; index < wave; index += OPENING_CONCURRENCY) {
      await Promise.all(
        Array.from({ length: Math.min(OPENING_CONCURRENCY, wave - index) }, (_, offset) => {
          const accountNumber = `${prefix}${index + offset}`;
          const opened: AccountEvent = { type: 'AccountOpened', data: { accountNumber, holder: 'Bench' } };
          return app.store.append(`account-${accountNumber}`, [opened], 0, { actor: 'bench' });
        }),
      );
    }
    const deposits = eventsPerAccount - 1;
    if (deposits === 0) continue;
    // Under the head's lock, as every append: positions follow the head without a gap.
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ position: string }>`select position from event_store_head where id = 1 for update`.execute(trx);
      const head = Number(rows[0]!.position);
      await sql`
        insert into events (position, event_id, stream_id, version, type, data, metadata, correlation_id, causation_id, actor, occurred_at, schema_version)
        select ${head} + (d - 1) * ${wave} + a + 1, gen_random_uuid(), 'account-' || ${prefix} || a, d + 1, 'MoneyDeposited',
          jsonb_build_object('accountNumber', ${prefix} || a, 'amount', 1, 'balanceAfter', d), '{}'::jsonb,
          gen_random_uuid()::text, gen_random_uuid()::text, 'bench', now(), ${depositVersion}::int
        from generate_series(1, ${deposits}::int) d, generate_series(0, ${wave - 1}::int) a
        order by d, a
      `.execute(trx);
      await sql`
        update streams set version = ${eventsPerAccount}
        where stream_id in (select 'account-' || ${prefix} || a from generate_series(0, ${wave - 1}::int) a)
      `.execute(trx);
      await sql`update event_store_head set position = ${head + deposits * wave} where id = 1`.execute(trx);
    });
  }
}
