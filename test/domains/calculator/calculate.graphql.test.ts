import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

const Calculate = graphql(`
  mutation Calculate($input: CalculateInput!) {
    calculate(input: $input) {
      __typename
      ... on Calculator {
        id
        value
        version
        updatedAt
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        fields {
          path
          message
        }
      }
    }
  }
`);

const CalculatorQuery = graphql(`
  query Calculator($id: ID!) {
    calculator(id: $id) {
      id
      value
      version
    }
  }
`);

// An operand literal beyond any double parses to Infinity; JSON variables cannot carry one.
const AddInfinity = graphql(`
  mutation AddInfinity($calculatorId: ID!) {
    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {
      __typename
      ... on ValidationError {
        code
        fields {
          path
          message
        }
      }
    }
  }
`);

type Operation = 'ADD' | 'SUBTRACT' | 'MULTIPLY' | 'DIVIDE';

let harness: TestApp;

beforeAll(async () => {
  harness = await createTestApp();
});

afterAll(async () => {
  await harness?.stop();
});

async function calculate(calculatorId: string, operation: Operation, operand: number) {
  const result = await harness.graphql(Calculate, { input: { calculatorId, operation, operand } });
  expect(result.errors).toBeUndefined();
  return result.data!.calculate;
}

async function readCalculator(id: string) {
  const result = await harness.graphql(CalculatorQuery, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.calculator;
}

/** A calculator nobody has calculated on belongs to nobody: reading it is refused, and tells nothing. */
async function expectUnowned(id: string) {
  const result = await harness.graphql(CalculatorQuery, { id });
  expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(result.data?.calculator ?? null).toBeNull();
}

/** The store's view of a calculator's stream and of the whole log. */
async function storeState(calculatorId: string) {
  const { store } = harness.app;
  return { version: await store.streamVersion(`calculator-${calculatorId}`), head: await store.head() };
}

let counter = 0;
const newId = () => `calc-${++counter}-${crypto.randomUUID()}`;

describe('calculate', () => {
  it('applies each operation and returns the calculator from its projection, its version counting operations', async () => {
    const id = newId();
    expect(await calculate(id, 'ADD', 10)).toMatchObject({ __typename: 'Calculator', id, value: 10, version: 1 });
    expect(await calculate(id, 'MULTIPLY', 4.5)).toMatchObject({ value: 45, version: 2 });
    expect(await calculate(id, 'SUBTRACT', 5)).toMatchObject({ value: 40, version: 3 });
    expect(await calculate(id, 'DIVIDE', 16)).toMatchObject({ value: 2.5, version: 4 });
    expect(await readCalculator(id)).toEqual({ id, value: 2.5, version: 4 });
    expect(await storeState(id)).toMatchObject({ version: 4 });
  });

  it('clamps ADD at 10000 and SUBTRACT at 0, each event recording the amount actually applied', async () => {
    const id = newId();
    await calculate(id, 'ADD', 9_990);
    expect(await calculate(id, 'ADD', 25)).toMatchObject({ value: 10_000, version: 2 });
    expect(await calculate(id, 'ADD', 1)).toMatchObject({ value: 10_000, version: 3 });
    expect(await calculate(id, 'SUBTRACT', 20_000)).toMatchObject({ value: 0, version: 4 });

    const events = await harness.app.store.readStream(`calculator-${id}`);
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'CalculatorAdded', data: { calculatorId: id, operand: 9_990, applied: 9_990, value: 9_990 } },
      { type: 'CalculatorAdded', data: { calculatorId: id, operand: 25, applied: 10, value: 10_000 } },
      { type: 'CalculatorAdded', data: { calculatorId: id, operand: 1, applied: 0, value: 10_000 } },
      { type: 'CalculatorSubtracted', data: { calculatorId: id, operand: 20_000, applied: 10_000, value: 0 } },
    ]);
  });

  it('answers MULTIPLY past 10000 with MultiplyOverflowError and appends nothing', async () => {
    const id = newId();
    await calculate(id, 'ADD', 5_000);
    const before = await storeState(id);

    expect(await calculate(id, 'MULTIPLY', 3)).toMatchObject({ __typename: 'MultiplyOverflowError', code: 'MULTIPLY_OVERFLOW' });
    expect(await calculate(id, 'DIVIDE', 0.25)).toMatchObject({ __typename: 'MultiplyOverflowError', code: 'MULTIPLY_OVERFLOW' });

    expect(await storeState(id)).toEqual(before);
    expect(await readCalculator(id)).toEqual({ id, value: 5_000, version: 1 });
  });

  it('answers DIVIDE by 0 with DivideByZeroError and appends nothing', async () => {
    const id = newId();
    await calculate(id, 'ADD', 8);
    const before = await storeState(id);

    expect(await calculate(id, 'DIVIDE', 0)).toMatchObject({ __typename: 'DivideByZeroError', code: 'DIVIDE_BY_ZERO' });

    expect(await storeState(id)).toEqual(before);
    expect(await readCalculator(id)).toEqual({ id, value: 8, version: 1 });
  });

  it('leaves a calculator whose first command fails nonexistent', async () => {
    const id = newId();
    const before = await storeState(id);
    expect(await calculate(id, 'DIVIDE', 0)).toMatchObject({ __typename: 'DivideByZeroError' });
    expect(await storeState(id)).toEqual({ ...before, version: 0 });
    await expectUnowned(id);
  });

  it('refuses a negative operand with a ValidationError on `operand`, appending nothing', async () => {
    const id = newId();
    await calculate(id, 'ADD', 100);
    const before = await storeState(id);

    for (const operation of ['ADD', 'SUBTRACT', 'MULTIPLY', 'DIVIDE'] as const) {
      expect(await calculate(id, operation, -2)).toEqual({
        __typename: 'ValidationError',
        code: 'VALIDATION_FAILED',
        message: expect.any(String),
        fields: [{ path: 'operand', message: 'must not be negative' }],
      });
    }

    expect(await storeState(id)).toEqual(before);
    expect(await readCalculator(id)).toEqual({ id, value: 100, version: 1 });
  });

  it('refuses a non-finite operand with a ValidationError on `operand`', async () => {
    const id = newId();
    const before = await storeState(id);
    const result = await harness.graphql(AddInfinity, { calculatorId: id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.calculate).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'operand', message: 'must be a finite number' }],
    });
    expect(await storeState(id)).toEqual(before);
    await expectUnowned(id);
  });

  it.each([
    ['an empty', '', 'must not be empty'],
    ['a blank', '   ', 'must not be blank'],
    ['a padded', ' calc ', 'must not start or end with whitespace'],
    ['a too long', 'x'.repeat(101), 'must be at most 100 characters'],
  ])('refuses %s calculatorId with a ValidationError on `calculatorId`', async (_case, calculatorId, message) => {
    const before = await harness.app.store.head();
    const result = await calculate(calculatorId, 'ADD', 1);
    expect(result).toMatchObject({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', fields: [{ path: 'calculatorId', message }] });
    expect(await harness.app.store.head()).toBe(before);
  });

  it('keeps decimals exact to 9 places: 0.1 + 0.2 reads 0.3 through the store and the read table', async () => {
    const id = newId();
    await calculate(id, 'ADD', 0.1);
    expect(await calculate(id, 'ADD', 0.2)).toMatchObject({ value: 0.3 });
    expect(await calculate(id, 'DIVIDE', 3)).toMatchObject({ value: 0.1 });
    expect(await calculate(id, 'ADD', 1_000)).toMatchObject({ value: 1_000.1 });
    expect(await calculate(id, 'DIVIDE', 3)).toMatchObject({ value: 333.366666667 });
    expect(await readCalculator(id)).toMatchObject({ value: 333.366666667 });
  });

  it('refuses to read a calculator that never received a command: nobody owns it', async () => {
    await expectUnowned(newId());
  });

  it('rebuilds the read table from the log to the same rows', async () => {
    const id = newId();
    await calculate(id, 'ADD', 7.25);
    await calculate(id, 'MULTIPLY', 2);
    await harness.settle();
    await harness.app.runtimes.rebuild('calculators');
    await harness.settle();
    expect(await readCalculator(id)).toEqual({ id, value: 14.5, version: 2 });
  });
});
