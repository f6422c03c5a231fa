import { expect } from 'vitest';
import { SchedulingModule } from '../../../src/app/scheduling-module.js';
import { challengesModule } from '../../../src/domains/challenges/challenges-module.js';
import { ManualClock } from '../../../src/es/testing/manual-clock.js';
import type { CreateChallengeInput } from '../../gql/graphql.js';
import type { TestApp } from '../../support/test-app.js';
import { CREATE_CHALLENGE, HOST_CHALLENGE, IMPORT_ACTIVITY, JOIN_CHALLENGE, START_CHALLENGE } from './challenge-operations.js';

/**
 * The challenge slice with a scheduler on a clock stopped long before any test challenge starts,
 * so the clock never starts or ends a challenge behind a test's back (the clock tests move it).
 */
export function challengeDomains(clock = new ManualClock('2000-01-01T00:00:00Z')) {
  const scheduling = new SchedulingModule({ clock });
  return { clock, scheduling, domains: [challengesModule, scheduling] };
}

let counter = 0;

/** A unique challenge id and name per call, so tests sharing a database never collide. */
export function newChallenge(overrides: Partial<CreateChallengeInput> = {}) {
  const suffix = `${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    id: `ch-${suffix}`,
    name: `Tour ${suffix}`,
    description: 'Ride 100 km',
    startDate: '2024-05-01T00:00:00.000Z',
    endDate: '2099-06-01T00:00:00.000Z',
    goalMetres: 100_000,
    activityType: 'RIDE' as const,
    ...overrides,
  };
}

/** Creates, hosts and starts a challenge and lets the athletes join it. */
export async function runningChallenge(
  t: TestApp,
  athletes: Array<[id: string, name: string, category?: 'MEN' | 'WOMEN']>,
  overrides: Partial<CreateChallengeInput> = {},
) {
  const input = newChallenge(overrides);
  expect((await t.graphql(CREATE_CHALLENGE, { input })).data!.createChallenge.__typename).toBe('Challenge');
  expect((await t.graphql(HOST_CHALLENGE, { challengeId: input.id })).data!.hostChallenge.__typename).toBe('Challenge');
  expect((await t.graphql(START_CHALLENGE, { challengeId: input.id })).data!.startChallenge.__typename).toBe('Challenge');
  for (const [athleteId, athleteName, category] of athletes) {
    const joined = await t.graphql(JOIN_CHALLENGE, { input: { challengeId: input.id, athleteId, athleteName, category } });
    expect(joined.data!.joinChallenge.__typename).toBe('Challenge');
  }
  return input;
}

export async function importActivity(
  t: TestApp,
  challengeId: string,
  activityId: string,
  athleteId: string,
  distanceMetres: number,
  day = 2,
) {
  const { data, errors } = await t.graphql(IMPORT_ACTIVITY, {
    input: {
      challengeId,
      activityId,
      athleteId,
      activityType: 'RIDE',
      startDateLocal: `2024-05-${String(day).padStart(2, '0')}T08:00:00.000Z`,
      distanceMetres,
      movingTimeSeconds: 3_600,
      elevationMetres: 100,
    },
  });
  expect(errors).toBeUndefined();
  return data!.importActivity;
}
