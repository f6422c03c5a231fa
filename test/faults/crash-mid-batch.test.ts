import { afterEach, describe, expect, it } from 'vitest';
import { DEPOSIT, OPEN_ACCOUNT, TRANSFER } from '../domains/bank/bank-operations.js';
import { type ChronicleProcess, startChronicleProcess } from '../support/chronicle-process.js';
import { NEEDS_CONCURRENCY, concurrent, createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { balancePositions, bankReadModel, checkpoints, countsBy } from './helpers/bank-checks.js';
import { REBUILD_PROJECTION, RUNTIME_STATES } from './helpers/fault-operations.js';
import { waitUntil } from './helpers/wait-until.js';

let database: TestDatabase | undefined;
const servers: ChronicleProcess[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  await database?.close();
  database = undefined;
});

/** Sends a mutation to a server that may kill itself while answering: the answer, or undefined. */
async function sendRisky<T>(request: Promise<T>): Promise<T | undefined> {
  return request.catch(() => undefined);
}

/** A restarted server has run every runtime up to the head; then its projections must equal a rebuild. */
async function expectSettledAndRebuildable(server: ChronicleProcess, db: TestDatabase['db']): Promise<void> {
  const names = (await server.post(RUNTIME_STATES)).result.data!.projections.map((runtime) => runtime.name);
  await waitUntil(
    async () => {
      const { head, checkpoints: stored } = await checkpoints(db);
      return names.every((name) => stored[name] === head);
    },
    { what: 'every runtime has processed the whole log' },
  );
  const projected = await bankReadModel(db);
  for (const name of ['bank-accounts', 'bank-transfers']) await server.post(REBUILD_PROJECTION, { name });
  await waitUntil(
    async () =>
      (await server.post(RUNTIME_STATES)).result.data!.projections.every((runtime) => runtime.lag === 0 && runtime.status === 'LIVE'),
    { what: 'the rebuilt projections are live' },
  );
  expect(await bankReadModel(db)).toEqual(projected);
}

describe('a process killed at the worst moment', () => {
  it.skipIf(!concurrent)(
    `inside a projector batch, after its writes and before the commit: nothing lost, nothing applied twice ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 2 });
      const databaseUrl = database.url!;
      // The accounts projector's third batch kills the process before it commits.
      const doomed = await startChronicleProcess({ databaseUrl, env: { CHRONICLE_CRASH_POINT: 'projector-batch:bank-accounts@3' } });
      servers.push(doomed);
      expect(
        (await doomed.post(OPEN_ACCOUNT, { input: { accountNumber: 'CRASH-P', holder: 'P' } })).result.data?.openAccount.__typename,
      ).toBe('Account');
      expect((await doomed.post(DEPOSIT, { input: { accountNumber: 'CRASH-P', amount: 100 } })).result.data?.deposit.__typename).toBe(
        'Account',
      );
      await sendRisky(doomed.post(DEPOSIT, { input: { accountNumber: 'CRASH-P', amount: 20 } }));
      expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });

      // The deposit is in the log, its projection batch is not: rolled back with the checkpoint.
      const db = database.db;
      const { head, checkpoints: stored } = await checkpoints(db);
      expect((await countsBy(db, 'MoneyDeposited', 'accountNumber')).get('CRASH-P')).toBe(2);
      expect(stored['bank-accounts']).toBeLessThan(head);
      const before = await db
        .selectFrom('bank_accounts')
        .select('balance')
        .where('account_number', '=', 'CRASH-P')
        .executeTakeFirstOrThrow();
      expect(Number(before.balance)).toBe(100);

      // Restarted, it resumes from the checkpoint and applies the batch exactly once.
      const restarted = await startChronicleProcess({ databaseUrl });
      servers.push(restarted);
      await expectSettledAndRebuildable(restarted, db);
      const after = await db
        .selectFrom('bank_accounts')
        .select('balance')
        .where('account_number', '=', 'CRASH-P')
        .executeTakeFirstOrThrow();
      expect(Number(after.balance)).toBe(120);
      const transactions = await db
        .selectFrom('bank_transactions')
        .select('position')
        .where('account_number', '=', 'CRASH-P')
        .orderBy('position')
        .execute();
      expect(transactions.map((row) => Number(row.position))).toEqual(await balancePositions(db, 'CRASH-P'));
    },
    90_000,
  );

  it.skipIf(!concurrent)(
    `inside a process manager, after it dispatched and before its checkpoint: the redelivery dispatches nothing twice ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 2 });
      const databaseUrl = database.url!;
      const db = database.db;
      // The transfer process dies right after its first reaction (the debit) was dispatched.
      const doomed = await startChronicleProcess({
        databaseUrl,
        env: { CHRONICLE_CRASH_POINT: 'reaction-dispatched:bank-transfer-process@1' },
      });
      servers.push(doomed);
      for (const accountNumber of ['CRASH-FROM', 'CRASH-TO']) {
        await doomed.post(OPEN_ACCOUNT, { input: { accountNumber, holder: accountNumber } });
        await doomed.post(DEPOSIT, { input: { accountNumber, amount: 1_000 } });
      }
      await sendRisky(doomed.post(TRANSFER, { input: { from: 'CRASH-FROM', to: 'CRASH-TO', amount: 300 } }));
      expect(await doomed.exited).toEqual({ code: null, signal: 'SIGKILL' });

      // The debit is stored, but the process manager's checkpoint is still before the request that caused it.
      const [requested] = await db.selectFrom('events').select(['position', 'data']).where('type', '=', 'TransferRequested').execute();
      const transferId = (requested!.data as { transferId: string }).transferId;
      expect((await countsBy(db, 'TransferDebited', 'transferId')).get(transferId)).toBe(1);
      expect((await countsBy(db, 'TransferCredited', 'transferId')).get(transferId)).toBeUndefined();
      expect((await checkpoints(db)).checkpoints['bank-transfer-process'] ?? 0).toBeLessThan(Number(requested!.position));

      // Restarted, it handles the request again: the same debit is recognised, and the transfer completes once.
      const restarted = await startChronicleProcess({ databaseUrl });
      servers.push(restarted);
      await expectSettledAndRebuildable(restarted, db);
      for (const type of ['TransferRequested', 'TransferDebited', 'TransferCredited', 'TransferCompleted']) {
        expect((await countsBy(db, type, 'transferId')).get(transferId), type).toBe(1);
      }
      const balances = await db.selectFrom('bank_accounts').select(['account_number', 'balance']).orderBy('account_number').execute();
      expect(balances.map((row) => [row.account_number, Number(row.balance)])).toEqual([
        ['CRASH-FROM', 700],
        ['CRASH-TO', 1_300],
      ]);
      const transfer = await db
        .selectFrom('bank_transfers')
        .select('status')
        .where('transfer_id', '=', transferId)
        .executeTakeFirstOrThrow();
      expect(transfer.status).toBe('COMPLETED');
      expect(await db.selectFrom('process_instances').selectAll().execute()).toEqual([]);
    },
    90_000,
  );
});
