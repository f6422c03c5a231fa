import { describe, expect, it } from 'vitest';
import { challengeAggregate } from '../../../src/domains/challenges/challenge-aggregate.js';
import type { ChallengeCommand } from '../../../src/domains/challenges/challenge-commands.js';
import { aggregateSpec } from '../../../src/es/testing/aggregate-spec.js';
import {
  activity,
  challengeId,
  created,
  endDate,
  ended,
  goalMetres,
  hosted,
  joined,
  ranked,
  recorded,
  row,
  started,
  startDate,
} from './challenge-fixtures.js';

const challenge = aggregateSpec(challengeAggregate);
const running = [created, hosted, started];
const importing = (details: ReturnType<typeof activity>): ChallengeCommand => ({ type: 'ImportActivity', challengeId, ...details });

describe('challenge lifecycle', () => {
  it('is created with a slug derived from its name, once', () => {
    challenge
      .given()
      .when({
        type: 'CreateChallenge',
        challengeId,
        name: 'Tour of May',
        description: 'Ride 100 km in May',
        startDate,
        endDate,
        goalMetres,
        activityType: 'RIDE',
      })
      .then(created);
    challenge
      .given(created)
      .when({ type: 'CreateChallenge', challengeId, name: 'Again', description: '', startDate, endDate, goalMetres, activityType: 'RUN' })
      .thenError('CHALLENGE_EXISTS');
  });

  it('goes created → hosted → started → ended', () => {
    challenge.given(created).when({ type: 'HostChallenge', challengeId }).then(hosted);
    challenge.given(created, hosted).when({ type: 'StartChallenge', challengeId }).then(started);
    challenge
      .given(...running)
      .when({ type: 'EndChallenge', challengeId })
      .then(ended);
  });

  it('names the reason for every step out of order', () => {
    const cases: Array<[(typeof created)[], ChallengeCommand['type'], string]> = [
      [[], 'HostChallenge', 'CHALLENGE_NOT_FOUND'],
      [[created], 'StartChallenge', 'CHALLENGE_NOT_HOSTED'],
      [[created], 'EndChallenge', 'CHALLENGE_NOT_HOSTED'],
      [[created, hosted], 'HostChallenge', 'CHALLENGE_ALREADY_HOSTED'],
      [[created, hosted], 'EndChallenge', 'CHALLENGE_NOT_STARTED'],
      [running, 'HostChallenge', 'CHALLENGE_ALREADY_STARTED'],
      [running, 'StartChallenge', 'CHALLENGE_ALREADY_STARTED'],
      [[...running, ended], 'StartChallenge', 'CHALLENGE_ALREADY_ENDED'],
      [[...running, ended], 'EndChallenge', 'CHALLENGE_ALREADY_ENDED'],
      [[...running, ended], 'HostChallenge', 'CHALLENGE_ALREADY_ENDED'],
    ];
    for (const [history, type, code] of cases) {
      challenge
        .given(...history)
        .when({ type, challengeId } as ChallengeCommand)
        .thenError(code);
    }
  });
});

