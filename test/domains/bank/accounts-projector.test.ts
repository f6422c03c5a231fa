import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DomainModule } from '../../../src/app/domain-module.js';
import { tables } from '../../../src/db/database.js';
import type { AccountEvent } from '../../../src/domains/bank/account-events.js';
import { ACCOUNTS_PROJECTION, accountsProjector } from '../../../src/domains/bank/accounts-projector.js';
import { bankModule } from '../../../src/domains/bank/bank-module.js';
import type { BankTables } from '../../../src/domains/bank/bank-tables.js';
import { ERASED, erasePersonalData } from '../../../src/es/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

/**
 * The accounts projector writes a run of account events as one statement, each account once with
 * what its last events left. The live projector here takes one event per batch (so one event per
 * statement); a rebuild takes the whole log in one batch, where one statement opens, moves and
 * closes accounts at once. Both must give the same tables, and the right ones.
 */

/** The bank slice with its accounts projector alone: no process reacts to the events appended here. */
const accountsOnly: DomainModule = { ...bankModule, register: ({ runtimes }) => runtimes.addProjector(accountsProjector) };

let t: TestApp;
const run = crypto.randomUUID().slice(0, 8);
const [A, B, C, D] = ['A', 'B', 'C', 'D'].map((name) => `AP-${run}-${name}`) as [string, string, string, string];
const ERASED_SUBJECT = `holder-${run}`;

beforeAll(async () => {
  t = await createTestApp({ domains: [accountsOnly], runtimeOptions: { backoffMs: 10, maxBackoffMs: 200, batchSize: 1 } });
  const versions = new Map<string, number>();
  const append = async (accountNumber: string, event: AccountEvent, actor = 'owner') => {
    const version = versions.get(accountNumber) ?? 0;
    await t.app.store.append(`account-${accountNumber}`, [event], version, { actor });
    versions.set(accountNumber, version + 1);
  };
  const move = (accountNumber: string, amount: number, balanceAfter: number) => ({ accountNumber, amount, balanceAfter });
  // Interleaved, so that every run mixes accounts and kinds of event.
  await append(A, { type: 'AccountOpened', data: { accountNumber: A, holder: 'Ann' } });
  await append(B, { type: 'AccountOpened', data: { accountNumber: B, holder: 'Bob' } });
  await append(A, { type: 'MoneyDeposited', data: move(A, 100, 100) });
  await append(C, { type: 'AccountOpened', data: { accountNumber: C, holder: 'Cid' } });
  await append(C, { type: 'MoneyDeposited', data: move(C, 10, 10) });
  await append(A, { type: 'MoneyWithdrawn', data: move(A, 30, 70) });
  await append(B, { type: 'TransferCredited', data: { ...move(B, 20, 20), transferId: 'T1', fromAccountNumber: A } });
  await append(C, { type: 'MoneyWithdrawn', data: move(C, 10, 0) });
  await append(C, { type: 'AccountClosed', data: { accountNumber: C } });
  await append(A, { type: 'FeeApplied', data: move(A, 5, 65) });
  await append(A, { type: 'TransferDebited', data: { ...move(A, 20, 45), transferId: 'T2', toAccountNumber: B } });
  await append(A, { type: 'TransferRefunded', data: { ...move(A, 20, 65), transferId: 'T2', reason: 'ACCOUNT_CLOSED' } });
  await append(D, { type: 'AccountOpened', data: { accountNumber: D, holder: 'Dee' } }, ERASED_SUBJECT);
  await erasePersonalData(t.app, ERASED_SUBJECT);
  // After the erasure, which is not an account event: a second run.
  await append(D, { type: 'MoneyDeposited', data: move(D, 7, 7) }, ERASED_SUBJECT);
  await append(B, { type: 'MoneyDeposited', data: move(B, 1, 21) });
  await t.settle();
});

afterAll(() => t?.stop());

async function projected() {
  const db = tables<BankTables>(t.database);
  const accounts = await db
    .selectFrom('bank_accounts')
    .selectAll()
    .where('account_number', 'in', [A, B, C, D])
    .orderBy('account_number')
    .execute();
  const transactions = await db
    .selectFrom('bank_transactions')
    .selectAll()
    .where('account_number', 'in', [A, B, C, D])
    .orderBy('position')
    .execute();
  return { accounts, transactions };
}

it('projects every account with what its last event left, and every movement as a transaction', async () => {
  const { accounts, transactions } = await projected();
  const byNumber = new Map(accounts.map((account) => [account.account_number, account]));
  expect(byNumber.get(A)).toMatchObject({ holder: 'Ann', balance: 65, status: 'OPEN', version: 6, owner: 'owner' });
  expect(byNumber.get(B)).toMatchObject({ holder: 'Bob', balance: 21, status: 'OPEN', version: 3 });
  expect(byNumber.get(C)).toMatchObject({ holder: 'Cid', balance: 0, status: 'CLOSED', version: 4 });
  expect(byNumber.get(D)).toMatchObject({ holder: ERASED, balance: 7, status: 'OPEN', version: 2, owner: ERASED_SUBJECT });
  // Times to the millisecond, as the events have them.
  const streamOf = async (accountNumber: string) => t.app.store.readStream(`account-${accountNumber}`);
  for (const account of accounts) {
    const events = await streamOf(account.account_number);
    expect(account.opened_at).toEqual(events[0]!.occurredAt);
    expect(account.updated_at).toEqual(events.at(-1)!.occurredAt);
  }
  const occurred = new Map((await Promise.all([A, B, C, D].map(streamOf))).flat().map((event) => [event.position, event.occurredAt]));
  for (const transaction of transactions) expect(transaction.occurred_at).toEqual(occurred.get(transaction.position));
  expect(
    transactions.map(({ account_number, kind, amount, delta, balance, transfer_id }) => [
      account_number,
      kind,
      amount,
      delta,
      balance,
      transfer_id,
    ]),
  ).toEqual([
    [A, 'DEPOSIT', 100, 100, 100, null],
    [C, 'DEPOSIT', 10, 10, 10, null],
    [A, 'WITHDRAWAL', 30, -30, 70, null],
    [B, 'TRANSFER_IN', 20, 20, 20, 'T1'],
    [C, 'WITHDRAWAL', 10, -10, 0, null],
    [A, 'FEE', 5, -5, 65, null],
    [A, 'TRANSFER_OUT', 20, -20, 45, 'T2'],
    [A, 'TRANSFER_REFUND', 20, 20, 65, 'T2'],
    [D, 'DEPOSIT', 7, 7, 7, null],
    [B, 'DEPOSIT', 1, 1, 21, null],
  ]);
});

it('writes the same tables from the whole log in one batch as from one event at a time', async () => {
  const oneByOne = await projected();
  const version = await t.app.runtimes.rebuild(ACCOUNTS_PROJECTION);
  await t.settle();
  const live = (await t.app.runtimes.versions(ACCOUNTS_PROJECTION)).find((candidate) => candidate.status === 'live');
  expect(live?.id).toBe(version);
  expect(await projected()).toEqual(oneByOne);
});
