import { describe, it } from 'vitest';
import { type CompetitorProcessEvent, challengeCompetitorProcess } from '../../../src/domains/challenges/challenge-competitor-process.js';
import { OutsideChallengePeriod } from '../../../src/domains/challenges/challenge-errors.js';
import { processManagerSpec } from '../../../src/es/testing/process-manager-spec.js';

const spec = processManagerSpec(challengeCompetitorProcess);
const joined = (challengeId: string): CompetitorProcessEvent => ({
  type: 'CompetitorJoined',
  data: { challengeId, athleteId: 'ann', athleteName: 'Ann', categories: ['OVERALL'] },
});
const left = (challengeId: string): CompetitorProcessEvent => ({ type: 'CompetitorLeft', data: { challengeId, athleteId: 'ann' } });
const activity = {
  activityId: '991',
  athleteId: 'ann',
  activityType: 'RIDE',
  startDateLocal: '2024-05-02T08:00:00.000Z',
  distanceMetres: 42_000,
  movingTimeSeconds: 5_400,
  elevationMetres: 300,
} as const;
const received = { type: 'TrackerActivityReceived', data: activity } as const;
const deleted = { type: 'TrackerActivityDeleted', data: { activityId: '991', athleteId: 'ann' } } as const;

describe('challenge-competitor process', () => {
  it('follows each athlete as one instance', () => {
    spec.given().when(joined('tour')).routes({ start: 'ann' });
    spec.given().when(received).routes({ continue: 'ann' });
    spec.given().when(deleted).routes({ continue: 'ann' });
  });

  it('imports a tracker activity into every challenge the athlete competes in', () => {
    spec
      .given(joined('tour'), joined('giro'), joined('vuelta'), left('vuelta'))
      .when(received)
      .then({ type: 'ImportActivity', challengeId: 'tour', ...activity }, { type: 'ImportActivity', challengeId: 'giro', ...activity });
  });

  it('imports nothing for an athlete in no challenge', () => {
    spec.given().when(received).then();
  });

  it('removes a deleted activity from every challenge the athlete ever joined', () => {
    spec
      .given(joined('tour'), joined('vuelta'), left('vuelta'))
      .when(deleted)
      .then(
        { type: 'RemoveActivity', challengeId: 'tour', activityId: '991' },
        { type: 'RemoveActivity', challengeId: 'vuelta', activityId: '991' },
      );
  });

  it('takes a refusal (the challenge is not running, say) as the answer, not a failure', () => {
    spec
      .given(joined('tour'))
      .failing(new OutsideChallengePeriod(), { type: 'ImportActivity', challengeId: 'tour', ...activity })
      .then();
  });

  it('remembers which challenges the athlete joined and left', () => {
    spec.given(joined('tour'), joined('giro'), left('giro')).thenState({ challenges: { tour: 'JOINED', giro: 'LEFT' } });
  });
});
