import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportActivityInput, ImportActivityMutationVariables } from '../../gql/graphql.js';
import { expectTypename, firstField } from '../../support/graphql-results.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { challengeDomains, importActivity, newChallenge, runningChallenge } from './challenge-flow.js';
import {
  ATHLETE,
  CHALLENGE,
  CHALLENGES,
  CREATE_CHALLENGE,
  END_CHALLENGE,
  HOST_CHALLENGE,
  IMPORT_ACTIVITY,
  JOIN_CHALLENGE,
  LEAVE_CHALLENGE,
  REMOVE_ACTIVITY,
  START_CHALLENGE,
} from './challenge-operations.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ domains: challengeDomains().domains });
});
afterAll(() => t.stop());

/** Runs a mutation that must be refused and proves the log did not move (once reactions to earlier commands are done). */
async function refused<Result extends object, Variables>(document: TypedDocumentNode<Result, Variables>, variables: NoInfer<Variables>) {
  await t.settle();
  const head = await t.app.store.head();
  const { data, errors } = await t.graphql(document, variables);
  expect(errors).toBeUndefined();
  expect(await t.app.store.head()).toBe(head);
  return firstField(data);
}

const ride = (
  challengeId: string,
  activityId: string,
  athleteId: string,
  overrides: Partial<ImportActivityInput> = {},
): ImportActivityMutationVariables => ({
  input: {
    challengeId,
    activityId,
    athleteId,
    activityType: 'RIDE',
    startDateLocal: '2024-05-02T08:00:00.000Z',
    distanceMetres: 1_000,
    movingTimeSeconds: 60,
    elevationMetres: 0,
    ...overrides,
  },
});

describe('creating challenges', () => {
  it('creates a challenge with a slug from its name and reads it by id and by slug', async () => {
    const input = newChallenge({ name: 'Tour de Café Été' });
    const { data } = await t.graphql(CREATE_CHALLENGE, { input });
    expect(data!.createChallenge).toMatchObject({
      __typename: 'Challenge',
      id: input.id,
      slug: 'tour-de-cafe-ete',
      status: 'CREATED',
      competitorCount: 0,
    });
    expect((await t.graphql(CHALLENGE, { slug: 'tour-de-cafe-ete' })).data!.challenge!.id).toBe(input.id);
    expect((await t.graphql(CHALLENGE, { id: input.id })).data!.challenge!.slug).toBe('tour-de-cafe-ete');
  });

  it('refuses a second challenge whose name gives the same slug, and frees nothing it did not take', async () => {
    const first = newChallenge();
    await t.graphql(CREATE_CHALLENGE, { input: first });
    const result = await refused(CREATE_CHALLENGE, { input: newChallenge({ name: `  ${first.name.toUpperCase()}!` }) });
    expect(result).toMatchObject({ __typename: 'ChallengeSlugTakenError', code: 'CHALLENGE_SLUG_TAKEN' });
    const again = await refused(CREATE_CHALLENGE, { input: { ...first, name: 'Something else entirely ' + first.id } });
    expect(again).toMatchObject({ __typename: 'ChallengeExistsError' });
    // The failed attempt released its claim on the other name's slug: a new challenge may take it.
    const taker = await t.graphql(CREATE_CHALLENGE, { input: newChallenge({ name: 'Something else entirely ' + first.id }) });
    expect(taker.data!.createChallenge.__typename).toBe('Challenge');
  });

  it('reports every invalid field at once and appends nothing', async () => {
    const result = await refused(CREATE_CHALLENGE, {
      input: newChallenge({ name: '   ', goalMetres: 0, startDate: '2024-06-01T00:00:00Z', endDate: '2024-05-01T00:00:00Z' }),
    });
    const invalid = expectTypename(result, 'ValidationError');
    expect(invalid.fields.map((field) => field.path).sort()).toEqual(['endDate', 'goalMetres', 'name']);
  });
});

describe('lifecycle through GraphQL', () => {
  it('hosts, starts and ends, refusing steps out of order with typed errors', async () => {
    const input = newChallenge();
    await t.graphql(CREATE_CHALLENGE, { input });
    expect(await refused(START_CHALLENGE, { challengeId: input.id })).toMatchObject({ __typename: 'ChallengeNotHostedError' });
    expect(await refused(JOIN_CHALLENGE, { input: { challengeId: input.id, athleteId: 'x', athleteName: 'X' } })).toMatchObject({
      code: 'CHALLENGE_NOT_HOSTED',
    });
    expect(expectTypename((await t.graphql(HOST_CHALLENGE, { challengeId: input.id })).data!.hostChallenge, 'Challenge').status).toBe(
      'HOSTED',
    );
    expect(await refused(END_CHALLENGE, { challengeId: input.id })).toMatchObject({ __typename: 'ChallengeNotStartedError' });
    expect(expectTypename((await t.graphql(START_CHALLENGE, { challengeId: input.id })).data!.startChallenge, 'Challenge').status).toBe(
      'ACTIVE',
    );
    expect(await refused(START_CHALLENGE, { challengeId: input.id })).toMatchObject({ __typename: 'ChallengeAlreadyStartedError' });
    expect((await t.graphql(CHALLENGES, { status: 'ACTIVE' })).data!.challenges).toContainEqual({
      id: input.id,
      status: 'ACTIVE',
    });
    expect(expectTypename((await t.graphql(END_CHALLENGE, { challengeId: input.id })).data!.endChallenge, 'Challenge').status).toBe(
      'ENDED',
    );
    expect(await refused(END_CHALLENGE, { challengeId: input.id })).toMatchObject({ __typename: 'ChallengeAlreadyEndedError' });
    expect(await refused(HOST_CHALLENGE, { challengeId: 'no-such-challenge' })).toMatchObject({ __typename: 'ChallengeNotFoundError' });
  });
});

