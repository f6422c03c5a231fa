import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../src/app/chronicle.js';
import type { DomainModule } from '../../src/app/domain-module.js';
import { defineEventHandler } from '../../src/es/runtime/event-handler.js';
import { startChronicle, waitForRuntime } from './fixtures/app.js';
import { probeModule } from './fixtures/probe.js';

const category = `tagged-${crypto.randomUUID()}`;

/** Links every Tagged event into one category stream, twice over, to show a repeated link is a no-op. */
const linkerModule: DomainModule = {
  name: 'linker',
  register: ({ runtimes }) =>
    void runtimes.addEventHandler(
      defineEventHandler({
        name: 'tag-linker',
        handlers: {
          async Tagged(_event, context) {
            await context.link(category);
            await context.link(category);
          },
        },
      }),
    ),
};

let app: Chronicle;
beforeAll(async () => {
  app = await startChronicle([probeModule, linkerModule]);
});
afterAll(() => app?.stop());

describe('ReactionContext.link', () => {
  it('links each handled event into the stream as its next version, once', async () => {
    const emitted = [];
    for (const n of [1, 2, 3]) {
      emitted.push(await app.router.dispatch({ type: 'Emit', probeId: crypto.randomUUID(), eventType: 'Tagged', data: { n } }));
      await app.router.dispatch({ type: 'Emit', probeId: crypto.randomUUID(), eventType: 'Untagged', data: { n } });
    }
    await waitForRuntime(app, 'tag-linker', emitted.at(-1)!.position!);

    const linked = await app.store.readStream(category);
    expect(linked.map((event) => [event.version, event.position, event.data])).toEqual(
      emitted.map((result, index) => [index + 1, result.position, { n: index + 1 }]),
    );
    expect(linked.map((event) => event.linkedFrom)).toEqual(emitted.map((result) => ({ streamId: result.streamId, version: 1 })));
  });
});
