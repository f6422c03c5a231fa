import { afterEach, describe, expect, it } from 'vitest';
import type { DomainModule } from '../../src/app/domain-module.js';
import { defineProjector } from '../../src/es/runtime/projector.js';
import type { HealthReport } from '../../src/server/health.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const catalog: DomainModule = {
  name: 'catalog',
  register: ({ runtimes }) => void runtimes.addProjector(defineProjector({ name: 'catalog-items', handlers: {}, reset: async () => {} })),
};

async function health(server: TestServer): Promise<{ status: number; report: HealthReport }> {
  const response = await fetch(new URL('/health', server.url));
  return { status: response.status, report: (await response.json()) as HealthReport };
}

describe('/health', () => {
  let t: TestApp;
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reports the database and where each projector stands', async () => {
    t = await createTestApp({ domains: [catalog] });
    server = await startTestServer(t);
    await t.app.store.append('item-1', [{ type: 'ItemListed', data: {} }]);
    await t.settle();

    const { status, report } = await health(server);
    expect(status).toBe(200);
    expect(report).toEqual({
      status: 'ok',
      database: { status: 'up', dialect: t.app.database.dialect, latencyMs: expect.any(Number) },
      head: '1',
      projections: [{ name: 'catalog-items', kind: 'projector', status: 'live', checkpoint: '1', lag: 0 }],
    });
  });

  it('shows the lag of a projector behind the log', async () => {
    t = await createTestApp({ domains: [catalog] });
    server = await startTestServer(t);
    await t.app.runtimes.stop();
    await t.app.store.append('item-1', [
      { type: 'ItemListed', data: {} },
      { type: 'ItemPriced', data: {} },
    ]);

    const { status, report } = await health(server);
    expect(status).toBe(200);
    expect(report.head).toBe('2');
    expect(report.projections).toEqual([{ name: 'catalog-items', kind: 'projector', status: 'stopped', checkpoint: '0', lag: 2 }]);
  });

  it('answers 503 without the database, and says nothing about why', async () => {
    t = await createTestApp({ domains: [catalog] });
    const running = await startTestServer(t);
    await t.app.runtimes.stop();
    await t.app.feed.stop();
    await t.app.database.close();
    try {
      const response = await fetch(new URL('/health', running.url));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        database: { status: 'down', dialect: t.app.database.dialect },
        projections: [],
      });
    } finally {
      running.server.httpServer.close();
      running.server.httpServer.closeAllConnections();
    }
  });
});
