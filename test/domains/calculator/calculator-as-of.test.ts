import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { actingAs } from '../../support/acting-as.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { userActor } from '../../support/test-auth.js';

const alice = userActor('alice');
const bob = userActor('bob');

const CALCULATE = graphql(`
  mutation CalculatorAsOfCalculate($input: CalculateInput!) {
    calculate(input: $input) {
      __typename
    }
  }
`);

const CALCULATOR_AS_OF = graphql(`
  query CalculatorAsOf($id: ID!, $asOf: AsOf) {
    calculator(id: $id, asOf: $asOf) {
      id
      value
      version
      updatedAt
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

/** Alice's calculator after add 50, add 10, add 2, each committed at a later millisecond than the one before. */
async function fiftyTenTwo() {
  const id = `as-of-${crypto.randomUUID()}`;
  for (const operand of [50, 10, 2]) {
    const { data } = await as(alice, CALCULATE, { input: { calculatorId: id, operation: 'ADD', operand } });
    expect(data?.calculate.__typename).toBe('Calculator');
    await clockPast(await lastOccurredAt(id));
  }
  return { id, events: await t.app.store.readStream(`calculator-${id}`) };
}

async function lastOccurredAt(id: string): Promise<Date> {
  const [last] = await t.app.store.readStream(`calculator-${id}`, { direction: 'backward', limit: 1 });
  return last!.occurredAt;
}

/** Waits until the clock has moved past `time`, so the next event's time differs from it. */
async function clockPast(time: Date): Promise<void> {
  while (Date.now() <= time.getTime()) await new Promise((resolve) => setImmediate(resolve));
}

const calculatorAsOf = (id: string, asOf?: { version: number } | { at: string }) => as(alice, CALCULATOR_AS_OF, { id, asOf });

describe('calculator(asOf)', () => {
  it('shows 60 as of version 2 and 62 now', async () => {
    const { id, events } = await fiftyTenTwo();
    const second = await calculatorAsOf(id, { version: 2 });
    expect(second).toEqual({ data: { calculator: { id, value: 60, version: 2, updatedAt: events[1]!.occurredAt.toISOString() } } });
    expect((await calculatorAsOf(id, { version: 3 })).data?.calculator).toMatchObject({ value: 62, version: 3 });
    expect((await calculatorAsOf(id)).data?.calculator).toMatchObject({ value: 62, version: 3 });
  });

  it('as of a time: every operation applied by then', async () => {
    const { id, events } = await fiftyTenTwo();
    const [first, second, third] = events.map((event) => event.occurredAt.getTime());
    const between = (a: number, b: number) => new Date(Math.floor((a + b) / 2)).toISOString();
    expect((await calculatorAsOf(id, { at: between(first!, second!) })).data?.calculator).toMatchObject({ value: 50, version: 1 });
    expect((await calculatorAsOf(id, { at: between(second!, third!) })).data?.calculator).toMatchObject({ value: 60, version: 2 });
    expect((await calculatorAsOf(id, { at: new Date(third!).toISOString() })).data?.calculator).toMatchObject({ value: 62 });
  });

  it('is null before the first operation, and refuses a version beyond the head', async () => {
    const { id, events } = await fiftyTenTwo();
    expect(await calculatorAsOf(id, { version: 0 })).toEqual({ data: { calculator: null } });
    const before = new Date(events[0]!.occurredAt.getTime() - 1).toISOString();
    expect(await calculatorAsOf(id, { at: before })).toEqual({ data: { calculator: null } });
    const beyond = await calculatorAsOf(id, { version: 4 });
    expect(beyond.data?.calculator).toBeNull();
    expect(beyond.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'asOf', head: 3 } });
  });

  it('takes exactly one of version and at (@oneOf)', async () => {
    const { id } = await fiftyTenTwo();
    const both = await as(alice, CALCULATOR_AS_OF, { id, asOf: { version: 1, at: new Date().toISOString() } as never });
    expect(both.data).toBeUndefined();
    expect(both.errors?.[0]?.message).toMatch(/Exactly one key must be specified for OneOf type "AsOf"/);
  });

  it("is its owner's alone: another user is refused", async () => {
    const { id } = await fiftyTenTwo();
    const stranger = await as(bob, CALCULATOR_AS_OF, { id, asOf: { version: 2 } });
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stranger.data?.calculator ?? null).toBeNull();
  });
});
