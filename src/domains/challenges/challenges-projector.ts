import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { defineProjector, ERASED, type PersonalDataErasedEvent, type RecordedEvent } from '../../es/index.js';
import { athleteOfSubject, type ChallengeEvent } from './challenge-events.js';
import type { ChallengeTables } from './challenge-tables.js';
import type { ChallengeStatus } from './challenge-values.js';

export const CHALLENGES_PROJECTION = 'challenges';

/** Challenges with their status and competitor count, their competitors, and the athlete read model. */
export const challengesProjector = defineProjector<ChallengeTables, ChallengeEvent | PersonalDataErasedEvent>({
  name: CHALLENGES_PROJECTION,
  tables: ['challenges', 'challenge_competitors', 'challenge_athletes'],
  handlers: {
    ChallengeCreated: async (trx, event) => {
      const { challengeId, slug, name, description, startDate, endDate, goalMetres, activityType } = event.data;
      await trx
        .insertInto('challenges')
        .values({
          challenge_id: challengeId,
          slug,
          name,
          description,
          start_date: new Date(startDate),
          end_date: new Date(endDate),
          goal_metres: goalMetres,
          activity_type: activityType,
          status: 'CREATED',
          competitor_count: 0,
          version: event.version,
          created_at: event.occurredAt,
          updated_at: event.occurredAt,
        })
        .execute();
    },
    ChallengeHosted: (trx, event) => setStatus(trx, event, 'HOSTED'),
    ChallengeStarted: (trx, event) => setStatus(trx, event, 'ACTIVE'),
    ChallengeEnded: (trx, event) => setStatus(trx, event, 'ENDED'),
    CompetitorJoined: async (trx, event) => {
      const { challengeId, athleteId, athleteName, categories } = event.data;
      const category = categories.find((candidate) => candidate !== 'OVERALL') ?? null;
      await trx
        .insertInto('challenge_competitors')
        .values({
          challenge_id: challengeId,
          athlete_id: athleteId,
          athlete_name: athleteName,
          category: category as 'MEN' | 'WOMEN' | null,
          joined_position: event.position,
          joined_at: event.occurredAt,
        })
        .execute();
      await trx
        .insertInto('challenge_athletes')
        .values({ athlete_id: athleteId, name: athleteName, category: category as 'MEN' | 'WOMEN' | null, updated_at: event.occurredAt })
        .onConflict((conflict) =>
          conflict
            .column('athlete_id')
            .doUpdateSet({ name: athleteName, category: category as 'MEN' | 'WOMEN' | null, updated_at: event.occurredAt }),
        )
        .execute();
      await countCompetitors(trx, event, 1);
    },
    CompetitorLeft: async (trx, event) => {
      await trx
        .deleteFrom('challenge_competitors')
        .where('challenge_id', '=', event.data.challengeId)
        .where('athlete_id', '=', event.data.athleteId)
        .execute();
      await countCompetitors(trx, event, -1);
    },
    PersonalDataErased: async (trx, event) => {
      const athleteId = athleteOfSubject(event.data.subject);
      if (athleteId === undefined) return;
      await trx.updateTable('challenge_competitors').set({ athlete_name: ERASED }).where('athlete_id', '=', athleteId).execute();
      await trx.updateTable('challenge_athletes').set({ name: ERASED }).where('athlete_id', '=', athleteId).execute();
    },
  },
  async reset(db) {
    await db.deleteFrom('challenge_competitors').execute();
    await db.deleteFrom('challenge_athletes').execute();
    await db.deleteFrom('challenges').execute();
  },
});

async function setStatus(
  trx: Transaction<ChallengeTables>,
  event: RecordedEvent<string, { challengeId: string }>,
  status: ChallengeStatus,
) {
  await trx
    .updateTable('challenges')
    .set({ status, version: event.version, updated_at: event.occurredAt })
    .where('challenge_id', '=', event.data.challengeId)
    .execute();
}

async function countCompetitors(trx: Transaction<ChallengeTables>, event: RecordedEvent<string, { challengeId: string }>, by: 1 | -1) {
  await trx
    .updateTable('challenges')
    .set({ competitor_count: sql`competitor_count + ${by}`, version: event.version, updated_at: event.occurredAt })
    .where('challenge_id', '=', event.data.challengeId)
    .execute();
}