describe('leaderboards', () => {
  it('ranks imported activities per category, pages through them, and lists the feed newest first', async () => {
    const { id } = await runningChallenge(t, [
      ['ann', 'Ann', 'WOMEN'],
      ['bob', 'Bob', 'MEN'],
      ['cid', 'Cid'],
    ]);
    await importActivity(t, id, 'r1', 'ann', 30_000);
    await importActivity(t, id, 'r2', 'bob', 42_000);
    const third = expectTypename(await importActivity(t, id, 'r3', 'cid', 150_000), 'Challenge');
    expect(third.leaderboard.edges.map((edge) => edge.node)).toEqual([
      { rank: 1, athleteId: 'cid', distanceMetres: 150_000, progress: 100 },
      { rank: 2, athleteId: 'bob', distanceMetres: 42_000, progress: 42 },
      { rank: 3, athleteId: 'ann', distanceMetres: 30_000, progress: 30 },
    ]);

    const page = (await t.graphql(CHALLENGE, { id, first: 2 })).data!.challenge!;
    expect(page.competitorCount).toBe(3);
    expect(page.leaderboard.edges.map((edge) => edge.node.athleteId)).toEqual(['cid', 'bob']);
    expect(page.leaderboard.pageInfo).toEqual({ hasNextPage: true, endCursor: '2' });
    const next = (await t.graphql(CHALLENGE, { id, first: 2, after: '2' })).data!.challenge!;
    expect(next.leaderboard.edges.map((edge) => edge.node.athleteId)).toEqual(['ann']);
    expect(page.activityFeed.edges.map((edge) => edge.node.id)).toEqual(['r3', 'r2', 'r1']);
    expect(page.activityFeed.edges[0]!.node.athleteName).toBe('Cid');

    const women = (await t.graphql(CHALLENGE, { id, category: 'WOMEN' })).data!.challenge!;
    expect(women.leaderboard.edges.map((edge) => [edge.node.rank, edge.node.athleteId])).toEqual([[1, 'ann']]);
    expect((await t.graphql(ATHLETE, { id: 'bob' })).data!.athlete).toEqual({ id: 'bob', name: 'Bob', category: 'MEN' });
  });

  it('refuses each bad import with its own typed error and appends nothing', async () => {
    const { id } = await runningChallenge(t, [['ann', 'Ann']]);
    await importActivity(t, id, 'r1', 'ann', 1_000);
    expect(await refused(IMPORT_ACTIVITY, ride(id, 'r1', 'ann'))).toMatchObject({
      __typename: 'DuplicateActivityError',
      code: 'DUPLICATE_ACTIVITY',
    });
    // Nobody ever joined 'zed', so nobody owns it: the import is refused before the challenge is asked.
    expect(await refused(IMPORT_ACTIVITY, ride(id, 'r2', 'zed'))).toMatchObject({ __typename: 'ForbiddenError' });
    expect(await refused(IMPORT_ACTIVITY, ride(id, 'r3', 'ann', { startDateLocal: '2024-04-30T08:00:00Z' }))).toMatchObject({
      __typename: 'OutsideChallengePeriodError',
    });
    expect(await refused(IMPORT_ACTIVITY, ride(id, 'r4', 'ann', { activityType: 'RUN' }))).toMatchObject({
      __typename: 'WrongActivityTypeError',
    });
    expect(await refused(IMPORT_ACTIVITY, ride(id, 'r5', 'ann', { distanceMetres: -1 }))).toMatchObject({
      __typename: 'ValidationError',
      fields: [{ path: 'distanceMetres' }],
    });
    expect(await refused(REMOVE_ACTIVITY, { input: { challengeId: id, activityId: 'nope' } })).toMatchObject({
      __typename: 'ActivityNotFoundError',
    });
  });

  it('re-ranks when an activity is removed and when a competitor leaves', async () => {
    const { id } = await runningChallenge(t, [
      ['ann', 'Ann'],
      ['bob', 'Bob'],
      ['cid', 'Cid'],
    ]);
    await importActivity(t, id, 'r1', 'ann', 30_000);
    await importActivity(t, id, 'r2', 'bob', 20_000);
    await importActivity(t, id, 'r3', 'cid', 10_000);
    expect((await t.graphql(REMOVE_ACTIVITY, { input: { challengeId: id, activityId: 'r1' } })).data!.removeActivity.__typename).toBe(
      'Challenge',
    );
    const afterRemoval = (await t.graphql(CHALLENGE, { id })).data!.challenge!;
    expect(afterRemoval.leaderboard.edges.map((edge) => edge.node.athleteId)).toEqual(['bob', 'cid', 'ann']);
    expect(afterRemoval.activities.map((activity) => activity.id).sort()).toEqual(['r2', 'r3']);

    await t.graphql(LEAVE_CHALLENGE, { input: { challengeId: id, athleteId: 'bob' } });
    const afterLeaving = (await t.graphql(CHALLENGE, { id })).data!.challenge!;
    expect(afterLeaving.competitorCount).toBe(2);
    expect(afterLeaving.leaderboard.edges.map((edge) => [edge.node.rank, edge.node.athleteId])).toEqual([
      [1, 'cid'],
      [2, 'ann'],
    ]);
    expect(await refused(LEAVE_CHALLENGE, { input: { challengeId: id, athleteId: 'bob' } })).toMatchObject({
      __typename: 'NotACompetitorError',
    });
  });
});
