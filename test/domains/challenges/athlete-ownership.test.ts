import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import type { ImportActivityMutationVariables } from '../../gql/graphql.js';
import { actingAs, appendsNothing } from '../../support/acting-as.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { adminActor, userActor } from '../../support/test-auth.js';
import { challengeDomains, newChallenge } from './challenge-flow.js';

// Database tier: defect 2 of issue 11 (athletes), through GraphQL with real tokens.
const alice = userActor('alice');
const bob = userActor('bob');
const root = adminActor('root');

let t: TestApp;
let as: ReturnType<typeof actingAs>;
beforeAll(async () => {
  t = await createTestApp({ actor: null, domains: challengeDomains().domains });
  as = actingAs(t);
});
afterAll(() => t.stop());

const CREATE = graphql(`mutation AthleteOwnershipCreate($input: CreateChallengeInput!) { createChallenge(input: $input) { __typename } }`);
const HOST = graphql(`mutation AthleteOwnershipHost($challengeId: ID!) { hostChallenge(challengeId: $challengeId) { __typename } }`);
const START = graphql(`mutation AthleteOwnershipStart($challengeId: ID!) { startChallenge(challengeId: $challengeId) { __typename } }`);
const JOIN = graphql(`
  mutation AthleteOwnershipJoin($input: JoinChallengeInput!) {
    joinChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }
  }
`);
const LEAVE = graphql(`
  mutation AthleteOwnershipLeave($input: LeaveChallengeInput!) {
    leaveChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }
  }
`);
const IMPORT = graphql(`
  mutation AthleteOwnershipImport($input: ImportActivityInput!) {
    importActivity(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }
  }
`);

async function runningChallenge() {
  const input = newChallenge();
  await as(root, CREATE, { input });
  await as(root, HOST, { challengeId: input.id });
  expect((await as(root, START, { challengeId: input.id })).data?.startChallenge.__typename).toBe('Challenge');
  return input.id;
}

const ride = (challengeId: string, activityId: string, athleteId: string, distanceMetres: number): ImportActivityMutationVariables => ({
  input: {
    challengeId,
    activityId,
    athleteId,
    activityType: 'RIDE',
    startDateLocal: '2024-05-03T08:00:00.000Z',
    distanceMetres,
    movingTimeSeconds: 60,
    elevationMetres: 0,
  },
});

describe('an athlete belongs to whoever joined it first (defect 2)', () => {
  it('nobody else imports activities for it or makes it leave; refusals append nothing', async () => {
    const challengeId = await runningChallenge();
    const athleteId = `ath-${crypto.randomUUID().slice(0, 8)}`;
    expect((await as(alice, JOIN, { input: { challengeId, athleteId, athleteName: 'Alice' } })).data?.joinChallenge.__typename).toBe(
      'Challenge',
    );

    const imported = await appendsNothing(t, () => as(bob, IMPORT, ride(challengeId, 'bogus-1', athleteId, 999_999)));
    expect(imported.data?.importActivity).toMatchObject({ __typename: 'ForbiddenError' });
    const left = await appendsNothing(t, () => as(bob, LEAVE, { input: { challengeId, athleteId } }));
    expect(left.data?.leaveChallenge).toMatchObject({ __typename: 'ForbiddenError' });

    // Joining it to another challenge is hers alone too.
    const other = await runningChallenge();
    const joined = await appendsNothing(t, () => as(bob, JOIN, { input: { challengeId: other, athleteId, athleteName: 'Mallory' } }));
    expect(joined.data?.joinChallenge.__typename).toBe('ForbiddenError');

    expect((await as(alice, IMPORT, ride(challengeId, 'real-1', athleteId, 1_000))).data?.importActivity.__typename).toBe('Challenge');
    expect((await as(alice, LEAVE, { input: { challengeId, athleteId } })).data?.leaveChallenge.__typename).toBe('Challenge');
  });
});
