import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import type { RecordedEvent } from '../../src/es/recorded-event.js';
import { defineProjector, inBatches } from '../../src/es/runtime/projector.js';
import { startChronicle } from './fixtures/app.js';

type Label = { label: string };
type ProbeEvent =
  | { type: 'Opened'; data: Label }
  | { type: 'Moved'; data: Label }
  | { type: 'Adjusted'; data: Label }
  | { type: 'Noise'; data: Label };

/** What the projector was handed, call by call: each call lists the labels it got. */
const calls: string[][] = [];
const labels = (events: RecordedEvent<string, Label>[]) => events.map((event) => event.data.label);
const movements = inBatches(async (_trx, events: RecordedEvent<'Moved' | 'Adjusted', Label>[]) => void calls.push(labels(events)));

const projector = defineProjector<unknown, ProbeEvent>({
  name: 'batch-probe',
  handlers: {
    Opened: async (_trx, event) => void calls.push([event.data.label]),
    Moved: movements,
    Adjusted: movements,
  },
  async reset() {
    calls.length = 0;
  },
});

const batchProbeModule: DomainModule = {
  name: 'batch-probe',
  register: ({ runtimes }) => void runtimes.addProjector(projector),
};

let app: Chronicle;
beforeAll(async () => {
  app = await startChronicle([batchProbeModule]);
});
afterAll(() => app?.stop());

describe('a batch handler', () => {
  it('gets runs of consecutive events, in log order, across events nobody handles and up to one another handler takes', async () => {
    await app.runtimes.stop();
    const event = (type: ProbeEvent['type'], label: string) => ({ type, data: { label } });
    // One append, so the projector reads all of it as one batch.
    await app.store.append(`batch-probe-${crypto.randomUUID()}`, [
      event('Moved', 'a'),
      event('Adjusted', 'b'),
      event('Noise', 'skipped'),
      event('Moved', 'c'),
      event('Opened', 'd'),
      event('Moved', 'e'),
      event('Opened', 'f'),
      event('Noise', 'skipped'),
    ]);
    calls.length = 0;
    await app.runtimes.start();
    await app.runtimes.settle();
    expect(calls).toEqual([['a', 'b', 'c'], ['d'], ['e'], ['f']]);
  });
});
