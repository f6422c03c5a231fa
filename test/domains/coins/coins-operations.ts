import { graphql } from '../../gql/index.js';

/** The operations the coins tests send, as a client would write them (typed by `npm run codegen`). */
export const COIN_ACCOUNT_FIELDS = graphql(`
  fragment CoinAccountFields on CoinAccount { accountId balance mined sent received lastNonce version }
`);

export const MINE_COIN = graphql(`
  mutation MineCoin($input: MineCoinInput!) {
    mineCoin(input: $input) {
      __typename
      ...CoinAccountFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const SEND_COINS = graphql(`
  mutation SendCoins($input: SendCoinsInput!) {
    sendCoins(input: $input) {
      __typename
      ... on CoinTransfer { id from to amount status }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const COIN_ACCOUNT = graphql(`
  query CoinAccount($accountId: String!, $first: Int, $after: String) {
    coinAccount(accountId: $accountId) {
      ...CoinAccountFields
      events(first: $first, after: $after) {
        edges { cursor node { streamId version type data } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const COIN_TRANSFER = graphql(`
  query CoinTransfer($id: ID!) {
    coinTransfer(id: $id) { id from to amount status completedAt }
  }
`);

export const RICHEST = graphql(`
  query Richest($first: Int) {
    richest(first: $first) { accountId balance }
  }
`);

export const RICHEST_CHANGED = graphql(`
  subscription RichestChanged($first: Int) {
    richestChanged(first: $first) { accountId balance }
  }
`);

export const COIN_BALANCE_CHANGED = graphql(`
  subscription CoinBalanceChanged($accountId: String!, $after: String) {
    coinBalanceChanged(accountId: $accountId, after: $after) { accountId balance delta reason transferId version position }
  }
`);
