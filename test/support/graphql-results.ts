import { expect } from 'vitest';

/**
 * The member of a result union that `value` must be: fails the test when it is another member (or missing), and
 * narrows the generated type to that member. The operation must select `__typename` on the union.
 */
export function expectTypename<T extends { __typename?: string }, Typename extends NonNullable<T['__typename']>>(
  value: T | null | undefined,
  typename: Typename,
): Extract<T, { __typename?: Typename }> {
  expect(value?.__typename).toBe(typename);
  return value as Extract<T, { __typename?: Typename }>;
}

/** The type of the first root field of `Data`, for each member when `Data` is a union of operation results. */
export type FirstField<Data> = Data extends object ? Data[Exclude<keyof Data, '__typename'>] : never;

/** The value of the first root field an operation selected: the result of a mutation that runs one command. */
export function firstField<Data extends object>(data: Data | null | undefined): FirstField<Data> {
  return Object.values(data as Data)[0];
}
