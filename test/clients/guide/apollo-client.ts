import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core';

/** Apollo Client posts its queries, or sends them as GET with `useGETForQueries`: both work with a token. */
export function createApolloClient(url: string, token: string, useGETForQueries = false): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: url, headers: { authorization: `Bearer ${token}` }, useGETForQueries }),
    cache: new InMemoryCache(),
  });
}
