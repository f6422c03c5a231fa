import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS_PROJECTION } from '../../src/domains/bank/accounts-projector.js';
import { ORDERS_PROJECTION } from '../../src/domains/orders/orders-projector.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { NEEDS_CONCURRENCY, concurrent } from '../support/test-database.js';
import { TEST_ACTOR } from '../support/test-auth.js';
import { ACCOUNT, OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { createOrder } from '../domains/orders/order-fixtures.js';
import { ORDERS } from '../domains/orders/order-operations.js';

const ACCOUNTS = 20;
const DEPOSITS_PER_ACCOUNT = 500;

// Readers race the switch on their own connections: PostgreSQL only.
describe.skipIf(!concurrent)(`a blue-green rebuild ${NEEDS_CONCURRENCY}`, () => {
  let t: TestApp;
  const accounts = Array.from({ length: ACCOUNTS }, (_, index) => `BG-${index}-${crypto.randomUUID().slice(0, 8)}`);

  beforeAll(async () => {
    t = await createTestApp();
    for (const accountNumber of accounts) {
      const { errors } = await t.graphql(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Blue Green' } });
      expect(errors).toBeUndefined();
    }
    for (let order = 0; order < 5; order++) await createOrder(t);
    // 10,000 deposits: each account's one after another, the accounts side by side, so appends batch.
    await Promise.all(
      accounts.map(async (accountNumber) => {
        for (let deposit = 1; deposit <= DEPOSITS_PER_ACCOUNT; deposit++) {
          await t.app.router.dispatch({ type: 'Deposit', accountNumber, amount: deposit }, { actor: TEST_ACTOR });
        }
      }),
    );
    await t.settle();
  }, 60_000);

  afterAll(() => t?.stop());

  it('keeps answering the complete old tables until the new ones, caught up, replace them at once', async () => {
    expect(await t.app.store.head()).toBeGreaterThan(10_000);
    const accountNumber = accounts[0]!;
    const read = async () => {
      const [account, orders] = await Promise.all([t.graphql(ACCOUNT, { accountNumber, first: 1 }), t.graphql(ORDERS, { first: 10 })]);
      expect(account.errors).toBeUndefined();
      expect(orders.errors).toBeUndefined();
      return {
        balance: account.data!.account?.balance,
        transactions: account.data!.account?.transactions?.edges.map((edge) => edge.node),
        orders: orders.data!.orders.edges.map((edge) => edge.node),
      };
    };
    const before = await read();
    expect(before.balance).toBe((DEPOSITS_PER_ACCOUNT * (DEPOSITS_PER_ACCOUNT + 1)) / 2);
    expect(before.orders).toHaveLength(5);

    const versions = await Promise.all([ACCOUNTS_PROJECTION, ORDERS_PROJECTION].map((name) => t.app.runtimes.rebuild(name)));
    const rebuilt = t.app.runtimes.settle();
    let done = false;
    void rebuilt.then(() => (done = true));
    const reads: Awaited<ReturnType<typeof read>>[] = [];
    while (!done) reads.push(await read());
    await rebuilt;
    reads.push(await read());

    expect(reads.length).toBeGreaterThan(1);
    for (const seen of reads) expect(seen).toEqual(before);
    for (const [index, name] of [ACCOUNTS_PROJECTION, ORDERS_PROJECTION].entries()) {
      const live = (await t.app.runtimes.versions(name)).filter((version) => version.status === 'live');
      expect(live.map((version) => version.id)).toEqual([versions[index]]);
    }
  });
});
