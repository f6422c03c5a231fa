import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { authorizationFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

// The README's operations, sent as written (over HTTP, as GraphiQL sends them) by one user with
// their token: open, deposit, withdraw, open a second account, transfer, follow it, list what is theirs.
// The browser test (test/server/graphiql-first-session.test.ts) drives the GraphiQL tabs themselves.

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
/** Each named operation of the README, with the whole block it sits in (a block may hold several). */
const operations = new Map<string, string>();
for (const [, block] of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
  for (const definition of parse(block!).definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) operations.set(definition.name.value, block!);
  }
}

describe("the README's first session, over HTTP as written", () => {
  let server: TestServer;
  let headers: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer(await createTestApp({ actor: null }));
    headers = { 'content-type': 'application/json', ...(await authorizationFor(userActor('readme-user'))) };
  });
  afterAll(() => server?.close());

  async function run(
    operationName: string,
    { edit = (text: string) => text, variables }: { edit?: (text: string) => string; variables?: object } = {},
  ) {
    const query = operations.get(operationName);
    expect(query, `the README has no operation ${operationName}`).toBeDefined();
    const response = await fetch(server.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: edit(query!), operationName, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    expect(body.errors, operationName).toBeUndefined();
    return body.data;
  }

  it('opens, deposits, withdraws, transfers to a second account and lists both with their balances', async () => {
    expect((await run('OpenAccount')).openAccount).toMatchObject({ __typename: 'Account', accountNumber: 'ACC-1', balance: 0 });
    expect((await run('Deposit')).deposit).toMatchObject({ __typename: 'Account', balance: 12_500 });
    expect((await run('Withdraw')).withdraw).toEqual({ __typename: 'Account', accountNumber: 'ACC-1', balance: 10_000 });
    expect((await run('OpenAccount', { edit: (text) => text.replace('"ACC-1"', '"ACC-2"') })).openAccount).toMatchObject({
      __typename: 'Account',
      accountNumber: 'ACC-2',
    });

    const { transfer } = await run('Transfer');
    expect(transfer).toMatchObject({ __typename: 'Transfer', status: 'PENDING', from: 'ACC-1', to: 'ACC-2', amount: 4_000 });
    // The process manager completes it after the answer: the README says to ask again.
    await expect
      .poll(async () => (await run('TransferStatus', { variables: { id: transfer.id } })).transfer, { timeout: 20_000 })
      .toEqual({ status: 'COMPLETED', failureReason: null });

    const { me } = await run('Me');
    expect(me.subject).toBe('readme-user');
    expect(
      me.bankAccounts.toSorted((a: { accountNumber: string }, b: { accountNumber: string }) =>
        a.accountNumber.localeCompare(b.accountNumber),
      ),
    ).toEqual([
      { accountNumber: 'ACC-1', balance: 6_000 },
      { accountNumber: 'ACC-2', balance: 4_000 },
    ]);
  });

  it('answers INSUFFICIENT_FUNDS for a withdrawal beyond the balance, as the README says', async () => {
    const { withdraw } = await run('Withdraw', { edit: (text) => text.replace('amount: 2500', 'amount: 100000000') });
    expect(withdraw).toMatchObject({ __typename: 'InsufficientFundsError', code: 'INSUFFICIENT_FUNDS' });
  });
});
