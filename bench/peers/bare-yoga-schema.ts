import { createSchema } from 'graphql-yoga';

/** The least a Yoga mutation can do: a counter in memory. The baseline of `deposit-http` and `as-shipped`. */
export function bareYogaSchema() {
  let total = 0;
  return createSchema({
    typeDefs: 'type Query { total: Int! } type Mutation { deposit(amount: Int!): Int! }',
    resolvers: {
      Query: { total: () => total },
      Mutation: { deposit: (_root: unknown, { amount }: { amount: number }) => (total += amount) },
    },
  });
}
