import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/test-app.js';
import { tokenFor, userActor } from '../support/test-auth.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { docBlock } from './doc-blocks.js';
import config from './guide/codegen.js';
import { createUrqlClient } from './guide/urql-client.js';

// docs/clients.md, "Typed operations": a client project made of the guide's codegen.ts and the typed operation
// block of the doc, generated with the client preset, type-checked, and run through urql against a real server.

const repository = fileURLToPath(new URL('../../', import.meta.url));

/** Holds when A and B are the same type (neither `any` nor a wider or narrower type passes). */
const TYPE_CHECKS = `
import type { AccountBalanceQuery, AccountBalanceQueryVariables } from './gql/graphql';

type Exact<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Account = NonNullable<AccountBalanceQuery['account']>;
export const balanceIsANumber: Exact<NonNullable<Account['balance']>, number> = true;
export const openedAtIsAString: Exact<NonNullable<Account['openedAt']>, string> = true;
export const variablesAreTyped: Exact<AccountBalanceQueryVariables, { accountNumber: string }> = true;
`;

let project: string;
let server: TestServer;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'chronicle-client-'));
  symlinkSync(join(repository, 'node_modules'), join(project, 'node_modules'), 'dir');
  copyFileSync(join(repository, 'schema/schema.graphql'), join(project, 'chronicle.graphql'));
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/account-balance.ts'), docBlock('src/account-balance.ts'));
  writeFileSync(join(project, 'src/type-checks.ts'), TYPE_CHECKS);
  await generate({ ...config, cwd: project, silent: true }, true);
  server = await startTestServer(await createTestApp({ actor: null }));
});
afterAll(async () => {
  await server?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('GraphQL Code Generator, client preset, as the guide configures it', () => {
  it('generates typed documents whose scalars are number and string, and the guide code type-checks with them', async () => {
    const program = ts.createProgram([join(project, 'src/account-balance.ts'), join(project, 'src/type-checks.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 60_000);

  it('runs the typed operation through urql', async () => {
    const accountNumber = `GUIDE-${crypto.randomUUID().slice(0, 8)}`;
    const urql = createUrqlClient(server.url, await tokenFor(userActor('ada')));
    const opened = await urql.mutation(
      'mutation ($n: String!) { openAccount(input: { accountNumber: $n, holder: "Ada" }) { __typename } }',
      {
        n: accountNumber,
      },
    );
    expect(opened.data?.openAccount.__typename).toBe('Account');
    await urql.mutation('mutation ($n: String!) { deposit(input: { accountNumber: $n, amount: 4200 }) { __typename } }', {
      n: accountNumber,
    });

    const { accountBalance } = (await import(
      pathToFileURL(join(project, 'src/account-balance.ts')).href
    )) as typeof import('./doc-blocks.js') & {
      accountBalance(client: typeof urql, accountNumber: string): Promise<{ balance: number; openedAt: string } | undefined>;
    };
    const account = await accountBalance(urql, accountNumber);
    expect(account?.balance).toBe(4200);
    expect(new Date(account!.openedAt).toISOString()).toBe(account!.openedAt);
  });
});
