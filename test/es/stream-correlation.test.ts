import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import { startChronicle } from './fixtures/app.js';
import { defineCounter } from './fixtures/counter.js';
import { everyone } from '../../src/es/access/rules.js';

/** A counter whose later commands join the correlation its stream began with. */
const joined = defineCounter('joined-counter');
const joinedModule: DomainModule = {
  name: 'joined-counter',
  register: ({ router }) =>
    void router.register(joined, {
      OpenCounter: { identity: 'counterId', access: everyone },
      Increment: { identity: 'counterId', access: everyone, correlation: 'stream' },
      IncrementMany: { identity: 'counterId', access: everyone, correlation: 'stream' },
      Decrement: { identity: 'counterId', access: everyone, correlation: 'command' },
      Touch: { identity: 'counterId', access: everyone, correlation: 'stream' },
    }),
};

let app: Chronicle;
beforeAll(async () => {
  app = await startChronicle([joinedModule]);
});
afterAll(() => app?.stop());

const correlations = async (counterId: string) =>
  (await app.store.readStream(`joined-counter-${counterId}`)).map((event) => event.metadata.correlationId);

describe("correlation: 'stream'", () => {
  it('a later command joins the correlation of the command that began the stream', async () => {
    const counterId = crypto.randomUUID();
    const opening = crypto.randomUUID();
    await app.router.dispatch({ type: 'OpenCounter', counterId }, { commandId: opening });
    await app.router.dispatch({ type: 'Increment', counterId, by: 1 });
    await app.router.dispatch({ type: 'IncrementMany', counterId, times: 2 });
    expect(await correlations(counterId)).toEqual([opening, opening, opening, opening]);
    // Causation still names the command that caused each event.
    const [, increment] = await app.store.readStream(`joined-counter-${counterId}`);
    expect(increment!.metadata.causationId).not.toBe(opening);
  });

  it('a correlation the dispatcher names wins, and the default registration starts its own', async () => {
    const counterId = crypto.randomUUID();
    const opening = crypto.randomUUID();
    await app.router.dispatch({ type: 'OpenCounter', counterId }, { commandId: opening });
    await app.router.dispatch({ type: 'Increment', counterId, by: 2 }, { correlationId: 'named' });
    const decrement = crypto.randomUUID();
    await app.router.dispatch({ type: 'Decrement', counterId, by: 1 }, { commandId: decrement });
    expect(await correlations(counterId)).toEqual([opening, 'named', decrement]);
  });

  it('the first command of a stream keeps its own correlation', async () => {
    const counterId = crypto.randomUUID();
    const first = crypto.randomUUID();
    await app.router.dispatch({ type: 'Increment', counterId, by: 1 }, { commandId: first });
    await app.router.dispatch({ type: 'Increment', counterId, by: 1 });
    expect(await correlations(counterId)).toEqual([first, first]);
  });
});
