import { afterEach, describe, expect, it } from 'vitest';
import type { Chronicle } from '../../../src/app/chronicle.js';
import { createPostgresDatabase } from '../../../src/db/postgres-database.js';
import { challengeAggregate } from '../../../src/domains/challenges/challenge-aggregate.js';
import { athleteSubject } from '../../../src/domains/challenges/challenge-events.js';
import { ERASED, erasePersonalData } from '../../../src/es/index.js';
import { challengeDomains, newChallenge } from '../../domains/challenges/challenge-flow.js';
import { TEST_ACTOR } from '../../support/test-auth.js';
import { concurrent, createTestDatabase, NEEDS_CONCURRENCY, type TestDatabase } from '../../support/test-database.js';
import { startChronicle } from '../fixtures/app.js';
import { tablesHolding } from './database-search.js';

let database: TestDatabase | undefined;
const apps: Chronicle[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await database?.close();
  database = undefined;
});

async function instance(url: string): Promise<Chronicle> {
  const app = await startChronicle(challengeDomains().domains, {
    database: createPostgresDatabase({ connectionString: url, poolSize: 4 }),
  });
  apps.push(app);
  return app;
}

describe('an erasure on one instance', () => {
  it.skipIf(!concurrent)(
    `counts on another at once: its cached states and remembered events are forgotten ${NEEDS_CONCURRENCY}`,
    async () => {
      database = await createTestDatabase({ poolSize: 4 });
      const [eraser, other] = [await instance(database.url!), await instance(database.url!)];
      const { id: challengeId, ...challenge } = newChallenge();
      const athleteId = `ath-${challengeId}`;
      const athleteName = `Yusuf Brindle ${challengeId}`;
      const as = { actor: TEST_ACTOR };
      await other.router.dispatch({ type: 'CreateChallenge', challengeId, ...challenge }, as);
      await other.router.dispatch({ type: 'HostChallenge', challengeId }, as);
      const joined = await other.router.dispatch({ type: 'JoinChallenge', challengeId, athleteId, athleteName, category: null }, as);
      // The other instance holds the state with the name in its cache, and the events in its feed's memory.
      await other.feed.waitFor(joined.position!);
      const streamId = `challenge-${challengeId}`;
      expect((await other.repository.load(challengeAggregate, streamId)).state.competitors[athleteId]?.athleteName).toBe(athleteName);
      expect(JSON.stringify((await other.feed.read(0, 100)).events)).toContain(athleteName);

      const erasure = await erasePersonalData(eraser, athleteSubject(athleteId));
      await other.feed.waitFor(erasure.position);

      expect((await other.repository.load(challengeAggregate, streamId)).state.competitors[athleteId]?.athleteName).toBe(ERASED);
      const remembered = JSON.stringify((await other.feed.read(0, 100)).events);
      expect(remembered).not.toContain(athleteName);
      expect(remembered).toContain(ERASED);
      await other.runtimes.settle();
      expect(await tablesHolding(other.database.db, athleteName)).toEqual([]);
    },
  );
});