describe('competitors', () => {
  it('join once a challenge is hosted, ranked OVERALL and in their category', () => {
    challenge
      .given(created, hosted)
      .when({ type: 'JoinChallenge', challengeId, athleteId: 'a1', athleteName: 'Ann', category: 'WOMEN' })
      .then(
        joined('a1', 'Ann', ['OVERALL', 'WOMEN']),
        ranked('OVERALL', [row(1, 'a1', 'Ann', 0, 0)], { newPositions: [{ athleteId: 'a1', rank: 1 }] }),
        ranked('WOMEN', [row(1, 'a1', 'Ann', 0, 0)], { newPositions: [{ athleteId: 'a1', rank: 1 }] }),
      );
  });

  it('cannot join before hosting, twice, or after the end', () => {
    const join: ChallengeCommand = { type: 'JoinChallenge', challengeId, athleteId: 'a1', athleteName: 'Ann', category: null };
    challenge.given(created).when(join).thenError('CHALLENGE_NOT_HOSTED');
    challenge.given(created, hosted, joined('a1', 'Ann')).when(join).thenError('ALREADY_A_COMPETITOR');
    challenge
      .given(...running, ended)
      .when(join)
      .thenError('CHALLENGE_ALREADY_ENDED');
  });

  it('leaving re-ranks: everyone below moves up', () => {
    challenge
      .given(
        ...running,
        joined('a1', 'Ann'),
        joined('b2', 'Bob'),
        recorded(activity('r1', 'a1', 30_000)),
        recorded(activity('r2', 'b2', 20_000)),
        ranked('OVERALL', [row(1, 'a1', 'Ann', 30_000), row(2, 'b2', 'Bob', 20_000)]),
      )
      .when({ type: 'LeaveChallenge', challengeId, athleteId: 'a1' })
      .then(
        { type: 'CompetitorLeft', data: { challengeId, athleteId: 'a1' } },
        ranked('OVERALL', [row(1, 'b2', 'Bob', 20_000)], { positionsGained: [{ athleteId: 'b2', rank: 1, previousRank: 2, places: 1 }] }),
      );
    challenge
      .given(...running)
      .when({ type: 'LeaveChallenge', challengeId, athleteId: 'a1' })
      .thenError('NOT_A_COMPETITOR');
  });
});

describe('importing activities', () => {
  const history = [...running, joined('a1', 'Ann'), joined('b2', 'Bob', ['OVERALL', 'MEN'])];

  it('records an activity and re-ranks every category of its athlete, with places gained and lost', () => {
    const before = [
      ...history,
      recorded(activity('r1', 'a1', 30_000)),
      ranked('OVERALL', [row(1, 'a1', 'Ann', 30_000), row(2, 'b2', 'Bob', 0, 0)]),
      ranked('MEN', [row(1, 'b2', 'Bob', 0, 0)]),
    ];
    const ride = activity('r2', 'b2', 42_000);
    challenge
      .given(...before)
      .when(importing(ride))
      .then(
        recorded(ride),
        ranked('OVERALL', [row(1, 'b2', 'Bob', 42_000), row(2, 'a1', 'Ann', 30_000)], {
          positionsGained: [{ athleteId: 'b2', rank: 1, previousRank: 2, places: 1 }],
          positionsLost: [{ athleteId: 'a1', rank: 2, previousRank: 1, places: 1 }],
        }),
        ranked('MEN', [row(1, 'b2', 'Bob', 42_000)]),
      );
  });

  it('breaks a tie by who reached the distance first, then by athlete id', () => {
    const early = activity('r1', 'b2', 10_000, 2);
    const late = activity('r2', 'a1', 10_000, 3);
    const decision = challengeAggregate.execute(
      [...history, recorded(early)].reduce(challengeAggregate.apply, challengeAggregate.initialState),
      importing(late),
    );
    expect(Array.isArray(decision) && decision[1]).toMatchObject({ data: { rankings: [{ athleteId: 'b2' }, { athleteId: 'a1' }] } });

    const sameTime = activity('r3', 'a1', 10_000, 2);
    const tied = challengeAggregate.execute(
      [...history, recorded(early)].reduce(challengeAggregate.apply, challengeAggregate.initialState),
      importing(sameTime),
    );
    expect(Array.isArray(tied) && tied[1]).toMatchObject({ data: { rankings: [{ athleteId: 'a1' }, { athleteId: 'b2' }] } });
  });

  it('awards the goal once, and caps progress at 100%', () => {
    const first = activity('r1', 'a1', 120_000);
    challenge
      .given(...history)
      .when(importing(first))
      .then(
        recorded(first),
        { type: 'GoalAchieved', data: { challengeId, athleteId: 'a1', athleteName: 'Ann', distanceMetres: 120_000, goalMetres } },
        ranked('OVERALL', [row(1, 'a1', 'Ann', 120_000), row(2, 'b2', 'Bob', 0, 0)], {
          newPositions: [
            { athleteId: 'a1', rank: 1 },
            { athleteId: 'b2', rank: 2 },
          ],
        }),
      );
    const badge = {
      type: 'GoalAchieved',
      data: { challengeId, athleteId: 'a1', athleteName: 'Ann', distanceMetres: 120_000, goalMetres },
    } as const;
    const second = activity('r2', 'a1', 5_000);
    const decision = challengeAggregate.execute(
      [...history, recorded(first), badge].reduce(challengeAggregate.apply, challengeAggregate.initialState),
      importing(second),
    );
    expect(Array.isArray(decision) && decision.map((event) => event.type)).toEqual(['ActivityRecorded', 'LeaderboardRanked']);
    expect(Array.isArray(decision) && decision[1]).toMatchObject({
      data: {
        rankings: [
          { athleteId: 'a1', progress: 100 },
          { athleteId: 'b2', progress: 0 },
        ],
      },
    });
  });

  it('refuses each broken rule with its own error', () => {
    challenge
      .given(...history, recorded(activity('r1', 'a1', 1)))
      .when(importing(activity('r1', 'a1', 1)))
      .thenError('DUPLICATE_ACTIVITY');
    challenge
      .given(...history)
      .when(importing(activity('r1', 'zz', 1)))
      .thenError('NOT_A_COMPETITOR');
    challenge
      .given(...history)
      .when(importing(activity('r1', 'a1', 1, 2, { startDateLocal: '2024-04-30T23:59:59.000Z' })))
      .thenError('OUTSIDE_CHALLENGE_PERIOD');
    challenge
      .given(...history)
      .when(importing(activity('r1', 'a1', 1, 2, { startDateLocal: endDate })))
      .thenError('OUTSIDE_CHALLENGE_PERIOD');
    challenge
      .given(created, hosted, joined('a1', 'Ann'))
      .when(importing(activity('r1', 'a1', 1)))
      .thenError('OUTSIDE_CHALLENGE_PERIOD');
    challenge
      .given(...history, ended)
      .when(importing(activity('r1', 'a1', 1)))
      .thenError('OUTSIDE_CHALLENGE_PERIOD');
    challenge
      .given(...history)
      .when(importing(activity('r1', 'a1', 1, 2, { activityType: 'RUN' })))
      .thenError('WRONG_ACTIVITY_TYPE');
    challenge
      .given()
      .when(importing(activity('r1', 'a1', 1)))
      .thenError('CHALLENGE_NOT_FOUND');
  });
});

