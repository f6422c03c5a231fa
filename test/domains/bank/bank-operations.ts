import { graphql } from '../../gql/index.js';

/** The operations the bank tests send, as a client would write them (typed by `npm run codegen`). */
export const ACCOUNT_FIELDS = graphql(`
  fragment AccountFields on Account { accountNumber holder balance status version }
`);

export const OPEN_ACCOUNT = graphql(`
  mutation OpenAccount($input: OpenAccountInput!) {
    openAccount(input: $input) {
      __typename
      ...AccountFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const DEPOSIT = graphql(`
  mutation Deposit($input: DepositInput!) {
    deposit(input: $input) {
      __typename
      ...AccountFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const WITHDRAW = graphql(`
  mutation Withdraw($input: WithdrawInput!) {
    withdraw(input: $input) {
      __typename
      ...AccountFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const APPLY_FEE = graphql(`
  mutation ApplyFee($input: ApplyFeeInput!) {
    applyFee(input: $input) {
      __typename
      ...AccountFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const CLOSE_ACCOUNT = graphql(`
  mutation CloseAccount($accountNumber: String!) {
    closeAccount(accountNumber: $accountNumber) {
      __typename
      ...AccountFields
      ... on Error { code message }
    }
  }
`);

export const ACCOUNT = graphql(`
  query Account($accountNumber: String!, $first: Int, $after: String) {
    account(accountNumber: $accountNumber) {
      ...AccountFields
      transactions(first: $first, after: $after) {
        edges { cursor node { kind amount delta balance transferId position } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const TRANSFER = graphql(`
  mutation Transfer($input: TransferInput!) {
    transfer(input: $input) {
      __typename
      ... on Transfer { id from to amount status failureReason }
      ... on ValidationError { code fields { path message } }
    }
  }
`);

export const TRANSFER_STATUS = graphql(`
  query TransferStatus($id: ID!) {
    transfer(id: $id) { id from to amount status failureReason }
  }
`);

export const BALANCE_UPDATED = graphql(`
  subscription BalanceUpdated($accountNumber: String!, $after: String) {
    balanceUpdated(accountNumber: $accountNumber, after: $after) {
      accountNumber balance delta reason position transferId
    }
  }
`);
