import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { mine, send } from './coin-test-helpers.js';
import { COIN_BALANCE_CHANGED, RICHEST_CHANGED } from './coins-operations.js';

// A fresh app per test: richestChanged reads every account.
let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.stop());

type Results<T> = AsyncIterableIterator<{ data?: T | null; errors?: unknown }>;

async function nextValue<T>(iterator: Results<T>): Promise<T> {
  const result = await iterator.next();
  expect(result.done).toBe(false);
  expect(result.value.errors).toBeUndefined();
  return result.value.data!;
}

describe('richestChanged', () => {
  it('gives the list as it stands, then the latest list after each change, however many coins moved meanwhile', async () => {
    const subscription = await t.subscribe(RICHEST_CHANGED, { first: 2 });
    const richest = async () => (await nextValue(subscription)).richestChanged;
    expect(await richest()).toEqual([]);

    // Five coins mined while the client reads nothing: one list, the latest, not five queued ones.
    await mine(t, 'ada', 3);
    await mine(t, 'bea', 2);
    await t.settle();
    expect(await richest()).toEqual([
      { accountId: 'ada', balance: 3 },
      { accountId: 'bea', balance: 2 },
    ]);

    // The richest account changes hands.
    await send(t, 'ada', 'bea', 2);
    await t.settle();
    expect(await richest()).toEqual([
      { accountId: 'bea', balance: 4 },
      { accountId: 'ada', balance: 1 },
    ]);

    // A coin outside the top two changes nothing (cyd ties ada at 1 but sorts after her), so it sends no list.
    // Then bea sends ada a coin: bea's debit, then ada's credit, each a change unless the client reads after both.
    const lists: unknown[] = [];
    const reading = (async () => {
      for (;;) {
        const list = await richest();
        lists.push(list);
        if (list.at(-1)?.balance === 2) return;
      }
    })();
    await mine(t, 'cyd', 1);
    await send(t, 'bea', 'ada', 1);
    await reading;
    const debited = [
      { accountId: 'bea', balance: 3 },
      { accountId: 'ada', balance: 1 },
    ];
    const credited = [
      { accountId: 'bea', balance: 3 },
      { accountId: 'ada', balance: 2 },
    ];
    expect([[debited, credited], [credited]]).toContainEqual(lists);
    await subscription.return?.();
  });

  it('ends at once when the client leaves while it waits', async () => {
    const subscription = await t.subscribe(RICHEST_CHANGED, { first: 1 });
    await nextValue(subscription);
    const waiting = subscription.next();
    await subscription.return?.();
    expect(await waiting).toEqual({ done: true, value: undefined });
  });

  it('refuses a list size out of range', async () => {
    const result = await t.subscribe(RICHEST_CHANGED, { first: 0 }).catch((error: Error) => error);
    expect(String(result)).toMatch(/first.*must be between 1 and 100.*BAD_USER_INPUT/);
  });
});

describe('coinBalanceChanged', () => {
  it('replays every change after the cursor, then goes live, for that account only', async () => {
    await mine(t, 'ada', 1);
    const after = await t.app.store.head();
    await mine(t, 'ada', 2);
    await mine(t, 'bea', 1);
    const subscription = await t.subscribe(COIN_BALANCE_CHANGED, { accountId: 'ada', after: String(after) });
    const changes: unknown[] = [];
    const transferId = await send(t, 'bea', 'ada', 1);
    const sent = send(t, 'ada', 'bea', 3);
    for (let i = 0; i < 4; i++) {
      const { coinBalanceChanged: change } = await nextValue(subscription);
      changes.push([change.reason, change.delta, change.balance, change.version, change.transferId]);
    }
    const outgoing = await sent;
    expect(changes).toEqual([
      ['MINED', 1, 2, 2, null],
      ['MINED', 1, 3, 3, null],
      ['RECEIVED', 1, 4, 4, transferId],
      ['SENT', -3, 1, 5, outgoing],
    ]);
    await subscription.return?.();
  });
});
