import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../../src/db/database.js';
import { accountAggregate } from '../../../src/domains/bank/account-aggregate.js';
import { ACCOUNTS_PROJECTION } from '../../../src/domains/bank/accounts-projector.js';
import { transferAggregate } from '../../../src/domains/bank/transfer-aggregate.js';
import { type EventStoreTables, streamIdOf } from '../../../src/es/index.js';
import { graphql } from '../../gql/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ACCOUNT, BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT, TRANSFER_STATUS } from './bank-operations.js';

/**
 * Every bank event stored before schema versions existed is at version 1, in the shape the code of
 * that time wrote: money in integer cents (as always), a movement's `balance`, a transfer request's
 * `from` and `to`, a debit's `to` and a credit's `from`. Version 2 renames them (bank-event-upcasters.ts).
 * Such rows are written straight into the log, as that code stored them, and every read path must
 * show the same money they showed before the upgrade, in today's shape: aggregate loads, the
 * projection and its rebuild, the transfer process and projection, the balance subscription and
 * the event browser. The rows themselves stay as stored.
 */

const LOG_PAGE = graphql(`
  query UpcastLogPage($after: String, $types: [String!]) {
    events(after: $after, types: $types, first: 10) {
      edges { node { position streamId version type data } }
    }
  }
`);

let t: TestApp;
const db = () => tables<EventStoreTables>(t.database);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

interface StoredEvent {
  type: string;
  data: unknown;
}

/** Appends rows the way the code before schema versions stored them: version 1, no store, no upcaster. Returns their positions. */
async function insertStored(streamId: string, events: StoredEvent[]): Promise<number[]> {
  return db()
    .transaction()
    .execute(async (trx) => {
      const head = Number(
        (await trx.selectFrom('event_store_head').select('position').where('id', '=', 1).forUpdate().executeTakeFirstOrThrow()).position,
      );
      const stream = await trx.selectFrom('streams').select('version').where('stream_id', '=', streamId).executeTakeFirst();
      const from = Number(stream?.version ?? 0);
      const rows = events.map((event, index) => ({
        position: head + index + 1,
        event_id: crypto.randomUUID(),
        stream_id: streamId,
        version: from + index + 1,
        type: event.type,
        schema_version: 1,
        data: JSON.stringify(event.data),
        metadata: '{}',
        correlation_id: null,
        causation_id: null,
        actor: null,
        occurred_at: new Date(),
      }));
      await trx.insertInto('events').values(rows).execute();
      await trx
        .insertInto('streams')
        .values({ stream_id: streamId, version: from + events.length })
        .onConflict((conflict) => conflict.column('stream_id').doUpdateSet({ version: from + events.length }))
        .execute();
      await trx
        .updateTable('event_store_head')
        .set({ position: head + events.length })
        .where('id', '=', 1)
        .execute();
      return rows.map((row) => row.position);
    });
}