describe('removing activities', () => {
  it('takes the distance back off and re-ranks; the same id cannot be imported again', () => {
    const ride = activity('r1', 'a1', 30_000);
    const history = [
      ...running,
      joined('a1', 'Ann'),
      joined('b2', 'Bob'),
      recorded(ride),
      recorded(activity('r2', 'b2', 20_000)),
      ranked('OVERALL', [row(1, 'a1', 'Ann', 30_000), row(2, 'b2', 'Bob', 20_000)]),
    ];
    challenge
      .given(...history)
      .when({ type: 'RemoveActivity', challengeId, activityId: 'r1' })
      .then(
        { type: 'ActivityRemoved', data: { challengeId, ...ride } },
        ranked('OVERALL', [row(1, 'b2', 'Bob', 20_000), row(2, 'a1', 'Ann', 0, 0)], {
          positionsGained: [{ athleteId: 'b2', rank: 1, previousRank: 2, places: 1 }],
          positionsLost: [{ athleteId: 'a1', rank: 2, previousRank: 1, places: 1 }],
        }),
      );
    const removed = { type: 'ActivityRemoved', data: { challengeId, ...ride } } as const;
    challenge
      .given(...history, removed)
      .when({ type: 'RemoveActivity', challengeId, activityId: 'r1' })
      .thenError('ACTIVITY_NOT_FOUND');
    challenge
      .given(...history, removed)
      .when(importing(ride))
      .thenError('DUPLICATE_ACTIVITY');
  });
});
