import { expect } from 'vitest';
import type { TestApp } from '../../support/test-app.js';
import { MINE_COIN, SEND_COINS } from './coins-operations.js';
import { mineNonces } from './reference-proof-of-work.js';

let counter = 0;
/** An account id no other test uses. */
export const newCoinAccountId = (prefix = 'miner') => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

/** The last nonce mined per app and account, so the next search starts after it. */
const lastNonces = new WeakMap<TestApp, Map<string, number>>();

/** Mines `coins` coins for the account through GraphQL, with nonces found by the reference implementation. */
export async function mine(t: TestApp, accountId: string, coins = 1): Promise<void> {
  const mined = lastNonces.get(t) ?? new Map<string, number>();
  lastNonces.set(t, mined);
  for (const nonce of mineNonces(accountId, coins, mined.get(accountId) ?? -1)) {
    const { data, errors } = await t.graphql(MINE_COIN, { input: { accountId, nonce } });
    expect(errors).toBeUndefined();
    expect(data?.mineCoin.__typename).toBe('CoinAccount');
    mined.set(accountId, nonce);
  }
}

/** Sends coins through GraphQL and answers the transfer id. */
export async function send(t: TestApp, from: string, to: string, amount: number): Promise<string> {
  const { data, errors } = await t.graphql(SEND_COINS, { input: { from, to, amount } });
  expect(errors).toBeUndefined();
  const result = data!.sendCoins;
  if (result.__typename !== 'CoinTransfer') throw new Error(`sendCoins refused: ${JSON.stringify(result)}`);
  return result.id;
}
