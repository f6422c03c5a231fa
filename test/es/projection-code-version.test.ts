import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import { everyone } from '../../src/es/access/rules.js';
import type { ProjectorRuntimeOptions } from '../../src/es/runtime/projector-runtime.js';
import { waitUntil } from '../faults/helpers/wait-until.js';
import { createTestDatabase } from '../support/test-database.js';
import { startChronicle } from './fixtures/app.js';
import { createLedgerTables, type LedgerHooks, ledger, ledgerProjector } from './fixtures/ledger.js';

function ledgerModule(hooks: LedgerHooks, version: number): DomainModule {
  return {
    name: 'ledger',
    register({ router, runtimes }) {
      router.register(ledger, { Post: { identity: 'ledgerId', access: everyone }, Annotate: { identity: 'ledgerId', access: everyone } });
      runtimes.addProjector({ ...ledgerProjector(hooks), version });
    },
  };
}

let app: Chronicle | undefined;

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

const contents = async (chronicle: Chronicle) => ({
  totals: await chronicle.database.db.selectFrom('test_ledger_totals').selectAll().orderBy('ledger_id').execute(),
  log: await chronicle.database.db.selectFrom('test_ledger_log').selectAll().orderBy('position').execute(),
});

describe("a projector's code version", () => {
  it('a new code version starting over tables an older one wrote rebuilds them beside the live ones and switches', async () => {
    const database = await createTestDatabase();
    await createLedgerTables(database.db);
    const first = await startChronicle([ledgerModule({}, 1)], { database });
    for (const ledgerId of ['a', 'b', 'c']) await first.router.dispatch({ type: 'Post', ledgerId, amounts: [1, 2, 3] });
    await first.runtimes.settle();
    const expected = await contents(first);
    // The first instance goes away (its database stays open for the next one).
    await first.runtimes.stop();
    await first.feed.stop();

    let replayed = 0;
    // No instance of code version 1 runs any more: the tables kept for it go at the first look after the switch.
    const runtimeOptions: ProjectorRuntimeOptions = { versionPollMs: 50, keptVersionGraceMs: 0 };
    app = await startChronicle([ledgerModule({ afterPosted: () => void (replayed += 1) }, 2)], { database, runtimeOptions });
    await app.runtimes.settle();

    expect(replayed).toBe(9);
    expect(await contents(app)).toEqual(expected);
    const versions = await app.runtimes.versions('ledger');
    expect(versions.map(({ id, codeVersion, status }) => ({ id, codeVersion, status }))).toEqual([
      { id: 'ledger#1', codeVersion: 1, status: 'retired' },
      { id: 'ledger#2', codeVersion: 2, status: 'live' },
    ]);
    expect(versions[1]!.position).toBe(await app.store.head());
    // The retired tables are gone once no instance of their code is left, and so is the schema the new ones were built in.
    const running = app;
    await waitUntil(
      async () =>
        (
          await sql<{ name: string }>`
            select schema_name as name from information_schema.schemata where schema_name like 'projection\\_%'
          `.execute(running.database.db)
        ).rows.length === 0,
      { what: 'the kept tables of code version 1 are dropped' },
    );

    // The same code version starting again builds nothing.
    const head = await app.store.head();
    await app.runtimes.stop();
    await app.feed.stop();
    app = await startChronicle([ledgerModule({}, 2)], { database });
    await app.runtimes.settle();
    expect((await app.runtimes.versions('ledger')).map((version) => version.status)).toEqual(['retired', 'live']);
    expect(await app.store.head()).toBe(head);
  });
});
