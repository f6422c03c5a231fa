import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { actingAs } from '../support/acting-as.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { adminActor, userActor } from '../support/test-auth.js';

const alice = userActor('alice');
const operator = adminActor('operator');

const CALCULATE = graphql(`
  mutation StreamStateAtCalculate($input: CalculateInput!) {
    calculate(input: $input) {
      __typename
    }
  }
`);

const STATE_AT = graphql(`
  query StreamStateAt($id: String!, $version: Int, $at: DateTime) {
    stream(id: $id) {
      id
      version
      stateAt(version: $version, at: $at)
    }
  }
`);

let t: TestApp;
let as: ReturnType<typeof actingAs>;
beforeAll(async () => {
  t = await createTestApp({ actor: null });
  as = actingAs(t);
});
afterAll(() => t?.stop());

/** Alice's calculator after add 50, add 10, add 2. */
async function fiftyTenTwo() {
  const calculatorId = `state-at-${crypto.randomUUID()}`;
  for (const operand of [50, 10, 2]) {
    const { data } = await as(alice, CALCULATE, { input: { calculatorId, operation: 'ADD', operand } });
    expect(data?.calculate.__typename).toBe('Calculator');
  }
  return `calculator-${calculatorId}`;
}

describe('stream(id) { stateAt }', () => {
  it("is the state of the stream's aggregate as JSON: as of a version, a time, or now", async () => {
    const id = await fiftyTenTwo();
    expect(await as(operator, STATE_AT, { id, version: 2 })).toEqual({ data: { stream: { id, version: 3, stateAt: { value: 60 } } } });
    expect((await as(operator, STATE_AT, { id })).data?.stream?.stateAt).toEqual({ value: 62 });
    const [first] = await t.app.store.readStream(id, { limit: 1 });
    const before = new Date(first!.occurredAt.getTime() - 1).toISOString();
    expect((await as(operator, STATE_AT, { id, at: before })).data?.stream?.stateAt).toBeNull();
    expect((await as(operator, STATE_AT, { id, at: new Date().toISOString() })).data?.stream?.stateAt).toEqual({ value: 62 });
  });

  it('refuses a version beyond the head, and version and at together', async () => {
    const id = await fiftyTenTwo();
    const beyond = await as(operator, STATE_AT, { id, version: 4 });
    expect(beyond.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'version', head: 3 });
    const both = await as(operator, STATE_AT, { id, version: 1, at: new Date().toISOString() });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('answers UNKNOWN_STREAM_CATEGORY for a stream no registered aggregate writes', async () => {
    const id = `stray-${crypto.randomUUID()}`;
    await t.app.store.append(id, [{ type: 'Something', data: {} }]);
    const unknown = await as(operator, STATE_AT, { id, version: 1 });
    expect(unknown.data?.stream?.stateAt ?? null).toBeNull();
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_STREAM_CATEGORY', streamId: id });
  });

  it('is for admins only, like the rest of the event browser', async () => {
    const id = await fiftyTenTwo();
    const refused = await as(alice, STATE_AT, { id, version: 2 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data?.stream ?? null).toBeNull();
  });
});
