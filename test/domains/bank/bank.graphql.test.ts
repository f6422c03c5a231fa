import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTypename, firstField } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { ACCOUNTS_PROJECTION } from '../../../src/domains/bank/accounts-projector.js';
import type { ApplyFeeMutation, DepositMutation, DepositMutationVariables, WithdrawMutation } from '../../gql/graphql.js';
import { ACCOUNT, APPLY_FEE, CLOSE_ACCOUNT, DEPOSIT, OPEN_ACCOUNT, TRANSFER, TRANSFER_STATUS, WITHDRAW } from './bank-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.stop());

/** Deposit, withdraw and apply a fee: three mutations whose variables have one shape. */
type AmountMutation = TypedDocumentNode<DepositMutation | WithdrawMutation | ApplyFeeMutation, DepositMutationVariables>;
const AMOUNT_MUTATIONS: AmountMutation[] = [DEPOSIT, WITHDRAW, APPLY_FEE];

let counter = 0;
const newAccountNumber = () => `ACC-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

async function open(holder = 'Ada Lovelace') {
  const accountNumber = newAccountNumber();
  const { data } = await t.graphql(OPEN_ACCOUNT, { input: { accountNumber, holder } });
  expect(data!.openAccount.__typename).toBe('Account');
  return accountNumber;
}

/** Runs a mutation that must be refused and proves the log did not move. */
async function refused<Result extends object, Variables>(document: TypedDocumentNode<Result, Variables>, variables: NoInfer<Variables>) {
  const head = await t.app.store.head();
  const { data, errors } = await t.graphql(document, variables);
  expect(errors).toBeUndefined();
  expect(await t.app.store.head()).toBe(head);
  return firstField(data);
}

describe('accounts', () => {
  it('opens an account and reads it back from its projection', async () => {
    const accountNumber = newAccountNumber();
    const { data } = await t.graphql(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Ada' } });
    expect(data!.openAccount).toEqual({ __typename: 'Account', accountNumber, holder: 'Ada', balance: 0, status: 'OPEN', version: 1 });
    const read = await t.graphql(ACCOUNT, { accountNumber });
    expect(read.data!.account).toMatchObject({ accountNumber, balance: 0, status: 'OPEN', version: 1 });
  });

  it('answers ACCOUNT_EXISTS for a duplicate and appends nothing', async () => {
    const accountNumber = await open();
    const result = await refused(OPEN_ACCOUNT, { input: { accountNumber, holder: 'Someone else' } });
    expect(result).toMatchObject({ __typename: 'AccountExistsError', code: 'ACCOUNT_EXISTS' });
  });

  it('deposits, withdraws and applies fees, each answer reading its own write', async () => {
    const accountNumber = await open();
    const deposit = await t.graphql(DEPOSIT, { input: { accountNumber, amount: 10_000 } });
    expect(deposit.data!.deposit).toMatchObject({ __typename: 'Account', balance: 10_000, version: 2 });
    const withdraw = await t.graphql(WITHDRAW, { input: { accountNumber, amount: 2_500 } });
    expect(withdraw.data!.withdraw).toMatchObject({ balance: 7_500, version: 3 });
    const fee = await t.graphql(APPLY_FEE, { input: { accountNumber, amount: 8_000 } });
    expect(fee.data!.applyFee).toMatchObject({ balance: -500, version: 4 });
  });

  it('refuses a withdrawal beyond the balance with INSUFFICIENT_FUNDS and appends nothing', async () => {
    const accountNumber = await open();
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 100 } });
    const result = await refused(WITHDRAW, { input: { accountNumber, amount: 101 } });
    expect(result).toMatchObject({ __typename: 'InsufficientFundsError', code: 'INSUFFICIENT_FUNDS' });
    expect((await t.graphql(ACCOUNT, { accountNumber })).data!.account!.balance).toBe(100);
  });

  it.each<[string, AmountMutation]>([
    ['deposit', DEPOSIT],
    ['withdraw', WITHDRAW],
    ['applyFee', APPLY_FEE],
  ])('%s to an unknown account answers ACCOUNT_NOT_FOUND', async (_name, document) => {
    const result = await refused(document, { input: { accountNumber: newAccountNumber(), amount: 1 } });
    expect(result).toMatchObject({ __typename: 'AccountNotFoundError', code: 'ACCOUNT_NOT_FOUND' });
  });

  it.each([0, -5])('rejects an amount of %i as a validation error on `amount`', async (amount) => {
    const accountNumber = await open();
    for (const document of AMOUNT_MUTATIONS) {
      const result = await refused(document, { input: { accountNumber, amount } });
      expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', fields: [{ path: 'amount' }] });
    }
  });

  it('reports every invalid field at once', async () => {
    const result = expectTypename(await refused(OPEN_ACCOUNT, { input: { accountNumber: '', holder: '   ' } }), 'ValidationError');
    expect(result.fields.map((field) => field.path).sort()).toEqual(['accountNumber', 'holder']);
  });

  it('rejects a fractional or unsafe amount before it reaches the domain', async () => {
    const accountNumber = await open();
    for (const amount of [1.5, 2 ** 53]) {
      const head = await t.app.store.head();
      const { errors } = await t.graphql(DEPOSIT, { input: { accountNumber, amount } });
      expect(errors?.[0]?.message).toMatch(/SafeInt|safe integer|non-integer/i);
      expect(await t.app.store.head()).toBe(head);
    }
  });

  it('closes only at zero balance, then refuses everything', async () => {
    const accountNumber = await open();
    await t.graphql(DEPOSIT, { input: { accountNumber, amount: 50 } });
    expect(await refused(CLOSE_ACCOUNT, { accountNumber })).toMatchObject({ code: 'BALANCE_NOT_ZERO' });
    await t.graphql(WITHDRAW, { input: { accountNumber, amount: 50 } });
    const closed = await t.graphql(CLOSE_ACCOUNT, { accountNumber });
    expect(closed.data!.closeAccount).toMatchObject({ __typename: 'Account', status: 'CLOSED', balance: 0 });
    expect(await refused(DEPOSIT, { input: { accountNumber, amount: 1 } })).toMatchObject({ code: 'ACCOUNT_CLOSED' });
    expect(await refused(CLOSE_ACCOUNT, { accountNumber })).toMatchObject({ code: 'ACCOUNT_CLOSED' });
  });

  it('refuses to read an unknown account: nobody owns it, and a refusal tells no more than for another’s', async () => {
    const { data, errors } = await t.graphql(ACCOUNT, { accountNumber: newAccountNumber() });
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(data?.account ?? null).toBeNull();
  });

  it('pages through transactions oldest first', async () => {
    const accountNumber = await open();
    for (const amount of [1, 2, 3]) await t.graphql(DEPOSIT, { input: { accountNumber, amount } });
    await t.graphql(APPLY_FEE, { input: { accountNumber, amount: 4 } });
    const first = await t.graphql(ACCOUNT, { accountNumber, first: 3 });
    const page1 = first.data!.account!.transactions!;
    expect(page1.edges.map((edge) => [edge.node.kind, edge.node.delta, edge.node.balance])).toEqual([
      ['DEPOSIT', 1, 1],
      ['DEPOSIT', 2, 3],
      ['DEPOSIT', 3, 6],
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await t.graphql(ACCOUNT, { accountNumber, first: 3, after: page1.pageInfo.endCursor });
    const page2 = second.data!.account!.transactions!;
    expect(page2.edges.map((edge) => [edge.node.kind, edge.node.delta, edge.node.balance])).toEqual([['FEE', -4, 2]]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('a rebuild, which applies many changes of one account per statement, gives the same read model', async () => {
    const [a, b] = [await open(), await open()];
    for (const amount of [500, 20, 3]) await t.graphql(DEPOSIT, { input: { accountNumber: a, amount } });
    await t.graphql(WITHDRAW, { input: { accountNumber: a, amount: 100 } });
    await t.graphql(DEPOSIT, { input: { accountNumber: b, amount: 7 } });
    await t.graphql(APPLY_FEE, { input: { accountNumber: a, amount: 1_000 } });
    await t.graphql(TRANSFER, { input: { from: b, to: a, amount: 5 } });
    await t.app.runtimes.settle();
    const readModel = async () => ({
      accounts: await t.app.database.db
        .selectFrom('bank_accounts')
        .selectAll()
        .where('account_number', 'in', [a, b])
        .orderBy('account_number')
        .execute(),
      transactions: await t.app.database.db
        .selectFrom('bank_transactions')
        .selectAll()
        .where('account_number', 'in', [a, b])
        .orderBy('position')
        .execute(),
    });
    const projected = await readModel();
    expect(projected.accounts.map((row) => [row.account_number, Number(row.balance)])).toEqual([
      [a, -572],
      [b, 2],
    ]);
    expect(projected.transactions).toHaveLength(8);

    await t.app.runtimes.rebuild(ACCOUNTS_PROJECTION);
    await t.app.runtimes.settle();
    expect(await readModel()).toEqual(projected);
  });

  it('answers a malformed cursor with a client error, not a crash', async () => {
    const accountNumber = await open();
    const { errors } = await t.graphql(ACCOUNT, { accountNumber, first: 1, after: 'not-a-cursor' });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('transfers', () => {
  async function transferAndSettle(input: { from: string; to: string; amount: number }) {
    const { data } = await t.graphql(TRANSFER, { input });
    expect(data!.transfer).toMatchObject({ __typename: 'Transfer', status: 'PENDING', ...input });
    await t.settle();
    return (await t.graphql(TRANSFER_STATUS, { id: expectTypename(data!.transfer, 'Transfer').id })).data!.transfer!;
  }
  const balanceOf = async (accountNumber: string) => (await t.graphql(ACCOUNT, { accountNumber })).data!.account!.balance;

  it('moves money and completes', async () => {
    const from = await open();
    const to = await open();
    await t.graphql(DEPOSIT, { input: { accountNumber: from, amount: 1_000 } });
    const transfer = await transferAndSettle({ from, to, amount: 400 });
    expect(transfer).toMatchObject({ status: 'COMPLETED', failureReason: null });
    expect(await balanceOf(from)).toBe(600);
    expect(await balanceOf(to)).toBe(400);
    const events = await t.app.store.readByCorrelation(
      (await t.app.store.readStream(`transfer-${transfer.id}`))[0]!.metadata.correlationId,
    );
    expect(events.map((event) => event.type)).toEqual(['TransferRequested', 'TransferDebited', 'TransferCredited', 'TransferCompleted']);
  });

  it('refunds the source and fails with the reason when the destination does not exist', async () => {
    const from = await open();
    await t.graphql(DEPOSIT, { input: { accountNumber: from, amount: 1_000 } });
    const transfer = await transferAndSettle({ from, to: newAccountNumber(), amount: 300 });
    expect(transfer).toMatchObject({ status: 'FAILED', failureReason: 'ACCOUNT_NOT_FOUND' });
    expect(await balanceOf(from)).toBe(1_000);
    const kinds = (await t.graphql(ACCOUNT, { accountNumber: from })).data!.account!.transactions!.edges.map((edge) => edge.node.kind);
    expect(kinds).toEqual(['DEPOSIT', 'TRANSFER_OUT', 'TRANSFER_REFUND']);
  });

  it('refunds when the destination is closed', async () => {
    const from = await open();
    const to = await open();
    await t.graphql(CLOSE_ACCOUNT, { accountNumber: to });
    await t.graphql(DEPOSIT, { input: { accountNumber: from, amount: 50 } });
    const transfer = await transferAndSettle({ from, to, amount: 50 });
    expect(transfer).toMatchObject({ status: 'FAILED', failureReason: 'ACCOUNT_CLOSED' });
    expect(await balanceOf(from)).toBe(50);
  });

  it('fails without moving money when the source cannot cover it', async () => {
    const from = await open();
    const to = await open();
    const transfer = await transferAndSettle({ from, to, amount: 1 });
    expect(transfer).toMatchObject({ status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS' });
    expect(await balanceOf(from)).toBe(0);
    expect(await balanceOf(to)).toBe(0);
  });

  it('rejects a transfer to the same account or of a non-positive amount, appending nothing', async () => {
    const from = await open();
    const same = await refused(TRANSFER, { input: { from, to: from, amount: 1 } });
    expect(same).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'to' }] });
    const zero = await refused(TRANSFER, { input: { from, to: newAccountNumber(), amount: 0 } });
    expect(zero).toMatchObject({ __typename: 'ValidationError', fields: [{ path: 'amount' }] });
  });

  it('reads an unknown transfer as null', async () => {
    expect((await t.graphql(TRANSFER_STATUS, { id: 'no-such-transfer' })).data!.transfer).toBeNull();
  });
});
