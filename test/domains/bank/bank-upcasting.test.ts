import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../../src/db/database.js';
import { accountAggregate } from '../../../src/domains/bank/account-aggregate.js';
import { ACCOUNTS_PROJECTION } from '../../../src/domains/bank/accounts-projector.js';
import { transferAggregate } from '../../../src/domains/bank/transfer-aggregate.js';
import { type EventStoreTables, streamIdOf } from '../../../src/es/index.js';
import { graphql } from '../../gql/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ACCOUNT, BALANCE_UPDATED, DEPOSIT, OPEN_ACCOUNT } from './bank-operations.js';

/**
 * The bank's events of schema version 1 held euros; version 2 holds cents (bank-event-upcasters.ts).
 * Old-shaped rows are written straight into the log, as the old code stored them, and every read
 * path must see them in cents: aggregate loads, the projection and its rebuild, the transfer
 * process, the balance subscription and the event browser. The rows themselves stay as stored.
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
  schemaVersion: number;
}

/** Appends rows the way an older version of the code stored them: no store, no upcaster. Returns their positions. */
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
        schema_version: event.schemaVersion,
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

/** An account opened by today's code, then a deposit of 12.50 € and a withdrawal of 2.25 € stored by the old one. */
async function accountWithEuroHistory() {
  const accountNumber = `UP-${crypto.randomUUID().slice(0, 8)}`;
  await t.graphql(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Ada' } });
  const streamId = streamIdOf(accountAggregate, accountNumber);
  const before = await t.app.store.head();
  const positions = await insertStored(streamId, [
    { type: 'MoneyDeposited', data: { accountNumber, amount: 12.5, balance: 12.5 }, schemaVersion: 1 },
    { type: 'MoneyWithdrawn', data: { accountNumber, amount: 2.25, balance: 10.25 }, schemaVersion: 1 },
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

describe('events stored at schema version 1 (euros)', () => {
  it('are folded in cents when an aggregate loads, and a command decides on that balance', async () => {
    const { accountNumber, streamId, positions } = await accountWithEuroHistory();
    t.app.repository.forget(streamId);
    expect((await t.app.repository.load(accountAggregate, streamId)).state).toEqual({ status: 'OPEN', balance: 1025 });

    const deposited = await t.graphql(DEPOSIT, { input: { accountNumber, amount: 500 } });
    expect(deposited.data?.deposit).toMatchObject({ __typename: 'Account', balance: 1525, version: 4 });

    // The new event is written at version 2, in cents; the old rows stay exactly as stored.
    const stored = await db()
      .selectFrom('events')
      .select(['position', 'schema_version', 'data'])
      .where('stream_id', '=', streamId)
      .where('version', '>', 1)
      .orderBy('version')
      .execute();
    expect(stored.map((row) => [row.schema_version, row.data])).toEqual([
      [1, { accountNumber, amount: 12.5, balance: 12.5 }],
      [1, { accountNumber, amount: 2.25, balance: 10.25 }],
      [2, { accountNumber, amount: 500, balance: 1525 }],
    ]);
    expect(stored.slice(0, 2).map((row) => Number(row.position))).toEqual(positions);
  });

  it('are projected in cents, and a rebuild replays the mixed log into the same read table', async () => {
    const { accountNumber } = await accountWithEuroHistory();
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

  it('reach a process manager in cents: an old transfer request of 2.50 € moves 250 cents', async () => {
    const from = await accountWithEuroHistory();
    const to = await accountWithEuroHistory();
    const transferId = crypto.randomUUID();
    await insertStored(streamIdOf(transferAggregate, transferId), [
      { type: 'TransferRequested', data: { transferId, from: from.accountNumber, to: to.accountNumber, amount: 2.5 }, schemaVersion: 1 },
    ]);
    await t.settle();
    expect((await transactionsOf(from.accountNumber)).balance).toBe(1025 - 250);
    expect((await transactionsOf(to.accountNumber)).balance).toBe(1025 + 250);
  });

  it('are replayed in cents to a balance subscription resuming after a position', async () => {
    const { accountNumber, before } = await accountWithEuroHistory();
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

  it('are shown in cents by the event browser', async () => {
    const { accountNumber, streamId, before, positions } = await accountWithEuroHistory();
    const { data, errors } = await t.graphql(LOG_PAGE, { after: String(before), types: ['MoneyDeposited', 'MoneyWithdrawn'] });
    expect(errors).toBeUndefined();
    expect(data?.events.edges.map(({ node }) => node)).toEqual([
      {
        position: String(positions[0]),
        streamId,
        version: 2,
        type: 'MoneyDeposited',
        data: { accountNumber, amount: 1250, balance: 1250 },
      },
      { position: String(positions[1]), streamId, version: 3, type: 'MoneyWithdrawn', data: { accountNumber, amount: 225, balance: 1025 } },
    ]);
  });
});
