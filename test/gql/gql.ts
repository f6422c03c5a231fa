/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AuthOpen($input: OpenAccountInput!) {\n    openAccount(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n": typeof types.AuthOpenDocument,
    "\n  mutation AuthDeposit($input: DepositInput!) {\n    deposit(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n": typeof types.AuthDepositDocument,
    "\n  mutation AuthDepositBalance($input: DepositInput!) {\n    deposit(input: $input) { __typename ... on Account { accountNumber balance } ... on Error { code message } }\n  }\n": typeof types.AuthDepositBalanceDocument,
    "\n  mutation AuthWithdraw($input: WithdrawInput!) {\n    withdraw(input: $input) { __typename ... on Account { balance } ... on Error { code message } }\n  }\n": typeof types.AuthWithdrawDocument,
    "\n  mutation AuthApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n": typeof types.AuthApplyFeeDocument,
    "\n  mutation AuthClose($accountNumber: String!) {\n    closeAccount(accountNumber: $accountNumber) { __typename ... on Account { status } ... on Error { code message } }\n  }\n": typeof types.AuthCloseDocument,
    "\n  mutation AuthTransfer($input: TransferInput!) {\n    transfer(input: $input) { __typename ... on Transfer { id status } ... on Error { code message } }\n  }\n": typeof types.AuthTransferDocument,
    "\n  query AuthBalance($accountNumber: String!) {\n    account(accountNumber: $accountNumber) { accountNumber balance }\n  }\n": typeof types.AuthBalanceDocument,
    "\n  subscription AuthBalanceUpdates($accountNumber: String!) {\n    balanceUpdated(accountNumber: $accountNumber) { balance delta }\n  }\n": typeof types.AuthBalanceUpdatesDocument,
    "\n  query AuthEventLog {\n    events(first: 1) { edges { node { type } } }\n  }\n": typeof types.AuthEventLogDocument,
    "\n  query AuthProjections {\n    projections { name }\n  }\n": typeof types.AuthProjectionsDocument,
    "\n  query AuthActorOfEvents($correlationId: String!) {\n    events(correlationId: $correlationId, first: 20) {\n      edges { node { type streamId metadata { actor custom } } }\n    }\n  }\n": typeof types.AuthActorOfEventsDocument,
    "\n  mutation AuthnOpen($input: OpenAccountInput!) {\n    openAccount(input: $input) { __typename ... on Error { code } }\n  }\n": typeof types.AuthnOpenDocument,
    "\n  fragment AccountFields on Account { accountNumber holder balance status version }\n": typeof types.AccountFieldsFragmentDoc,
    "\n  mutation OpenAccount($input: OpenAccountInput!) {\n    openAccount(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.OpenAccountDocument,
    "\n  mutation Deposit($input: DepositInput!) {\n    deposit(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.DepositDocument,
    "\n  mutation Withdraw($input: WithdrawInput!) {\n    withdraw(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.WithdrawDocument,
    "\n  mutation ApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.ApplyFeeDocument,
    "\n  mutation CloseAccount($accountNumber: String!) {\n    closeAccount(accountNumber: $accountNumber) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n    }\n  }\n": typeof types.CloseAccountDocument,
    "\n  query Account($accountNumber: String!, $first: Int, $after: String) {\n    account(accountNumber: $accountNumber) {\n      ...AccountFields\n      transactions(first: $first, after: $after) {\n        edges { cursor node { kind amount delta balance transferId position } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.AccountDocument,
    "\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      __typename\n      ... on Transfer { id from to amount status failureReason }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n": typeof types.TransferDocument,
    "\n  query TransferStatus($id: ID!) {\n    transfer(id: $id) { id from to amount status failureReason }\n  }\n": typeof types.TransferStatusDocument,
    "\n  subscription BalanceUpdated($accountNumber: String!, $after: String) {\n    balanceUpdated(accountNumber: $accountNumber, after: $after) {\n      accountNumber balance delta reason position transferId\n    }\n  }\n": typeof types.BalanceUpdatedDocument,
    "\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": typeof types.CalculateDocument,
    "\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n": typeof types.CalculatorDocument,
    "\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": typeof types.AddInfinityDocument,
    "\n  subscription Follow($after: String) {\n    events(after: $after) {\n      position\n      type\n    }\n  }\n": typeof types.FollowDocument,
    "\n  mutation Rebuild($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n      }\n    }\n  }\n": typeof types.RebuildDocument,
    "\n  query StreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n": typeof types.StreamVersionDocument,
    "\n  query EventsAfter($after: String) {\n    events(after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.EventsAfterDocument,
    "\n  query LogPage($after: String, $first: Int, $types: [String!], $correlationId: String) {\n    events(after: $after, first: $first, types: $types, correlationId: $correlationId) {\n      edges {\n        cursor\n        node {\n          position\n          eventId\n          streamId\n          version\n          type\n          data\n          metadata {\n            correlationId\n            causationId\n            actor\n            custom\n          }\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.LogPageDocument,
    "\n  query StreamPage($id: String!, $first: Int, $after: String) {\n    stream(id: $id) {\n      id\n      version\n      events(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            position\n            streamId\n            version\n            type\n            linkedFrom {\n              streamId\n              version\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.StreamPageDocument,
    "\n  query Projections {\n    projections {\n      name\n      kind\n      checkpoint\n      head\n      lag\n      status\n      error\n    }\n  }\n": typeof types.ProjectionsDocument,
    "\n  query DeadLetters($handler: String) {\n    deadLetters(handler: $handler) {\n      id\n      handler\n      position\n      eventType\n      error\n      attempts\n      event {\n        streamId\n        data\n      }\n    }\n  }\n": typeof types.DeadLettersDocument,
    "\n  mutation RetryDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter {\n        id\n        eventType\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RetryDeadLetterDocument,
    "\n  mutation RebuildProjection($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n        kind\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RebuildProjectionDocument,
    "\n  subscription Tail($after: String, $types: [String!], $streamId: String) {\n    events(after: $after, types: $types, streamId: $streamId) {\n      position\n      streamId\n      type\n      data\n    }\n  }\n": typeof types.TailDocument,
};
const documents: Documents = {
    "\n  mutation AuthOpen($input: OpenAccountInput!) {\n    openAccount(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n": types.AuthOpenDocument,
    "\n  mutation AuthDeposit($input: DepositInput!) {\n    deposit(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n": types.AuthDepositDocument,
    "\n  mutation AuthDepositBalance($input: DepositInput!) {\n    deposit(input: $input) { __typename ... on Account { accountNumber balance } ... on Error { code message } }\n  }\n": types.AuthDepositBalanceDocument,
    "\n  mutation AuthWithdraw($input: WithdrawInput!) {\n    withdraw(input: $input) { __typename ... on Account { balance } ... on Error { code message } }\n  }\n": types.AuthWithdrawDocument,
    "\n  mutation AuthApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n": types.AuthApplyFeeDocument,
    "\n  mutation AuthClose($accountNumber: String!) {\n    closeAccount(accountNumber: $accountNumber) { __typename ... on Account { status } ... on Error { code message } }\n  }\n": types.AuthCloseDocument,
    "\n  mutation AuthTransfer($input: TransferInput!) {\n    transfer(input: $input) { __typename ... on Transfer { id status } ... on Error { code message } }\n  }\n": types.AuthTransferDocument,
    "\n  query AuthBalance($accountNumber: String!) {\n    account(accountNumber: $accountNumber) { accountNumber balance }\n  }\n": types.AuthBalanceDocument,
    "\n  subscription AuthBalanceUpdates($accountNumber: String!) {\n    balanceUpdated(accountNumber: $accountNumber) { balance delta }\n  }\n": types.AuthBalanceUpdatesDocument,
    "\n  query AuthEventLog {\n    events(first: 1) { edges { node { type } } }\n  }\n": types.AuthEventLogDocument,
    "\n  query AuthProjections {\n    projections { name }\n  }\n": types.AuthProjectionsDocument,
    "\n  query AuthActorOfEvents($correlationId: String!) {\n    events(correlationId: $correlationId, first: 20) {\n      edges { node { type streamId metadata { actor custom } } }\n    }\n  }\n": types.AuthActorOfEventsDocument,
    "\n  mutation AuthnOpen($input: OpenAccountInput!) {\n    openAccount(input: $input) { __typename ... on Error { code } }\n  }\n": types.AuthnOpenDocument,
    "\n  fragment AccountFields on Account { accountNumber holder balance status version }\n": types.AccountFieldsFragmentDoc,
    "\n  mutation OpenAccount($input: OpenAccountInput!) {\n    openAccount(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.OpenAccountDocument,
    "\n  mutation Deposit($input: DepositInput!) {\n    deposit(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.DepositDocument,
    "\n  mutation Withdraw($input: WithdrawInput!) {\n    withdraw(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.WithdrawDocument,
    "\n  mutation ApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.ApplyFeeDocument,
    "\n  mutation CloseAccount($accountNumber: String!) {\n    closeAccount(accountNumber: $accountNumber) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n    }\n  }\n": types.CloseAccountDocument,
    "\n  query Account($accountNumber: String!, $first: Int, $after: String) {\n    account(accountNumber: $accountNumber) {\n      ...AccountFields\n      transactions(first: $first, after: $after) {\n        edges { cursor node { kind amount delta balance transferId position } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.AccountDocument,
    "\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      __typename\n      ... on Transfer { id from to amount status failureReason }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n": types.TransferDocument,
    "\n  query TransferStatus($id: ID!) {\n    transfer(id: $id) { id from to amount status failureReason }\n  }\n": types.TransferStatusDocument,
    "\n  subscription BalanceUpdated($accountNumber: String!, $after: String) {\n    balanceUpdated(accountNumber: $accountNumber, after: $after) {\n      accountNumber balance delta reason position transferId\n    }\n  }\n": types.BalanceUpdatedDocument,
    "\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": types.CalculateDocument,
    "\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n": types.CalculatorDocument,
    "\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": types.AddInfinityDocument,
    "\n  subscription Follow($after: String) {\n    events(after: $after) {\n      position\n      type\n    }\n  }\n": types.FollowDocument,
    "\n  mutation Rebuild($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n      }\n    }\n  }\n": types.RebuildDocument,
    "\n  query StreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n": types.StreamVersionDocument,
    "\n  query EventsAfter($after: String) {\n    events(after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.EventsAfterDocument,
    "\n  query LogPage($after: String, $first: Int, $types: [String!], $correlationId: String) {\n    events(after: $after, first: $first, types: $types, correlationId: $correlationId) {\n      edges {\n        cursor\n        node {\n          position\n          eventId\n          streamId\n          version\n          type\n          data\n          metadata {\n            correlationId\n            causationId\n            actor\n            custom\n          }\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.LogPageDocument,
    "\n  query StreamPage($id: String!, $first: Int, $after: String) {\n    stream(id: $id) {\n      id\n      version\n      events(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            position\n            streamId\n            version\n            type\n            linkedFrom {\n              streamId\n              version\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.StreamPageDocument,
    "\n  query Projections {\n    projections {\n      name\n      kind\n      checkpoint\n      head\n      lag\n      status\n      error\n    }\n  }\n": types.ProjectionsDocument,
    "\n  query DeadLetters($handler: String) {\n    deadLetters(handler: $handler) {\n      id\n      handler\n      position\n      eventType\n      error\n      attempts\n      event {\n        streamId\n        data\n      }\n    }\n  }\n": types.DeadLettersDocument,
    "\n  mutation RetryDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter {\n        id\n        eventType\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.RetryDeadLetterDocument,
    "\n  mutation RebuildProjection($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n        kind\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.RebuildProjectionDocument,
    "\n  subscription Tail($after: String, $types: [String!], $streamId: String) {\n    events(after: $after, types: $types, streamId: $streamId) {\n      position\n      streamId\n      type\n      data\n    }\n  }\n": types.TailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthOpen($input: OpenAccountInput!) {\n    openAccount(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AuthOpen($input: OpenAccountInput!) {\n    openAccount(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthDeposit($input: DepositInput!) {\n    deposit(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AuthDeposit($input: DepositInput!) {\n    deposit(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthDepositBalance($input: DepositInput!) {\n    deposit(input: $input) { __typename ... on Account { accountNumber balance } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AuthDepositBalance($input: DepositInput!) {\n    deposit(input: $input) { __typename ... on Account { accountNumber balance } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthWithdraw($input: WithdrawInput!) {\n    withdraw(input: $input) { __typename ... on Account { balance } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AuthWithdraw($input: WithdrawInput!) {\n    withdraw(input: $input) { __typename ... on Account { balance } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AuthApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) { __typename ... on Account { accountNumber } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthClose($accountNumber: String!) {\n    closeAccount(accountNumber: $accountNumber) { __typename ... on Account { status } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AuthClose($accountNumber: String!) {\n    closeAccount(accountNumber: $accountNumber) { __typename ... on Account { status } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthTransfer($input: TransferInput!) {\n    transfer(input: $input) { __typename ... on Transfer { id status } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AuthTransfer($input: TransferInput!) {\n    transfer(input: $input) { __typename ... on Transfer { id status } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthBalance($accountNumber: String!) {\n    account(accountNumber: $accountNumber) { accountNumber balance }\n  }\n"): (typeof documents)["\n  query AuthBalance($accountNumber: String!) {\n    account(accountNumber: $accountNumber) { accountNumber balance }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuthBalanceUpdates($accountNumber: String!) {\n    balanceUpdated(accountNumber: $accountNumber) { balance delta }\n  }\n"): (typeof documents)["\n  subscription AuthBalanceUpdates($accountNumber: String!) {\n    balanceUpdated(accountNumber: $accountNumber) { balance delta }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthEventLog {\n    events(first: 1) { edges { node { type } } }\n  }\n"): (typeof documents)["\n  query AuthEventLog {\n    events(first: 1) { edges { node { type } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthProjections {\n    projections { name }\n  }\n"): (typeof documents)["\n  query AuthProjections {\n    projections { name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthActorOfEvents($correlationId: String!) {\n    events(correlationId: $correlationId, first: 20) {\n      edges { node { type streamId metadata { actor custom } } }\n    }\n  }\n"): (typeof documents)["\n  query AuthActorOfEvents($correlationId: String!) {\n    events(correlationId: $correlationId, first: 20) {\n      edges { node { type streamId metadata { actor custom } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthnOpen($input: OpenAccountInput!) {\n    openAccount(input: $input) { __typename ... on Error { code } }\n  }\n"): (typeof documents)["\n  mutation AuthnOpen($input: OpenAccountInput!) {\n    openAccount(input: $input) { __typename ... on Error { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountFields on Account { accountNumber holder balance status version }\n"): (typeof documents)["\n  fragment AccountFields on Account { accountNumber holder balance status version }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenAccount($input: OpenAccountInput!) {\n    openAccount(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenAccount($input: OpenAccountInput!) {\n    openAccount(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Deposit($input: DepositInput!) {\n    deposit(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation Deposit($input: DepositInput!) {\n    deposit(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Withdraw($input: WithdrawInput!) {\n    withdraw(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation Withdraw($input: WithdrawInput!) {\n    withdraw(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAccount($accountNumber: String!) {\n    closeAccount(accountNumber: $accountNumber) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseAccount($accountNumber: String!) {\n    closeAccount(accountNumber: $accountNumber) {\n      __typename\n      ...AccountFields\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Account($accountNumber: String!, $first: Int, $after: String) {\n    account(accountNumber: $accountNumber) {\n      ...AccountFields\n      transactions(first: $first, after: $after) {\n        edges { cursor node { kind amount delta balance transferId position } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Account($accountNumber: String!, $first: Int, $after: String) {\n    account(accountNumber: $accountNumber) {\n      ...AccountFields\n      transactions(first: $first, after: $after) {\n        edges { cursor node { kind amount delta balance transferId position } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      __typename\n      ... on Transfer { id from to amount status failureReason }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation Transfer($input: TransferInput!) {\n    transfer(input: $input) {\n      __typename\n      ... on Transfer { id from to amount status failureReason }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TransferStatus($id: ID!) {\n    transfer(id: $id) { id from to amount status failureReason }\n  }\n"): (typeof documents)["\n  query TransferStatus($id: ID!) {\n    transfer(id: $id) { id from to amount status failureReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BalanceUpdated($accountNumber: String!, $after: String) {\n    balanceUpdated(accountNumber: $accountNumber, after: $after) {\n      accountNumber balance delta reason position transferId\n    }\n  }\n"): (typeof documents)["\n  subscription BalanceUpdated($accountNumber: String!, $after: String) {\n    balanceUpdated(accountNumber: $accountNumber, after: $after) {\n      accountNumber balance delta reason position transferId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n"): (typeof documents)["\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Follow($after: String) {\n    events(after: $after) {\n      position\n      type\n    }\n  }\n"): (typeof documents)["\n  subscription Follow($after: String) {\n    events(after: $after) {\n      position\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Rebuild($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Rebuild($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n"): (typeof documents)["\n  query StreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsAfter($after: String) {\n    events(after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventsAfter($after: String) {\n    events(after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogPage($after: String, $first: Int, $types: [String!], $correlationId: String) {\n    events(after: $after, first: $first, types: $types, correlationId: $correlationId) {\n      edges {\n        cursor\n        node {\n          position\n          eventId\n          streamId\n          version\n          type\n          data\n          metadata {\n            correlationId\n            causationId\n            actor\n            custom\n          }\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query LogPage($after: String, $first: Int, $types: [String!], $correlationId: String) {\n    events(after: $after, first: $first, types: $types, correlationId: $correlationId) {\n      edges {\n        cursor\n        node {\n          position\n          eventId\n          streamId\n          version\n          type\n          data\n          metadata {\n            correlationId\n            causationId\n            actor\n            custom\n          }\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamPage($id: String!, $first: Int, $after: String) {\n    stream(id: $id) {\n      id\n      version\n      events(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            position\n            streamId\n            version\n            type\n            linkedFrom {\n              streamId\n              version\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StreamPage($id: String!, $first: Int, $after: String) {\n    stream(id: $id) {\n      id\n      version\n      events(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            position\n            streamId\n            version\n            type\n            linkedFrom {\n              streamId\n              version\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projections {\n    projections {\n      name\n      kind\n      checkpoint\n      head\n      lag\n      status\n      error\n    }\n  }\n"): (typeof documents)["\n  query Projections {\n    projections {\n      name\n      kind\n      checkpoint\n      head\n      lag\n      status\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadLetters($handler: String) {\n    deadLetters(handler: $handler) {\n      id\n      handler\n      position\n      eventType\n      error\n      attempts\n      event {\n        streamId\n        data\n      }\n    }\n  }\n"): (typeof documents)["\n  query DeadLetters($handler: String) {\n    deadLetters(handler: $handler) {\n      id\n      handler\n      position\n      eventType\n      error\n      attempts\n      event {\n        streamId\n        data\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter {\n        id\n        eventType\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter {\n        id\n        eventType\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RebuildProjection($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n        kind\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RebuildProjection($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n        kind\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Tail($after: String, $types: [String!], $streamId: String) {\n    events(after: $after, types: $types, streamId: $streamId) {\n      position\n      streamId\n      type\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription Tail($after: String, $types: [String!], $streamId: String) {\n    events(after: $after, types: $types, streamId: $streamId) {\n      position\n      streamId\n      type\n      data\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;