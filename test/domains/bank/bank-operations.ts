/** The operations the bank tests send, as a client would write them. */
export const ACCOUNT_FIELDS = `accountNumber holder balance status version`;

export const OPEN_ACCOUNT = `mutation OpenAccount($input: OpenAccountInput!) {
  openAccount(input: $input) {
    __typename
    ... on Account { ${ACCOUNT_FIELDS} }
    ... on Error { code message }
    ... on ValidationError { fields { path message } }
  }
}`;

const amountMutation = (name: string, field: string, input: string) => `mutation ${name}($input: ${input}!) {
  ${field}(input: $input) {
    __typename
    ... on Account { ${ACCOUNT_FIELDS} }
    ... on Error { code message }
    ... on ValidationError { fields { path message } }
  }
}`;

export const DEPOSIT = amountMutation('Deposit', 'deposit', 'DepositInput');
export const WITHDRAW = amountMutation('Withdraw', 'withdraw', 'WithdrawInput');
export const APPLY_FEE = amountMutation('ApplyFee', 'applyFee', 'ApplyFeeInput');

export const CLOSE_ACCOUNT = `mutation CloseAccount($accountNumber: String!) {
  closeAccount(accountNumber: $accountNumber) {
    __typename
    ... on Account { ${ACCOUNT_FIELDS} }
    ... on Error { code message }
  }
}`;

export const ACCOUNT = `query Account($accountNumber: String!, $first: Int, $after: String) {
  account(accountNumber: $accountNumber) {
    ${ACCOUNT_FIELDS}
    transactions(first: $first, after: $after) {
      edges { cursor node { kind amount delta balance transferId position } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export const TRANSFER = `mutation Transfer($input: TransferInput!) {
  transfer(input: $input) {
    __typename
    ... on Transfer { id from to amount status failureReason }
    ... on ValidationError { code fields { path message } }
  }
}`;

export const TRANSFER_STATUS = `query TransferStatus($id: ID!) {
  transfer(id: $id) { id from to amount status failureReason }
}`;

export const BALANCE_UPDATED = `subscription BalanceUpdated($accountNumber: String!, $after: String) {
  balanceUpdated(accountNumber: $accountNumber, after: $after) {
    accountNumber balance delta reason position transferId
  }
}`;
