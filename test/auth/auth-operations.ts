import { graphql } from '../gql/index.js';

/** Operations the auth tests send; every result asks for `... on Error` so refusals are visible. */
export const OPEN = graphql(`
  mutation AuthOpen($input: OpenAccountInput!) {
    openAccount(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }
  }
`);

export const DEPOSIT_NUMBER_ONLY = graphql(`
  mutation AuthDeposit($input: DepositInput!) {
    deposit(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }
  }
`);

export const DEPOSIT_SHOWING_BALANCE = graphql(`
  mutation AuthDepositBalance($input: DepositInput!) {
    deposit(input: $input) { __typename ... on Account { accountNumber balance } ... on Error { code message } }
  }
`);

export const WITHDRAW = graphql(`
  mutation AuthWithdraw($input: WithdrawInput!) {
    withdraw(input: $input) { __typename ... on Account { balance } ... on Error { code message } }
  }
`);

export const APPLY_FEE = graphql(`
  mutation AuthApplyFee($input: ApplyFeeInput!) {
    applyFee(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }
  }
`);

export const CLOSE = graphql(`
  mutation AuthClose($accountNumber: String!) {
    closeAccount(accountNumber: $accountNumber) { __typename ... on Account { status } ... on Error { code message } }
  }
`);

export const TRANSFER = graphql(`
  mutation AuthTransfer($input: TransferInput!) {
    transfer(input: $input) { __typename ... on Transfer { id status } ... on Error { code message } }
  }
`);

export const BALANCE = graphql(`
  query AuthBalance($accountNumber: String!) {
    account(accountNumber: $accountNumber) { accountNumber balance }
  }
`);

export const BALANCE_UPDATES = graphql(`
  subscription AuthBalanceUpdates($accountNumber: String!) {
    balanceUpdated(accountNumber: $accountNumber) { balance delta }
  }
`);

export const EVENT_LOG = graphql(`
  query AuthEventLog {
    events(first: 1) { edges { node { type } } }
  }
`);

export const PROJECTIONS = graphql(`
  query AuthProjections {
    projections { name }
  }
`);

export const ACTOR_OF_EVENTS = graphql(`
  query AuthActorOfEvents($correlationId: String!) {
    events(correlationId: $correlationId, first: 20) {
      edges { node { type streamId metadata { actor custom } } }
    }
  }
`);
