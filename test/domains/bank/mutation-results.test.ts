import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { actingAs } from '../../support/acting-as.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { adminActor, userActor } from '../../support/test-auth.js';

// Issue 13, defect 5: a mutation that succeeded never answers `data: null`, even when its caller may
// not read the account it answers with (a stranger's deposit, an admin's fee).
const alice = userActor('alice');
const bob = userActor('bob');
const operator = adminActor('operator');

let t: TestApp;
let as: ReturnType<typeof actingAs>;
beforeAll(async () => {
  t = await createTestApp({ actor: null });
  as = actingAs(t);
});
afterAll(() => t.stop());

let counter = 0;
const newAccountNumber = () => `MR-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

const OPEN = graphql(`mutation MutationResultsOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }`);
const DEPOSIT = graphql(`
  mutation MutationResultsDeposit($input: DepositInput!) {
    deposit(input: $input) {
      __typename
      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }
      ... on Error { code }
    }
  }
`);
const APPLY_FEE = graphql(`
  mutation MutationResultsApplyFee($input: ApplyFeeInput!) {
    applyFee(input: $input) {
      __typename
      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }
      ... on Error { code }
    }
  }
`);
const ACCOUNT = graphql(`
  query MutationResultsAccount($accountNumber: String!) {
    account(accountNumber: $accountNumber) { balance transactions { edges { node { kind delta } } } }
  }
`);

async function openAccount(accountNumber: string) {
  expect((await as(alice, OPEN, { input: { accountNumber, holder: 'Alice' } })).data).toEqual({ openAccount: { __typename: 'Account' } });
}

async function aliceSees(accountNumber: string) {
  await t.settle();
  const { data, errors } = await as(alice, ACCOUNT, { accountNumber });
  expect(errors).toBeUndefined();
  return data!.account!;
}

describe('a mutation that succeeded answers with its result, even to a caller who may not read all of it', () => {
  it("a non-owner's deposit selecting balance answers the account (not data: null), and is recorded once", async () => {
    const accountNumber = newAccountNumber();
    await openAccount(accountNumber);

    const result = await as(bob, DEPOSIT, { input: { accountNumber, amount: 125 } });

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
    expect(account.transactions!.edges.map((edge) => edge.node)).toEqual([{ kind: 'DEPOSIT', delta: 125 }]);
  });

  it("an admin's fee on someone's account answers the account too", async () => {
    const accountNumber = newAccountNumber();
    await openAccount(accountNumber);
    const result = await as(operator, APPLY_FEE, { input: { accountNumber, amount: 30 } });
    expect(result.data?.applyFee).toMatchObject({ __typename: 'Account', accountNumber, balance: null });
    expect((await aliceSees(accountNumber)).balance).toBe(-30);
  });

  it('the owner still reads every field, with no error', async () => {
    const accountNumber = newAccountNumber();
    await openAccount(accountNumber);
    const result = await as(alice, DEPOSIT, { input: { accountNumber, amount: 40 } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.deposit).toMatchObject({
      __typename: 'Account',
      accountNumber,
      balance: 40,
      transactions: { edges: [{ node: { delta: 40 } }] },
    });
  });
});
