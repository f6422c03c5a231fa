import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coinAccountAggregate } from '../../../src/domains/coins/coin-account-aggregate.js';
import { coinAccountsProjector } from '../../../src/domains/coins/coin-accounts-projector.js';
import { coinTransferProcess } from '../../../src/domains/coins/coin-transfer-process.js';
import { coinTransfersProjector } from '../../../src/domains/coins/coin-transfers-projector.js';
import { coinAccountRegistrations } from '../../../src/domains/coins/coins-module.js';
import { firstField } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { mine, newCoinAccountId, send } from './coin-test-helpers.js';
import { COIN_ACCOUNT, COIN_TRANSFER, MINE_COIN, RICHEST, SEND_COINS } from './coins-operations.js';
import { mineNonces, referenceProofOfWork } from './reference-proof-of-work.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

/** Runs a mutation that must be refused and proves the log did not move. */
async function refused<Result extends object, Variables>(document: TypedDocumentNode<Result, Variables>, variables: NoInfer<Variables>) {
  const head = await t.app.store.head();
  const { data, errors } = await t.graphql(document, variables);
  expect(errors).toBeUndefined();
  expect(await t.app.store.head()).toBe(head);
  return firstField(data);
}

const account = async (accountId: string) => (await t.graphql(COIN_ACCOUNT, { accountId, first: 50 })).data!.coinAccount;

describe('mining', () => {
  it('mines a coin with a proof of work, creating the account, and reads it back', async () => {
    const accountId = newCoinAccountId();
    const [nonce] = mineNonces(accountId, 1);
    const { data } = await t.graphql(MINE_COIN, { input: { accountId, nonce: nonce! } });
    expect(data!.mineCoin).toEqual({
      __typename: 'CoinAccount',
      accountId,
      balance: 1,
      mined: 1,
      sent: 0,
      received: 0,
      lastNonce: nonce,
      version: 1,
    });
    expect(await account(accountId)).toMatchObject({ balance: 1, lastNonce: nonce });
  });

  it('answers NONCE_ALREADY_USED for the same nonce or a lower one, appending nothing', async () => {
    const accountId = newCoinAccountId();
    const [lower, higher] = mineNonces(accountId, 2);
    await t.graphql(MINE_COIN, { input: { accountId, nonce: higher! } });
    for (const nonce of [higher!, lower!, 0]) {
      expect(await refused(MINE_COIN, { input: { accountId, nonce } })).toMatchObject({
        __typename: 'NonceAlreadyUsedError',
        code: 'NONCE_ALREADY_USED',
      });
    }
    expect(await account(accountId)).toMatchObject({ balance: 1, mined: 1, lastNonce: higher });
  });

  it('answers INVALID_NONCE for a nonce that proves no work, appending nothing', async () => {
    const accountId = newCoinAccountId();
    const nonce = [0, 1, 2].find((candidate) => !referenceProofOfWork(accountId, candidate))!;
    const result = await refused(MINE_COIN, { input: { accountId, nonce } });
    expect(result).toMatchObject({ __typename: 'InvalidNonceError', code: 'INVALID_NONCE' });
    expect(await account(accountId)).toBeNull();
  });

  it('rejects a negative nonce and a blank account id as invalid input', async () => {
    const negative = await refused(MINE_COIN, { input: { accountId: newCoinAccountId(), nonce: -1 } });
    expect(negative).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', fields: [{ path: 'nonce' }] });
    const blank = await refused(MINE_COIN, { input: { accountId: '  ', nonce: 1 } });
    expect(blank).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'accountId' }] });
  });
});

