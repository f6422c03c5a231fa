import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { actingAs } from '../../support/acting-as.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { adminActor, userActor } from '../../support/test-auth.js';

const alice = userActor('alice');
const bob = userActor('bob');
const operator = adminActor('operator');

const OPEN = graphql(`mutation AccountAsOfOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }`);
const DEPOSIT = graphql(`mutation AccountAsOfDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }`);
const WITHDRAW = graphql(`mutation AccountAsOfWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }`);
const ACCOUNT_AS_OF = graphql(`
  query AccountAsOf($accountNumber: String!, $asOf: AsOf) {
    account(accountNumber: $accountNumber, asOf: $asOf) {
      accountNumber
      holder
      balance
      status
      version
      transactions(first: 10) {
        edges {
          node {
            kind
            amount
            balance
          }
        }
      }
    }
  }
`);

let t: TestApp;
let as: ReturnType<typeof actingAs>;
beforeAll(async () => {
  t = await createTestApp({ actor: null });
  as = actingAs(t);
});
afterAll(() => t?.stop());

/** Waits until the clock has moved past the account's last event, so the next event's time differs from it. */
async function clockPastLastEvent(accountNumber: string): Promise<void> {
  const [last] = await t.app.store.readStream(`account-${accountNumber}`, { direction: 'backward', limit: 1 });
  while (Date.now() <= last!.occurredAt.getTime()) await new Promise((resolve) => setImmediate(resolve));
}

/** Alice opens an account, deposits 100, then withdraws 30: versions 1, 2 and 3. */
async function depositThenWithdraw() {
  const accountNumber = `TT-${crypto.randomUUID().slice(0, 8)}`;
  const steps = [
    () => as(alice, OPEN, { input: { accountNumber, holder: 'Alice' } }),
    () => as(alice, DEPOSIT, { input: { accountNumber, amount: 100 } }),
    () => as(alice, WITHDRAW, { input: { accountNumber, amount: 30 } }),
  ];
  for (const step of steps) {
    const { data } = await step();
    expect(Object.values(data ?? {})[0]).toEqual({ __typename: 'Account' });
    await clockPastLastEvent(accountNumber);
  }
  await t.settle();
  return { accountNumber, events: await t.app.store.readStream(`account-${accountNumber}`) };
}

const accountAsOf = (accountNumber: string, asOf?: { version: number } | { at: string }, actor = alice) =>
  as(actor, ACCOUNT_AS_OF, { accountNumber, asOf });

const deposit = { kind: 'DEPOSIT', amount: 100, balance: 100 };
const withdrawal = { kind: 'WITHDRAWAL', amount: 30, balance: 70 };

describe('account(asOf)', () => {
  it('shows the balance before the last withdrawal, as of its version, with the transactions up to then', async () => {
    const { accountNumber } = await depositThenWithdraw();
    expect(await accountAsOf(accountNumber, { version: 2 })).toEqual({
      data: {
        account: {
          accountNumber,
          holder: 'Alice',
          balance: 100,
          status: 'OPEN',
          version: 2,
          transactions: { edges: [{ node: deposit }] },
        },
      },
    });
    const now = await accountAsOf(accountNumber);
    expect(now.data?.account).toMatchObject({
      balance: 70,
      version: 3,
      transactions: { edges: [{ node: deposit }, { node: withdrawal }] },
    });
  });

  it('as of a time between the deposit and the withdrawal', async () => {
    const { accountNumber, events } = await depositThenWithdraw();
    const [, deposited, withdrawn] = events.map((event) => event.occurredAt.getTime());
    const between = new Date(Math.floor((deposited! + withdrawn!) / 2)).toISOString();
    expect((await accountAsOf(accountNumber, { at: between })).data?.account).toMatchObject({ balance: 100, version: 2 });
    const opened = new Date(events[0]!.occurredAt.getTime()).toISOString();
    expect((await accountAsOf(accountNumber, { at: opened })).data?.account).toMatchObject({
      balance: 0,
      version: 1,
      transactions: { edges: [] },
    });
  });

  it('is null before the account was opened', async () => {
    const { accountNumber, events } = await depositThenWithdraw();
    expect(await accountAsOf(accountNumber, { version: 0 })).toEqual({ data: { account: null } });
    const before = new Date(events[0]!.occurredAt.getTime() - 1).toISOString();
    expect(await accountAsOf(accountNumber, { at: before })).toEqual({ data: { account: null } });
  });

  it('leaves the present alone: a command after a past read decides on the current balance', async () => {
    const { accountNumber } = await depositThenWithdraw();
    expect((await accountAsOf(accountNumber, { version: 2 })).data?.account).toMatchObject({ balance: 100 });
    const overdraw = await as(alice, WITHDRAW, { input: { accountNumber, amount: 80 } });
    expect(overdraw.data?.withdraw.__typename).toBe('InsufficientFundsError');
    expect((await as(alice, WITHDRAW, { input: { accountNumber, amount: 70 } })).data?.withdraw.__typename).toBe('Account');
    expect((await accountAsOf(accountNumber, { version: 4 })).data?.account).toMatchObject({ balance: 0, status: 'OPEN' });
  });

  it("is its owner's alone: another user and an admin are refused, the owner is not", async () => {
    const { accountNumber } = await depositThenWithdraw();
    for (const stranger of [bob, operator]) {
      const refused = await accountAsOf(accountNumber, { version: 2 }, stranger);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.data?.account ?? null).toBeNull();
    }
    expect((await accountAsOf(accountNumber, { version: 2 }, alice)).data?.account).toMatchObject({ balance: 100 });
  });
});
