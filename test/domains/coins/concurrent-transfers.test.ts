import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coinAccountsProjector } from '../../../src/domains/coins/coin-accounts-projector.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { mine } from './coin-test-helpers.js';
import { COIN_TRANSFER, SEND_COINS } from './coins-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

const accountRows = () => t.app.database.db.selectFrom('coin_accounts').selectAll().orderBy('account_id').execute();

describe('20 concurrent transfers between the same accounts', () => {
  it('leave the number of coins unchanged and the projection equal to a rebuild from scratch', async () => {
    const accounts = ['ada', 'bea', 'cyd'];
    for (const accountId of accounts) await mine(t, accountId, 4);

    const sends = Array.from({ length: 20 }, (_, index) => ({
      from: accounts[index % 3]!,
      to: accounts[(index + 1 + (index % 2)) % 3]!,
      amount: 1 + (index % 3),
    }));
    const results = await Promise.all(sends.map((input) => t.graphql(SEND_COINS, { input })));
    await t.settle();

    const sent = results.map(({ data, errors }) => {
      expect(errors).toBeUndefined();
      const result = data!.sendCoins;
      expect(['CoinTransfer', 'NotEnoughCoinsError']).toContain(result.__typename);
      return result;
    });
    const transfers = sent.flatMap((result) => (result.__typename === 'CoinTransfer' ? [result] : []));
    expect(transfers.length).toBeGreaterThan(0);
    for (const { id } of transfers) expect((await t.graphql(COIN_TRANSFER, { id })).data!.coinTransfer!.status).toBe('COMPLETED');

    const rows = await accountRows();
    expect(rows.reduce((sum, row) => sum + row.balance, 0)).toBe(12);
    for (const row of rows) expect(row.balance).toBe(row.mined - row.sent + row.received);
    expect(rows.reduce((sum, row) => sum + row.sent, 0)).toBe(transfers.reduce((sum, transfer) => sum + transfer.amount, 0));

    // Each balance is also what the account's own events add up to.
    for (const row of rows) {
      const events = await t.app.store.readStream(`coin-account-${row.account_id}`);
      const folded = events.reduce((balance, event) => {
        const data = event.data as { amount?: number };
        return balance + (event.type === 'CoinMined' ? 1 : event.type === 'CoinsSent' ? -data.amount! : data.amount!);
      }, 0);
      expect(folded).toBe(row.balance);
      expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
    }

    await t.app.runtimes.rebuild(coinAccountsProjector.name);
    await t.settle();
    expect(await accountRows()).toEqual(rows);
  });
});