describe('sending', () => {
  it('takes the coins from the sender at once; the process credits the recipient and completes the transfer', async () => {
    const from = newCoinAccountId('sender');
    const to = newCoinAccountId('recipient');
    await mine(t, from, 3);
    const { data } = await t.graphql(SEND_COINS, { input: { from, to, amount: 2 } });
    const transfer = data!.sendCoins;
    expect(transfer).toMatchObject({ __typename: 'CoinTransfer', from, to, amount: 2 });
    if (transfer.__typename !== 'CoinTransfer') throw new Error('refused');
    expect(['PENDING', 'COMPLETED']).toContain(transfer.status);
    expect(await account(from)).toMatchObject({ balance: 1, mined: 3, sent: 2 });

    await t.settle();
    expect((await t.graphql(COIN_TRANSFER, { id: transfer.id })).data!.coinTransfer).toMatchObject({ status: 'COMPLETED', amount: 2 });
    expect(await account(to)).toMatchObject({ balance: 2, mined: 0, received: 2, lastNonce: null });
  });

  it('shows each account’s own history in order, with stream versions', async () => {
    const from = newCoinAccountId('sender');
    const to = newCoinAccountId('recipient');
    await mine(t, from, 2);
    const transferId = await send(t, from, to, 1);
    await t.settle();
    const history = async (accountId: string) =>
      (await account(accountId))!.events!.edges.map(({ cursor, node }) => [cursor, node.streamId, node.version, node.type, node.data]);
    expect(await history(from)).toEqual([
      ['1', `coin-account-${from}`, 1, 'CoinMined', expect.objectContaining({ balance: 1 })],
      ['2', `coin-account-${from}`, 2, 'CoinMined', expect.objectContaining({ balance: 2 })],
      ['3', `coin-account-${from}`, 3, 'CoinsSent', { accountId: from, to, amount: 1, transferId, balance: 1 }],
    ]);
    expect(await history(to)).toEqual([
      ['1', `coin-account-${to}`, 1, 'CoinsReceived', { accountId: to, from, amount: 1, transferId, balance: 1 }],
    ]);

    const page = (await t.graphql(COIN_ACCOUNT, { accountId: from, first: 1, after: '1' })).data!.coinAccount!.events!;
    expect(page.edges.map((edge) => edge.node.type)).toEqual(['CoinMined']);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
  });

  it('answers NOT_ENOUGH_COINS beyond the balance, appending nothing', async () => {
    const from = newCoinAccountId('sender');
    await mine(t, from, 2);
    const result = await refused(SEND_COINS, { input: { from, to: newCoinAccountId(), amount: 3 } });
    expect(result).toMatchObject({ __typename: 'NotEnoughCoinsError', code: 'NOT_ENOUGH_COINS' });
    const broke = await refused(SEND_COINS, { input: { from: newCoinAccountId(), to: from, amount: 1 } });
    expect(broke).toMatchObject({ code: 'NOT_ENOUGH_COINS' });
    expect(await account(from)).toMatchObject({ balance: 2, sent: 0 });
  });

  it('rejects sending to oneself or a non-positive amount as invalid input', async () => {
    const from = newCoinAccountId('sender');
    await mine(t, from, 1);
    expect(await refused(SEND_COINS, { input: { from, to: from, amount: 1 } })).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ path: 'to' }],
    });
    for (const amount of [0, -1]) {
      expect(await refused(SEND_COINS, { input: { from, to: newCoinAccountId(), amount } })).toMatchObject({
        __typename: 'ValidationError',
        fields: [{ path: 'amount' }],
      });
    }
  });

  it('never credits twice when the process and the projection see every CoinsSent again', async () => {
    const from = newCoinAccountId('sender');
    const to = newCoinAccountId('recipient');
    await mine(t, from, 4);
    const transfers = [await send(t, from, to, 1), await send(t, from, to, 2)];
    await t.settle();
    const before = [await account(from), await account(to)];
    const head = await t.app.store.head();

    // A crash before the checkpoints were saved: the process manager and the projector read the whole log again.
    await t.app.runtimes.stop();
    await t.app.database.db
      .updateTable('checkpoints')
      .set({ position: 0 })
      .where('name', 'in', [coinTransferProcess.name, coinAccountsProjector.name])
      .execute();
    await t.app.runtimes.start();
    await t.settle();

    expect(await t.app.store.head()).toBe(head);
    expect([await account(from), await account(to)]).toEqual(before);
    expect(before[1]).toMatchObject({ balance: 3, received: 3 });
    for (const id of transfers) expect((await t.graphql(COIN_TRANSFER, { id })).data!.coinTransfer!.status).toBe('COMPLETED');
    const open = await t.app.database.db
      .selectFrom('process_instances')
      .select('instance_id')
      .where('manager', '=', coinTransferProcess.name)
      .execute();
    expect(open).toEqual([]);
  });

  it('reads an unknown transfer and an unknown account as null', async () => {
    expect((await t.graphql(COIN_TRANSFER, { id: 'no-such-transfer' })).data!.coinTransfer).toBeNull();
    expect(await account(newCoinAccountId())).toBeNull();
  });
});

describe('richest', () => {
  it('changes hands after a transfer, ties ordered by account id', async () => {
    // Fresh app: richest reads every account.
    const local = await createTestApp();
    try {
      await mine(local, 'ada', 3);
      await mine(local, 'bea', 2);
      const richest = async (first?: number) => (await local.graphql(RICHEST, first === undefined ? {} : { first })).data!.richest;
      expect(await richest()).toEqual([{ accountId: 'ada', balance: 3 }]);

      await send(local, 'ada', 'bea', 2);
      await local.settle();
      expect(await richest()).toEqual([{ accountId: 'bea', balance: 4 }]);
      expect(await richest(5)).toEqual([
        { accountId: 'bea', balance: 4 },
        { accountId: 'ada', balance: 1 },
      ]);

      await send(local, 'bea', 'cyd', 1);
      await local.settle();
      // ada and cyd both hold 1: the account id decides.
      expect(await richest(3)).toEqual([
        { accountId: 'bea', balance: 3 },
        { accountId: 'ada', balance: 1 },
        { accountId: 'cyd', balance: 1 },
      ]);
    } finally {
      await local.stop();
    }
  });

  it('refuses a page size out of range', async () => {
    for (const first of [0, 101]) {
      const { errors } = await t.graphql(RICHEST, { first });
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('a transfer before its delivery', () => {
  it('is PENDING until the process credits the recipient, then COMPLETED', async () => {
    // The slice without its process: nothing delivers the coins yet.
    const local = await createTestApp({
      domains: [
        {
          name: 'coins-without-delivery',
          register({ router, runtimes }) {
            router.register(coinAccountAggregate, coinAccountRegistrations);
            runtimes.addProjector(coinAccountsProjector).addProjector(coinTransfersProjector);
          },
        },
      ],
    });
    try {
      await mine(local, 'dan', 2);
      const id = await send(local, 'dan', 'eve', 2);
      await local.settle();
      expect((await local.graphql(COIN_TRANSFER, { id })).data!.coinTransfer).toMatchObject({ status: 'PENDING', completedAt: null });
      expect((await local.graphql(COIN_ACCOUNT, { accountId: 'eve' })).data!.coinAccount).toBeNull();

      // Added while stopped, so that start() returns only once the process has loaded its checkpoint.
      await local.app.runtimes.stop();
      local.app.runtimes.addProcessManager(coinTransferProcess);
      await local.app.runtimes.start();
      await local.settle();
      expect((await local.graphql(COIN_TRANSFER, { id })).data!.coinTransfer).toMatchObject({ status: 'COMPLETED' });
      expect((await local.graphql(COIN_ACCOUNT, { accountId: 'eve' })).data!.coinAccount).toMatchObject({ balance: 2, received: 2 });
    } finally {
      await local.stop();
    }
  });
});
