import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { adminActor, authorizationFor, userActor } from '../../support/test-auth.js';

// Issue 13, defect 5: a mutation that succeeded never answers `data: null`, even when its caller may
// not read the account it answers with (a stranger's deposit, an admin's fee).
const alice = userActor('alice');
const bob = userActor('bob');
const operator = adminActor('operator');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ actor: null });
});
afterAll(() => t.stop());

let counter = 0;
const newAccountNumber = () => `MR-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

const OPEN = parse(`mutation($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }`);
const AMOUNT = (field: 'deposit' | 'applyFee') =>
  parse(`mutation($input: ${field === 'deposit' ? 'DepositInput' : 'ApplyFeeInput'}!) {
    ${field}(input: $input) {
      __typename
      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }
      ... on Error { code }
    }
  }`);
const ACCOUNT = parse(
  `query($accountNumber: String!) { account(accountNumber: $accountNumber) { balance transactions { edges { node { kind delta } } } } }`,
);

async function as(actor: typeof alice, document: ReturnType<typeof parse>, variables: Record<string, unknown>) {
  return t.graphql(document, variables as never, await authorizationFor(actor));
}

async function openAccount(accountNumber: string) {
  expect((await as(alice, OPEN, { input: { accountNumber, holder: 'Alice' } })).data).toEqual({ openAccount: { __typename: 'Account' } });
}

async function aliceSees(accountNumber: string) {
  await t.settle();
  const { data, errors } = await as(alice, ACCOUNT, { accountNumber });
  expect(errors).toBeUndefined();
  return (data as { account: { balance: number; transactions: { edges: Array<{ node: { kind: string; delta: number } }> } } }).account;
}

describe('a mutation that succeeded answers with its result, even to a caller who may not read all of it', () => {
  it("a non-owner's deposit selecting balance answers the account (not data: null), and is recorded once", async () => {
    const accountNumber = newAccountNumber();
    await openAccount(accountNumber);

    const result = await as(bob, AMOUNT('deposit'), { input: { accountNumber, amount: 125 } });

    expect(result.data?.deposit).toEqual({ __typename: 'Account', accountNumber, balance: null, version: null, transactions: null });
    // The fields Bob may not read are refused one by one; the deposit itself is not.
    expect(new Set(result.errors?.map((error) => (error.extensions as { code?: string }).code))).toEqual(new Set(['FORBIDDEN']));
    expect(result.errors?.map((error) => error.path?.join('.')).sort()).toEqual([
      'deposit.balance',
      'deposit.transactions',
      'deposit.version',
    ]);

    const account = await aliceSees(accountNumber);
    expect(account.balance).toBe(125);
    expect(account.transactions.edges.map((edge) => edge.node)).toEqual([{ kind: 'DEPOSIT', delta: 125 }]);
  });

  it("an admin's fee on someone's account answers the account too", async () => {
    const accountNumber = newAccountNumber();
    await openAccount(accountNumber);
    const result = await as(operator, AMOUNT('applyFee'), { input: { accountNumber, amount: 30 } });
    expect(result.data?.applyFee).toMatchObject({ __typename: 'Account', accountNumber, balance: null });
    expect((await aliceSees(accountNumber)).balance).toBe(-30);
  });

  it('the owner still reads every field, with no error', async () => {
    const accountNumber = newAccountNumber();
    await openAccount(accountNumber);
    const result = await as(alice, AMOUNT('deposit'), { input: { accountNumber, amount: 40 } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.deposit).toMatchObject({
      __typename: 'Account',
      accountNumber,
      balance: 40,
      transactions: { edges: [{ node: { delta: 40 } }] },
    });
  });
});
