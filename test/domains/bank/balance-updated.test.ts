import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTypename } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT, TRANSFER, WITHDRAW } from './bank-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

interface Update {
  accountNumber: string;
  balance: number;
  delta: number;
  reason: string;
  position: string;
  transferId: string | null;
}

async function open() {
  const accountNumber = `SUB-${Math.random().toString(36).slice(2, 10)}`;
  await t.graphql(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Grace' } });
  return accountNumber;
}

async function deposit(accountNumber: string, amount: number): Promise<number> {
  await t.graphql(DEPOSIT, { input: { accountNumber, amount } });
  return t.app.store.head();
}

/** Reads `count` updates from a subscription, then ends it. */
async function take(iterator: AsyncIterableIterator<{ data?: any; errors?: unknown }>, count: number): Promise<Update[]> {
  const updates: Update[] = [];
  for await (const result of iterator) {
    expect(result.errors).toBeUndefined();
    updates.push(result.data.balanceUpdated);
    if (updates.length === count) break;
  }
  return updates;
}

describe('balanceUpdated', () => {
  it('replays every update after the cursor, then goes live', async () => {
    const accountNumber = await open();
    const afterFirst = await deposit(accountNumber, 100);
    await deposit(accountNumber, 20);
    await deposit(accountNumber, 3);
    const subscription = await t.subscribe(BALANCE_UPDATED, { accountNumber, after: String(afterFirst) });
    const received = take(subscription, 3);
    await t.graphql(WITHDRAW, { input: { accountNumber, amount: 23 } });
    const updates = await received;
    expect(updates.map((u) => [u.reason, u.delta, u.balance])).toEqual([
      ['DEPOSIT', 20, 120],
      ['DEPOSIT', 3, 123],
      ['WITHDRAWAL', -23, 100],
    ]);
    expect(updates.every((u) => u.accountNumber === accountNumber)).toBe(true);
  });

  it('has no gap and no duplicate at the seam while deposits keep committing', async () => {
    const accountNumber = await open();
    const start = await deposit(accountNumber, 1);
    const depositing = (async () => {
      for (let i = 2; i <= 40; i++) await deposit(accountNumber, i);
    })();
    const subscription = await t.subscribe(BALANCE_UPDATED, { accountNumber, after: String(start) });
    const updates = await take(subscription, 39);
    await depositing;
    expect(updates.map((u) => u.delta)).toEqual(Array.from({ length: 39 }, (_, i) => i + 2));
    const positions = updates.map((u) => Number(u.position));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(39);
    expect(updates.at(-1)!.balance).toBe((40 * 41) / 2);
  });

  it('resumes from the position of the last update it delivered', async () => {
    const accountNumber = await open();
    const before = await t.app.store.head();
    await deposit(accountNumber, 5);
    await deposit(accountNumber, 6);
    const [first] = await take(await t.subscribe(BALANCE_UPDATED, { accountNumber, after: String(before) }), 1);
    const [second] = await take(await t.subscribe(BALANCE_UPDATED, { accountNumber, after: first!.position }), 1);
    expect([first!.delta, second!.delta]).toEqual([5, 6]);
  });

  it('without a cursor delivers only what commits after it starts, for that account only', async () => {
    const accountNumber = await open();
    const other = await open();
    await deposit(accountNumber, 1);
    const subscription = await t.subscribe(BALANCE_UPDATED, { accountNumber });
    const received = take(subscription, 1);
    // The subscription starts at the head it saw; let it pass that point before the next deposits.
    await t.app.feed.waitFor(await t.app.store.head());
    await deposit(other, 999);
    await deposit(accountNumber, 2);
    expect((await received).map((u) => [u.delta, u.balance])).toEqual([[2, 3]]);
  });

  it('reports transfer movements with their transfer id', async () => {
    const from = await open();
    const to = await open();
    const before = await deposit(from, 70);
    const { data } = await t.graphql(TRANSFER, { input: { from, to, amount: 30 } });
    const [update] = await take(await t.subscribe(BALANCE_UPDATED, { accountNumber: to, after: String(before) }), 1);
    const transfer = expectTypename(data!.transfer, 'Transfer');
    expect(update).toMatchObject({ reason: 'TRANSFER_IN', delta: 30, balance: 30, transferId: transfer.id });
  });

  it('refuses a malformed cursor', async () => {
    const accountNumber = await open();
    const result = await t.subscribe(BALANCE_UPDATED, { accountNumber, after: '-1' }).catch((error: Error) => error);
    expect(String(result)).toMatch(/position cursor/);
  });
});