/** An account opened by today's code, then a deposit of 1250 cents and a withdrawal of 225 stored by the old code. */
async function accountWithStoredHistory() {
  const accountNumber = `UP-${crypto.randomUUID().slice(0, 8)}`;
  await t.graphql(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Ada' } });
  const streamId = streamIdOf(accountAggregate, accountNumber);
  const before = await t.app.store.head();
  const positions = await insertStored(streamId, [
    { type: 'MoneyDeposited', data: { accountNumber, amount: 1250, balance: 1250 } },
    { type: 'MoneyWithdrawn', data: { accountNumber, amount: 225, balance: 1025 } },
  ]);
  return { accountNumber, streamId, before, positions };
}

async function transactionsOf(accountNumber: string) {
  const { data, errors } = await t.graphql(ACCOUNT, { accountNumber, first: 10 });
  expect(errors).toBeUndefined();
  return {
    balance: data?.account?.balance,
    moves: data?.account?.transactions?.edges.map(({ node }) => [node.kind, node.amount, node.delta, node.balance]),
  };
}

describe('bank events stored before schema versions (version 1)', () => {
  it('load into the balance they left, and a command decides on it; new events are stored at version 2', async () => {
    const { accountNumber, streamId, positions } = await accountWithStoredHistory();
    t.app.repository.forget(streamId);
    expect((await t.app.repository.load(accountAggregate, streamId)).state).toEqual({ status: 'OPEN', balance: 1025 });

    const deposited = await t.graphql(DEPOSIT, { input: { accountNumber, amount: 500 } });
    expect(deposited.data?.deposit).toMatchObject({ __typename: 'Account', balance: 1525, version: 4 });

    // The old rows stay exactly as stored; the new event has today's shape and version.
    const stored = await db()
      .selectFrom('events')
      .select(['position', 'schema_version', 'data'])
      .where('stream_id', '=', streamId)
      .where('version', '>', 1)
      .orderBy('version')
      .execute();
    expect(stored.map((row) => [row.schema_version, row.data])).toEqual([
      [1, { accountNumber, amount: 1250, balance: 1250 }],
      [1, { accountNumber, amount: 225, balance: 1025 }],
      [2, { accountNumber, amount: 500, balanceAfter: 1525 }],
    ]);
    expect(stored.slice(0, 2).map((row) => Number(row.position))).toEqual(positions);
  });

  it('are projected with the same money, and a rebuild replays the mixed log into the same read table', async () => {
    const { accountNumber } = await accountWithStoredHistory();
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 500 } });
    await t.settle();
    const expected = {
      balance: 1525,
      moves: [
        ['DEPOSIT', 1250, 1250, 1250],
        ['WITHDRAWAL', 225, -225, 1025],
        ['DEPOSIT', 500, 500, 1525],
      ],
    };
    expect(await transactionsOf(accountNumber)).toEqual(expected);

    // Damage the read side, so only a replay of the whole log can restore it.
    await t.database.db
      .updateTable('bank_transactions')
      .set({ amount: 0, balance: 0 })
      .where('account_number', '=', accountNumber)
      .execute();
    await t.database.db.updateTable('bank_accounts').set({ balance: -1 }).where('account_number', '=', accountNumber).execute();
    expect(await transactionsOf(accountNumber)).not.toEqual(expected);

    await t.app.runtimes.rebuild(ACCOUNTS_PROJECTION);
    await t.settle();
    expect(await transactionsOf(accountNumber)).toEqual(expected);
  });

  it('reach the transfer process and projection: an old request of 250 cents from one account to another moves 250 cents', async () => {
    const source = await accountWithStoredHistory();
    const destination = await accountWithStoredHistory();
    const transferId = crypto.randomUUID();
    const transferStream = streamIdOf(transferAggregate, transferId);
    await insertStored(transferStream, [
      { type: 'TransferRequested', data: { transferId, from: source.accountNumber, to: destination.accountNumber, amount: 250 } },
    ]);
    await t.settle();

    expect((await transactionsOf(source.accountNumber)).balance).toBe(1025 - 250);
    expect((await transactionsOf(destination.accountNumber)).balance).toBe(1025 + 250);
    const { data } = await t.graphql(TRANSFER_STATUS, { id: transferId });
    expect(data?.transfer).toEqual({
      id: transferId,
      from: source.accountNumber,
      to: destination.accountNumber,
      amount: 250,
      status: 'COMPLETED',
      failureReason: null,
    });
    const [requested] = await t.app.store.readStream(transferStream);
    expect(requested?.data).toEqual({
      transferId,
      fromAccountNumber: source.accountNumber,
      toAccountNumber: destination.accountNumber,
      amount: 250,
    });
  });

  it('are replayed with the same money to a balance subscription resuming after a position', async () => {
    const { accountNumber, before } = await accountWithStoredHistory();
    const subscription = await t.subscribe(BALANCE_UPDATED, { accountNumber, after: String(before) });
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 500 } });
    const updates: unknown[] = [];
    for await (const result of subscription) {
      expect(result.errors).toBeUndefined();
      const { reason, delta, balance } = result.data!.balanceUpdated;
      updates.push([reason, delta, balance]);
      if (updates.length === 3) break;
    }
    expect(updates).toEqual([
      ['DEPOSIT', 1250, 1250],
      ['WITHDRAWAL', -225, 1025],
      ['DEPOSIT', 500, 1525],
    ]);
  });

  it("are shown in today's shape by the event browser", async () => {
    const { accountNumber, streamId, before, positions } = await accountWithStoredHistory();
    const { data, errors } = await t.graphql(LOG_PAGE, { after: String(before), types: ['MoneyDeposited', 'MoneyWithdrawn'] });
    expect(errors).toBeUndefined();
    expect(data?.events.edges.map(({ node }) => node)).toEqual([
      {
        position: String(positions[0]),
        streamId,
        version: 2,
        type: 'MoneyDeposited',
        data: { accountNumber, amount: 1250, balanceAfter: 1250 },
      },
      {
        position: String(positions[1]),
        streamId,
        version: 3,
        type: 'MoneyWithdrawn',
        data: { accountNumber, amount: 225, balanceAfter: 1025 },
      },
    ]);
  });
});
