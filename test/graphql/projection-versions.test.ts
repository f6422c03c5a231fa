import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS_PROJECTION } from '../../src/domains/bank/accounts-projector.js';
import { graphql } from '../gql/index.js';
import { OPEN_ACCOUNT } from '../domains/bank/bank-operations.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ProjectionVersions = graphql(`
  query ProjectionVersions {
    projections {
      name
      kind
      versions { id generation codeVersion status position head }
      building { id }
    }
  }
`);

const RebuildToVersion = graphql(`
  mutation RebuildToVersion($name: String!) {
    rebuildProjection(name: $name) {
      __typename
      ... on Projection { name building { id generation status } }
      ... on Error { code }
    }
  }
`);

describe('projection versions in GraphQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const { errors } = await t.graphql(OPEN_ACCOUNT, { input: { accountNumber: 'PV-1', holder: 'Version Holder' } });
    expect(errors).toBeUndefined();
    await t.settle();
  });

  afterAll(() => t.stop());

  const versionsOf = async (name: string) => {
    const { data, errors } = await t.graphql(ProjectionVersions);
    expect(errors).toBeUndefined();
    return data!.projections.find((projection) => projection.name === name)!;
  };

  it('shows each projector’s live version; other runtimes have none', async () => {
    const head = String(await t.app.store.head());
    expect((await versionsOf(ACCOUNTS_PROJECTION)).versions).toEqual([
      { id: `${ACCOUNTS_PROJECTION}#1`, generation: 1, codeVersion: 1, status: 'LIVE', position: head, head },
    ]);
    const handler = (await t.graphql(ProjectionVersions)).data!.projections.find((projection) => projection.kind !== 'PROJECTOR');
    expect(handler?.versions).toEqual([]);
  });

  it('rebuildProjection answers at once with the new version, which goes live and retires the old one', async () => {
    const { data, errors } = await t.graphql(RebuildToVersion, { name: ACCOUNTS_PROJECTION });
    expect(errors).toBeUndefined();
    expect(data!.rebuildProjection).toMatchObject({
      __typename: 'Projection',
      name: ACCOUNTS_PROJECTION,
      building: { id: `${ACCOUNTS_PROJECTION}#2`, generation: 2 },
    });

    await t.settle();
    const head = String(await t.app.store.head());
    const projection = await versionsOf(ACCOUNTS_PROJECTION);
    expect(projection.versions).toEqual([
      { id: `${ACCOUNTS_PROJECTION}#1`, generation: 1, codeVersion: 1, status: 'RETIRED', position: null, head },
      { id: `${ACCOUNTS_PROJECTION}#2`, generation: 2, codeVersion: 1, status: 'LIVE', position: head, head },
    ]);
    expect(projection.building).toBeNull();
    // The switched-in tables keep the live ones' index names, which migrations name.
    const { rows } = await sql<{ name: string }>`
      select indexname as name from pg_indexes where schemaname = 'public' and tablename = 'bank_transactions' order by indexname
    `.execute(t.app.database.db);
    expect(rows.map((row) => row.name)).toEqual(['bank_transactions_account_idx', 'bank_transactions_pkey']);
  });

  it('refuses to rebuild what is not a projector', async () => {
    const { data } = await t.graphql(RebuildToVersion, { name: 'no-such-projection' });
    expect(data!.rebuildProjection).toEqual({ __typename: 'UnknownProjectionError', code: 'UNKNOWN_PROJECTION' });
  });
});
