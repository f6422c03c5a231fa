import { GraphQLError } from 'graphql';

/** What ends an operation whose token has expired; the client signs in again and resumes with `after`. */
export function tokenExpiredError(): GraphQLError {
  return new GraphQLError('The token has expired: renew it and subscribe again, `after` the last position received', {
    extensions: { code: 'UNAUTHENTICATED' },
  });
}
