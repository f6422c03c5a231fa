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
    "\n  mutation RecordKill($input: RecordKillInput!) {\n    recordKill(input: $input) {\n      __typename\n      ... on ArenaScore { attacker kills rank }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n": typeof types.RecordKillDocument,
    "\n  mutation CompleteWeek($arenaId: String!) {\n    completeWeek(arenaId: $arenaId) {\n      __typename\n      ... on Arena { id week currentWeek completed top10 { attacker kills rank } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.CompleteWeekDocument,
    "\n  query Arena($id: String!, $week: Int, $attacker: String!) {\n    arena(id: $id, week: $week) {\n      id week currentWeek completed\n      top10 { attacker kills rank }\n      score(attacker: $attacker) { attacker kills rank }\n    }\n  }\n": typeof types.ArenaDocument,
    "\n  subscription ArenaTop10Changed($arenaId: String!) {\n    arenaTop10Changed(arenaId: $arenaId) { arenaId week top10 { attacker kills rank } }\n  }\n": typeof types.ArenaTop10ChangedDocument,
    "mutation AccountAsOfOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }": typeof types.AccountAsOfOpenDocument,
    "mutation AccountAsOfDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }": typeof types.AccountAsOfDepositDocument,
    "mutation AccountAsOfWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }": typeof types.AccountAsOfWithdrawDocument,
    "\n  query AccountAsOf($accountNumber: String!, $asOf: AsOf) {\n    account(accountNumber: $accountNumber, asOf: $asOf) {\n      accountNumber\n      holder\n      balance\n      status\n      version\n      transactions(first: 10) {\n        edges {\n          node {\n            kind\n            amount\n            balance\n          }\n        }\n      }\n    }\n  }\n": typeof types.AccountAsOfDocument,
    "mutation AccountOwnershipOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }": typeof types.AccountOwnershipOpenDocument,
    "mutation AccountOwnershipDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }": typeof types.AccountOwnershipDepositDocument,
    "mutation AccountOwnershipWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }": typeof types.AccountOwnershipWithdrawDocument,
    "mutation AccountOwnershipTransfer($input: TransferInput!) { transfer(input: $input) { __typename ... on Transfer { id } } }": typeof types.AccountOwnershipTransferDocument,
    "query AccountOwnershipReadTransfer($id: ID!) { transfer(id: $id) { amount status } }": typeof types.AccountOwnershipReadTransferDocument,
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
    "\n  query UpcastLogPage($after: String, $types: [String!]) {\n    events(after: $after, types: $types, first: 10) {\n      edges { node { position streamId version type data } }\n    }\n  }\n": typeof types.UpcastLogPageDocument,
    "mutation MutationResultsOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }": typeof types.MutationResultsOpenDocument,
    "\n  mutation MutationResultsDeposit($input: DepositInput!) {\n    deposit(input: $input) {\n      __typename\n      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }\n      ... on Error { code }\n    }\n  }\n": typeof types.MutationResultsDepositDocument,
    "\n  mutation MutationResultsApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) {\n      __typename\n      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }\n      ... on Error { code }\n    }\n  }\n": typeof types.MutationResultsApplyFeeDocument,
    "\n  query MutationResultsAccount($accountNumber: String!) {\n    account(accountNumber: $accountNumber) { balance transactions { edges { node { kind delta } } } }\n  }\n": typeof types.MutationResultsAccountDocument,
    "\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": typeof types.CalculateDocument,
    "\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n": typeof types.CalculatorDocument,
    "\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": typeof types.AddInfinityDocument,
    "\n  mutation CalculatorAsOfCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n    }\n  }\n": typeof types.CalculatorAsOfCalculateDocument,
    "\n  query CalculatorAsOf($id: ID!, $asOf: AsOf) {\n    calculator(id: $id, asOf: $asOf) {\n      id\n      value\n      version\n      updatedAt\n    }\n  }\n": typeof types.CalculatorAsOfDocument,
    "\n  subscription ActivityRecorded($challengeId: ID!, $after: String) {\n    activityRecorded(challengeId: $challengeId, after: $after) {\n      id\n      athleteId\n      athleteName\n      activityType\n      startDateLocal\n      distanceMetres\n      movingTimeSeconds\n      elevationMetres\n      position\n    }\n  }\n": typeof types.ActivityRecordedDocument,
    "mutation AthleteOwnershipCreate($input: CreateChallengeInput!) { createChallenge(input: $input) { __typename } }": typeof types.AthleteOwnershipCreateDocument,
    "mutation AthleteOwnershipHost($challengeId: ID!) { hostChallenge(challengeId: $challengeId) { __typename } }": typeof types.AthleteOwnershipHostDocument,
    "mutation AthleteOwnershipStart($challengeId: ID!) { startChallenge(challengeId: $challengeId) { __typename } }": typeof types.AthleteOwnershipStartDocument,
    "\n  mutation AthleteOwnershipJoin($input: JoinChallengeInput!) {\n    joinChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n": typeof types.AthleteOwnershipJoinDocument,
    "\n  mutation AthleteOwnershipLeave($input: LeaveChallengeInput!) {\n    leaveChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n": typeof types.AthleteOwnershipLeaveDocument,
    "\n  mutation AthleteOwnershipImport($input: ImportActivityInput!) {\n    importActivity(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n": typeof types.AthleteOwnershipImportDocument,
    "\n  fragment ChallengeFields on Challenge { id slug name status competitorCount goalMetres activityType version }\n": typeof types.ChallengeFieldsFragmentDoc,
    "\n  mutation CreateChallenge($input: CreateChallengeInput!) {\n    createChallenge(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.CreateChallengeDocument,
    "\n  mutation HostChallenge($challengeId: ID!) {\n    hostChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": typeof types.HostChallengeDocument,
    "\n  mutation StartChallenge($challengeId: ID!) {\n    startChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": typeof types.StartChallengeDocument,
    "\n  mutation EndChallenge($challengeId: ID!) {\n    endChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": typeof types.EndChallengeDocument,
    "\n  mutation JoinChallenge($input: JoinChallengeInput!) {\n    joinChallenge(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.JoinChallengeDocument,
    "\n  mutation LeaveChallenge($input: LeaveChallengeInput!) {\n    leaveChallenge(input: $input) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": typeof types.LeaveChallengeDocument,
    "\n  mutation ImportActivity($input: ImportActivityInput!) {\n    importActivity(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Challenge { leaderboard(first: 10) { edges { node { rank athleteId distanceMetres progress } } } }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.ImportActivityDocument,
    "\n  mutation RemoveActivity($input: RemoveActivityInput!) {\n    removeActivity(input: $input) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": typeof types.RemoveActivityDocument,
    "\n  query Challenge($id: ID, $slug: String, $category: ChallengeCategory! = OVERALL, $first: Int, $after: String) {\n    challenge(id: $id, slug: $slug) {\n      ...ChallengeFields\n      competitors { athleteId athleteName category }\n      leaderboard(category: $category, first: $first, after: $after) {\n        edges { cursor node { rank athleteId athleteName distanceMetres movingTimeSeconds elevationMetres activityCount progress } }\n        pageInfo { hasNextPage endCursor }\n      }\n      activityFeed(first: 10) { edges { node { id athleteId athleteName distanceMetres } } }\n      activities { id athleteId }\n    }\n  }\n": typeof types.ChallengeDocument,
    "\n  query Challenges($status: ChallengeStatus) {\n    challenges(status: $status) { id status }\n  }\n": typeof types.ChallengesDocument,
    "\n  query Athlete($id: ID!) {\n    athlete(id: $id) { id name category }\n  }\n": typeof types.AthleteDocument,
    "\n  subscription LeaderboardChanged($challengeId: ID!, $category: ChallengeCategory! = OVERALL, $after: String) {\n    leaderboardChanged(challengeId: $challengeId, category: $category, after: $after) {\n      position\n      rankings { rank athleteId distanceMetres activityCount }\n      newPositions { athleteId rank }\n      positionsGained { athleteId rank previousRank places }\n      positionsLost { athleteId rank previousRank places }\n    }\n  }\n": typeof types.LeaderboardChangedDocument,
    "\n  subscription RankChanged($challengeId: ID!, $athleteId: ID!) {\n    rankChanged(challengeId: $challengeId, athleteId: $athleteId) { athleteId rank previousRank position }\n  }\n": typeof types.RankChangedDocument,
    "\n  query Notifications($athleteId: ID!, $first: Int, $after: String, $unreadOnly: Boolean! = false) {\n    notifications(athleteId: $athleteId, first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges { cursor node { id challengeId category message rank placesLost readAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation AcknowledgeNotification($id: ID!) {\n    acknowledgeNotification(id: $id) {\n      __typename\n      ... on Notification { id readAt }\n      ... on Error { code message }\n    }\n  }\n": typeof types.AcknowledgeNotificationDocument,
    "\n  subscription NotificationReceived($athleteId: ID!) {\n    notificationReceived(athleteId: $athleteId) { id message rank placesLost }\n  }\n": typeof types.NotificationReceivedDocument,
    "mutation CoinOwnershipMine($input: MineCoinInput!) { mineCoin(input: $input) { __typename ... on Error { code } } }": typeof types.CoinOwnershipMineDocument,
    "\n  mutation CoinOwnershipSend($input: SendCoinsInput!) {\n    sendCoins(input: $input) { __typename ... on CoinTransfer { id } ... on Error { code message } }\n  }\n": typeof types.CoinOwnershipSendDocument,
    "\n  query CoinOwnershipHistory($accountId: String!) {\n    coinAccount(accountId: $accountId) { balance events(first: 10) { edges { node { type } } } }\n  }\n": typeof types.CoinOwnershipHistoryDocument,
    "\n  query CoinOwnershipHistoryWithActors($accountId: String!) {\n    coinAccount(accountId: $accountId) { events(first: 10) { edges { node { metadata { actor } } } } }\n  }\n": typeof types.CoinOwnershipHistoryWithActorsDocument,
    "query CoinOwnershipReadTransfer($id: ID!) { coinTransfer(id: $id) { id amount } }": typeof types.CoinOwnershipReadTransferDocument,
    "\n  fragment CoinAccountFields on CoinAccount { accountId balance mined sent received lastNonce version }\n": typeof types.CoinAccountFieldsFragmentDoc,
    "\n  mutation MineCoin($input: MineCoinInput!) {\n    mineCoin(input: $input) {\n      __typename\n      ...CoinAccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.MineCoinDocument,
    "\n  mutation SendCoins($input: SendCoinsInput!) {\n    sendCoins(input: $input) {\n      __typename\n      ... on CoinTransfer { id from to amount status }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.SendCoinsDocument,
    "\n  query CoinAccount($accountId: String!, $first: Int, $after: String) {\n    coinAccount(accountId: $accountId) {\n      ...CoinAccountFields\n      events(first: $first, after: $after) {\n        edges { cursor node { streamId version type data } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.CoinAccountDocument,
    "\n  query CoinTransfer($id: ID!) {\n    coinTransfer(id: $id) { id from to amount status completedAt }\n  }\n": typeof types.CoinTransferDocument,
    "\n  query Richest($first: Int) {\n    richest(first: $first) { accountId balance }\n  }\n": typeof types.RichestDocument,
    "\n  subscription RichestChanged($first: Int) {\n    richestChanged(first: $first) { accountId balance }\n  }\n": typeof types.RichestChangedDocument,
    "\n  subscription CoinBalanceChanged($accountId: String!, $after: String) {\n    coinBalanceChanged(accountId: $accountId, after: $after) { accountId balance delta reason transferId version position }\n  }\n": typeof types.CoinBalanceChangedDocument,
    "\n  fragment OrderFields on Order {\n    id orderNumber businessPartner status version\n    items { productId quantity uom }\n    shipment { id orderId status }\n  }\n": typeof types.OrderFieldsFragmentDoc,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.CreateOrderDocument,
    "\n  mutation AddOrderItems($id: ID!, $items: [OrderItemInput!]!) {\n    addOrderItems(id: $id, items: $items) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.AddOrderItemsDocument,
    "\n  mutation RemoveOrderItem($id: ID!, $productId: ID!) {\n    removeOrderItem(id: $id, productId: $productId) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.RemoveOrderItemDocument,
    "\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on OrderHasBlockedProductsError { productIds }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.CompleteOrderDocument,
    "\n  mutation DeleteOrder($id: ID!) {\n    deleteOrder(id: $id) {\n      __typename\n      ... on DeletedOrder { id }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.DeleteOrderDocument,
    "\n  mutation DispatchShipment($id: ID!) {\n    dispatchShipment(id: $id) {\n      __typename\n      ... on Shipment { id orderId status dispatchedAt }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.DispatchShipmentDocument,
    "\n  mutation DeliverShipment($id: ID!) {\n    deliverShipment(id: $id) {\n      __typename\n      ... on Shipment { id orderId status deliveredAt }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": typeof types.DeliverShipmentDocument,
    "\n  mutation BlockProduct($productId: ID!) {\n    blockProduct(productId: $productId) {\n      __typename\n      ... on ProductBlock { productId blocked }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n": typeof types.BlockProductDocument,
    "\n  mutation UnblockProduct($productId: ID!) {\n    unblockProduct(productId: $productId) {\n      __typename\n      ... on ProductBlock { productId blocked }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n": typeof types.UnblockProductDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n": typeof types.OrderDocument,
    "\n  query OrderByNumber($orderNumber: String!) {\n    orderByNumber(orderNumber: $orderNumber) { ...OrderFields }\n  }\n": typeof types.OrderByNumberDocument,
    "\n  query Orders($status: OrderStatus, $businessPartner: String, $first: Int, $after: String) {\n    orders(status: $status, businessPartner: $businessPartner, first: $first, after: $after) {\n      edges { cursor node { ...OrderFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.OrdersDocument,
    "\n  query BlockedProducts {\n    blockedProducts\n  }\n": typeof types.BlockedProductsDocument,
    "\n  query EventsByCorrelation($correlationId: String!) {\n    events(correlationId: $correlationId, first: 100) {\n      edges { node { position eventId streamId version type metadata { correlationId causationId } } }\n    }\n  }\n": typeof types.EventsByCorrelationDocument,
    "\n  query OrdersStream($after: String) {\n    stream(id: \"orders\") {\n      version\n      events(first: 50, after: $after) {\n        edges { cursor node { position streamId version type data linkedFrom { streamId version } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.OrdersStreamDocument,
    "\n  subscription OrderStatusChanged($id: ID!, $after: String) {\n    orderStatusChanged(id: $id, after: $after) { orderId status shipmentId eventType position }\n  }\n": typeof types.OrderStatusChangedDocument,
    "\n  query OrderDeadLetters($handler: String) {\n    deadLetters(handler: $handler) { id handler position eventId eventType error attempts }\n  }\n": typeof types.OrderDeadLettersDocument,
    "\n  mutation RetryOrderDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter { id eventType }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RetryOrderDeadLetterDocument,
    "\n  mutation OrderOwnershipCreate($input: CreateOrderInput!) {\n    createOrder(input: $input) { __typename ... on Order { id } ... on Error { code } }\n  }\n": typeof types.OrderOwnershipCreateDocument,
    "mutation OrderOwnershipDelete($id: ID!) { deleteOrder(id: $id) { __typename ... on Error { code message } } }": typeof types.OrderOwnershipDeleteDocument,
    "query OrderOwnershipList { orders(first: 100) { edges { node { id businessPartner } } } }": typeof types.OrderOwnershipListDocument,
    "query OrderOwnershipOrder($id: ID!) { order(id: $id) { id businessPartner } }": typeof types.OrderOwnershipOrderDocument,
    "\n  mutation ErasePersonalData($subject: ID!) {\n    erasePersonalData(subject: $subject) { subject position streams }\n  }\n": typeof types.ErasePersonalDataDocument,
    "\n  query PersonalDataStreamEvents($id: String!) {\n    stream(id: $id) { events(first: 50) { edges { node { type data } } } }\n  }\n": typeof types.PersonalDataStreamEventsDocument,
    "\n  subscription PersonalDataLogTail($after: String, $streamId: String) {\n    events(after: $after, streamId: $streamId) { type data }\n  }\n": typeof types.PersonalDataLogTailDocument,
    "\n  query RuntimeStatesOfInstance {\n    projections { name kind status checkpoint head lag }\n  }\n": typeof types.RuntimeStatesOfInstanceDocument,
    "\n  mutation RebuildAfterFault($name: String!) {\n    rebuildProjection(name: $name) { __typename ... on Projection { name status } }\n  }\n": typeof types.RebuildAfterFaultDocument,
    "\n  subscription Follow($after: String) {\n    events(after: $after) {\n      position\n      type\n    }\n  }\n": typeof types.FollowDocument,
    "\n  mutation Rebuild($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n      }\n    }\n  }\n": typeof types.RebuildDocument,
    "\n  query EventsPageInfo($after: String, $types: [String!]) {\n    events(after: $after, types: $types) {\n      edges { cursor }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.EventsPageInfoDocument,
    "\n  query OrdersPageInfo($after: String) {\n    orders(first: 10, after: $after) {\n      edges { cursor }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.OrdersPageInfoDocument,
    "\n  query StreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n": typeof types.StreamVersionDocument,
    "\n  query EventsAfter($after: String) {\n    events(after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n": typeof types.EventsAfterDocument,
    "\n  query LogPage($after: String, $first: Int, $types: [String!], $correlationId: String) {\n    events(after: $after, first: $first, types: $types, correlationId: $correlationId) {\n      edges {\n        cursor\n        node {\n          position\n          eventId\n          streamId\n          version\n          type\n          data\n          metadata {\n            correlationId\n            causationId\n            actor\n            custom\n          }\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": typeof types.LogPageDocument,
    "\n  query StreamPage($id: String!, $first: Int, $after: String) {\n    stream(id: $id) {\n      id\n      version\n      events(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            position\n            streamId\n            version\n            type\n            linkedFrom {\n              streamId\n              version\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.StreamPageDocument,
    "\n  mutation Twice($input: DepositInput!) {\n    first: deposit(input: $input) { __typename ... on Account { balance } }\n    second: deposit(input: $input) { __typename ... on Account { balance } }\n  }\n": typeof types.TwiceDocument,
    "\n  mutation DepositWithoutBalance($input: DepositInput!) { deposit(input: $input) { __typename ... on Account { accountNumber } } }\n": typeof types.DepositWithoutBalanceDocument,
    "\n  query Me {\n    me {\n      subject\n      roles\n      bankAccounts { accountNumber balance holder }\n      coinAccounts { accountId balance }\n      orders(first: 10) { edges { node { id businessPartner } } pageInfo { hasNextPage } }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation MeOpenAccount($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }\n": typeof types.MeOpenAccountDocument,
    "\n  mutation MeMineCoin($input: MineCoinInput!) { mineCoin(input: $input) { __typename } }\n": typeof types.MeMineCoinDocument,
    "\n  mutation MeCreateOrder($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }\n": typeof types.MeCreateOrderDocument,
    "\n  query ProjectionVersions {\n    projections {\n      name\n      kind\n      versions { id generation codeVersion status position head }\n      building { id }\n    }\n  }\n": typeof types.ProjectionVersionsDocument,
    "\n  mutation RebuildToVersion($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection { name building { id generation status } }\n      ... on Error { code }\n    }\n  }\n": typeof types.RebuildToVersionDocument,
    "\n  query Projections {\n    projections {\n      name\n      kind\n      checkpoint\n      head\n      lag\n      status\n      error\n    }\n  }\n": typeof types.ProjectionsDocument,
    "\n  query DeadLetters($handler: String) {\n    deadLetters(handler: $handler) {\n      id\n      handler\n      position\n      eventType\n      error\n      attempts\n      event {\n        streamId\n        data\n      }\n    }\n  }\n": typeof types.DeadLettersDocument,
    "\n  mutation RetryDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter {\n        id\n        eventType\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RetryDeadLetterDocument,
    "\n  mutation RebuildProjection($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n        kind\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.RebuildProjectionDocument,
    "\n  mutation StreamStateAtCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n    }\n  }\n": typeof types.StreamStateAtCalculateDocument,
    "\n  query StreamStateAt($id: String!, $version: Int, $at: DateTime) {\n    stream(id: $id) {\n      id\n      version\n      stateAt(version: $version, at: $at)\n    }\n  }\n": typeof types.StreamStateAtDocument,
    "\n  subscription TailAfter($after: String) {\n    events(after: $after) { position }\n  }\n": typeof types.TailAfterDocument,
    "\n  subscription WatchBalance($accountNumber: String!, $after: String) {\n    balanceUpdated(accountNumber: $accountNumber, after: $after) { balance position }\n  }\n": typeof types.WatchBalanceDocument,
    "\n  subscription Tail($after: String, $types: [String!], $streamId: String) {\n    events(after: $after, types: $types, streamId: $streamId) {\n      position\n      streamId\n      type\n      data\n    }\n  }\n": typeof types.TailDocument,
    "\n  query LoggedStreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n": typeof types.LoggedStreamVersionDocument,
    "\n  mutation MeteredCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Error {\n        code\n      }\n    }\n  }\n": typeof types.MeteredCalculateDocument,
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
    "\n  mutation RecordKill($input: RecordKillInput!) {\n    recordKill(input: $input) {\n      __typename\n      ... on ArenaScore { attacker kills rank }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n": types.RecordKillDocument,
    "\n  mutation CompleteWeek($arenaId: String!) {\n    completeWeek(arenaId: $arenaId) {\n      __typename\n      ... on Arena { id week currentWeek completed top10 { attacker kills rank } }\n      ... on Error { code message }\n    }\n  }\n": types.CompleteWeekDocument,
    "\n  query Arena($id: String!, $week: Int, $attacker: String!) {\n    arena(id: $id, week: $week) {\n      id week currentWeek completed\n      top10 { attacker kills rank }\n      score(attacker: $attacker) { attacker kills rank }\n    }\n  }\n": types.ArenaDocument,
    "\n  subscription ArenaTop10Changed($arenaId: String!) {\n    arenaTop10Changed(arenaId: $arenaId) { arenaId week top10 { attacker kills rank } }\n  }\n": types.ArenaTop10ChangedDocument,
    "mutation AccountAsOfOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }": types.AccountAsOfOpenDocument,
    "mutation AccountAsOfDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }": types.AccountAsOfDepositDocument,
    "mutation AccountAsOfWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }": types.AccountAsOfWithdrawDocument,
    "\n  query AccountAsOf($accountNumber: String!, $asOf: AsOf) {\n    account(accountNumber: $accountNumber, asOf: $asOf) {\n      accountNumber\n      holder\n      balance\n      status\n      version\n      transactions(first: 10) {\n        edges {\n          node {\n            kind\n            amount\n            balance\n          }\n        }\n      }\n    }\n  }\n": types.AccountAsOfDocument,
    "mutation AccountOwnershipOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }": types.AccountOwnershipOpenDocument,
    "mutation AccountOwnershipDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }": types.AccountOwnershipDepositDocument,
    "mutation AccountOwnershipWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }": types.AccountOwnershipWithdrawDocument,
    "mutation AccountOwnershipTransfer($input: TransferInput!) { transfer(input: $input) { __typename ... on Transfer { id } } }": types.AccountOwnershipTransferDocument,
    "query AccountOwnershipReadTransfer($id: ID!) { transfer(id: $id) { amount status } }": types.AccountOwnershipReadTransferDocument,
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
    "\n  query UpcastLogPage($after: String, $types: [String!]) {\n    events(after: $after, types: $types, first: 10) {\n      edges { node { position streamId version type data } }\n    }\n  }\n": types.UpcastLogPageDocument,
    "mutation MutationResultsOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }": types.MutationResultsOpenDocument,
    "\n  mutation MutationResultsDeposit($input: DepositInput!) {\n    deposit(input: $input) {\n      __typename\n      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }\n      ... on Error { code }\n    }\n  }\n": types.MutationResultsDepositDocument,
    "\n  mutation MutationResultsApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) {\n      __typename\n      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }\n      ... on Error { code }\n    }\n  }\n": types.MutationResultsApplyFeeDocument,
    "\n  query MutationResultsAccount($accountNumber: String!) {\n    account(accountNumber: $accountNumber) { balance transactions { edges { node { kind delta } } } }\n  }\n": types.MutationResultsAccountDocument,
    "\n  mutation Calculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Calculator {\n        id\n        value\n        version\n        updatedAt\n      }\n      ... on Error {\n        code\n        message\n      }\n      ... on ValidationError {\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": types.CalculateDocument,
    "\n  query Calculator($id: ID!) {\n    calculator(id: $id) {\n      id\n      value\n      version\n    }\n  }\n": types.CalculatorDocument,
    "\n  mutation AddInfinity($calculatorId: ID!) {\n    calculate(input: { calculatorId: $calculatorId, operation: ADD, operand: 1e999 }) {\n      __typename\n      ... on ValidationError {\n        code\n        fields {\n          path\n          message\n        }\n      }\n    }\n  }\n": types.AddInfinityDocument,
    "\n  mutation CalculatorAsOfCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n    }\n  }\n": types.CalculatorAsOfCalculateDocument,
    "\n  query CalculatorAsOf($id: ID!, $asOf: AsOf) {\n    calculator(id: $id, asOf: $asOf) {\n      id\n      value\n      version\n      updatedAt\n    }\n  }\n": types.CalculatorAsOfDocument,
    "\n  subscription ActivityRecorded($challengeId: ID!, $after: String) {\n    activityRecorded(challengeId: $challengeId, after: $after) {\n      id\n      athleteId\n      athleteName\n      activityType\n      startDateLocal\n      distanceMetres\n      movingTimeSeconds\n      elevationMetres\n      position\n    }\n  }\n": types.ActivityRecordedDocument,
    "mutation AthleteOwnershipCreate($input: CreateChallengeInput!) { createChallenge(input: $input) { __typename } }": types.AthleteOwnershipCreateDocument,
    "mutation AthleteOwnershipHost($challengeId: ID!) { hostChallenge(challengeId: $challengeId) { __typename } }": types.AthleteOwnershipHostDocument,
    "mutation AthleteOwnershipStart($challengeId: ID!) { startChallenge(challengeId: $challengeId) { __typename } }": types.AthleteOwnershipStartDocument,
    "\n  mutation AthleteOwnershipJoin($input: JoinChallengeInput!) {\n    joinChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n": types.AthleteOwnershipJoinDocument,
    "\n  mutation AthleteOwnershipLeave($input: LeaveChallengeInput!) {\n    leaveChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n": types.AthleteOwnershipLeaveDocument,
    "\n  mutation AthleteOwnershipImport($input: ImportActivityInput!) {\n    importActivity(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n": types.AthleteOwnershipImportDocument,
    "\n  fragment ChallengeFields on Challenge { id slug name status competitorCount goalMetres activityType version }\n": types.ChallengeFieldsFragmentDoc,
    "\n  mutation CreateChallenge($input: CreateChallengeInput!) {\n    createChallenge(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.CreateChallengeDocument,
    "\n  mutation HostChallenge($challengeId: ID!) {\n    hostChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": types.HostChallengeDocument,
    "\n  mutation StartChallenge($challengeId: ID!) {\n    startChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": types.StartChallengeDocument,
    "\n  mutation EndChallenge($challengeId: ID!) {\n    endChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": types.EndChallengeDocument,
    "\n  mutation JoinChallenge($input: JoinChallengeInput!) {\n    joinChallenge(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.JoinChallengeDocument,
    "\n  mutation LeaveChallenge($input: LeaveChallengeInput!) {\n    leaveChallenge(input: $input) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": types.LeaveChallengeDocument,
    "\n  mutation ImportActivity($input: ImportActivityInput!) {\n    importActivity(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Challenge { leaderboard(first: 10) { edges { node { rank athleteId distanceMetres progress } } } }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.ImportActivityDocument,
    "\n  mutation RemoveActivity($input: RemoveActivityInput!) {\n    removeActivity(input: $input) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n": types.RemoveActivityDocument,
    "\n  query Challenge($id: ID, $slug: String, $category: ChallengeCategory! = OVERALL, $first: Int, $after: String) {\n    challenge(id: $id, slug: $slug) {\n      ...ChallengeFields\n      competitors { athleteId athleteName category }\n      leaderboard(category: $category, first: $first, after: $after) {\n        edges { cursor node { rank athleteId athleteName distanceMetres movingTimeSeconds elevationMetres activityCount progress } }\n        pageInfo { hasNextPage endCursor }\n      }\n      activityFeed(first: 10) { edges { node { id athleteId athleteName distanceMetres } } }\n      activities { id athleteId }\n    }\n  }\n": types.ChallengeDocument,
    "\n  query Challenges($status: ChallengeStatus) {\n    challenges(status: $status) { id status }\n  }\n": types.ChallengesDocument,
    "\n  query Athlete($id: ID!) {\n    athlete(id: $id) { id name category }\n  }\n": types.AthleteDocument,
    "\n  subscription LeaderboardChanged($challengeId: ID!, $category: ChallengeCategory! = OVERALL, $after: String) {\n    leaderboardChanged(challengeId: $challengeId, category: $category, after: $after) {\n      position\n      rankings { rank athleteId distanceMetres activityCount }\n      newPositions { athleteId rank }\n      positionsGained { athleteId rank previousRank places }\n      positionsLost { athleteId rank previousRank places }\n    }\n  }\n": types.LeaderboardChangedDocument,
    "\n  subscription RankChanged($challengeId: ID!, $athleteId: ID!) {\n    rankChanged(challengeId: $challengeId, athleteId: $athleteId) { athleteId rank previousRank position }\n  }\n": types.RankChangedDocument,
    "\n  query Notifications($athleteId: ID!, $first: Int, $after: String, $unreadOnly: Boolean! = false) {\n    notifications(athleteId: $athleteId, first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges { cursor node { id challengeId category message rank placesLost readAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation AcknowledgeNotification($id: ID!) {\n    acknowledgeNotification(id: $id) {\n      __typename\n      ... on Notification { id readAt }\n      ... on Error { code message }\n    }\n  }\n": types.AcknowledgeNotificationDocument,
    "\n  subscription NotificationReceived($athleteId: ID!) {\n    notificationReceived(athleteId: $athleteId) { id message rank placesLost }\n  }\n": types.NotificationReceivedDocument,
    "mutation CoinOwnershipMine($input: MineCoinInput!) { mineCoin(input: $input) { __typename ... on Error { code } } }": types.CoinOwnershipMineDocument,
    "\n  mutation CoinOwnershipSend($input: SendCoinsInput!) {\n    sendCoins(input: $input) { __typename ... on CoinTransfer { id } ... on Error { code message } }\n  }\n": types.CoinOwnershipSendDocument,
    "\n  query CoinOwnershipHistory($accountId: String!) {\n    coinAccount(accountId: $accountId) { balance events(first: 10) { edges { node { type } } } }\n  }\n": types.CoinOwnershipHistoryDocument,
    "\n  query CoinOwnershipHistoryWithActors($accountId: String!) {\n    coinAccount(accountId: $accountId) { events(first: 10) { edges { node { metadata { actor } } } } }\n  }\n": types.CoinOwnershipHistoryWithActorsDocument,
    "query CoinOwnershipReadTransfer($id: ID!) { coinTransfer(id: $id) { id amount } }": types.CoinOwnershipReadTransferDocument,
    "\n  fragment CoinAccountFields on CoinAccount { accountId balance mined sent received lastNonce version }\n": types.CoinAccountFieldsFragmentDoc,
    "\n  mutation MineCoin($input: MineCoinInput!) {\n    mineCoin(input: $input) {\n      __typename\n      ...CoinAccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.MineCoinDocument,
    "\n  mutation SendCoins($input: SendCoinsInput!) {\n    sendCoins(input: $input) {\n      __typename\n      ... on CoinTransfer { id from to amount status }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.SendCoinsDocument,
    "\n  query CoinAccount($accountId: String!, $first: Int, $after: String) {\n    coinAccount(accountId: $accountId) {\n      ...CoinAccountFields\n      events(first: $first, after: $after) {\n        edges { cursor node { streamId version type data } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.CoinAccountDocument,
    "\n  query CoinTransfer($id: ID!) {\n    coinTransfer(id: $id) { id from to amount status completedAt }\n  }\n": types.CoinTransferDocument,
    "\n  query Richest($first: Int) {\n    richest(first: $first) { accountId balance }\n  }\n": types.RichestDocument,
    "\n  subscription RichestChanged($first: Int) {\n    richestChanged(first: $first) { accountId balance }\n  }\n": types.RichestChangedDocument,
    "\n  subscription CoinBalanceChanged($accountId: String!, $after: String) {\n    coinBalanceChanged(accountId: $accountId, after: $after) { accountId balance delta reason transferId version position }\n  }\n": types.CoinBalanceChangedDocument,
    "\n  fragment OrderFields on Order {\n    id orderNumber businessPartner status version\n    items { productId quantity uom }\n    shipment { id orderId status }\n  }\n": types.OrderFieldsFragmentDoc,
    "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.CreateOrderDocument,
    "\n  mutation AddOrderItems($id: ID!, $items: [OrderItemInput!]!) {\n    addOrderItems(id: $id, items: $items) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.AddOrderItemsDocument,
    "\n  mutation RemoveOrderItem($id: ID!, $productId: ID!) {\n    removeOrderItem(id: $id, productId: $productId) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.RemoveOrderItemDocument,
    "\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on OrderHasBlockedProductsError { productIds }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.CompleteOrderDocument,
    "\n  mutation DeleteOrder($id: ID!) {\n    deleteOrder(id: $id) {\n      __typename\n      ... on DeletedOrder { id }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.DeleteOrderDocument,
    "\n  mutation DispatchShipment($id: ID!) {\n    dispatchShipment(id: $id) {\n      __typename\n      ... on Shipment { id orderId status dispatchedAt }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.DispatchShipmentDocument,
    "\n  mutation DeliverShipment($id: ID!) {\n    deliverShipment(id: $id) {\n      __typename\n      ... on Shipment { id orderId status deliveredAt }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n": types.DeliverShipmentDocument,
    "\n  mutation BlockProduct($productId: ID!) {\n    blockProduct(productId: $productId) {\n      __typename\n      ... on ProductBlock { productId blocked }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n": types.BlockProductDocument,
    "\n  mutation UnblockProduct($productId: ID!) {\n    unblockProduct(productId: $productId) {\n      __typename\n      ... on ProductBlock { productId blocked }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n": types.UnblockProductDocument,
    "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n": types.OrderDocument,
    "\n  query OrderByNumber($orderNumber: String!) {\n    orderByNumber(orderNumber: $orderNumber) { ...OrderFields }\n  }\n": types.OrderByNumberDocument,
    "\n  query Orders($status: OrderStatus, $businessPartner: String, $first: Int, $after: String) {\n    orders(status: $status, businessPartner: $businessPartner, first: $first, after: $after) {\n      edges { cursor node { ...OrderFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.OrdersDocument,
    "\n  query BlockedProducts {\n    blockedProducts\n  }\n": types.BlockedProductsDocument,
    "\n  query EventsByCorrelation($correlationId: String!) {\n    events(correlationId: $correlationId, first: 100) {\n      edges { node { position eventId streamId version type metadata { correlationId causationId } } }\n    }\n  }\n": types.EventsByCorrelationDocument,
    "\n  query OrdersStream($after: String) {\n    stream(id: \"orders\") {\n      version\n      events(first: 50, after: $after) {\n        edges { cursor node { position streamId version type data linkedFrom { streamId version } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.OrdersStreamDocument,
    "\n  subscription OrderStatusChanged($id: ID!, $after: String) {\n    orderStatusChanged(id: $id, after: $after) { orderId status shipmentId eventType position }\n  }\n": types.OrderStatusChangedDocument,
    "\n  query OrderDeadLetters($handler: String) {\n    deadLetters(handler: $handler) { id handler position eventId eventType error attempts }\n  }\n": types.OrderDeadLettersDocument,
    "\n  mutation RetryOrderDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter { id eventType }\n      ... on Error { code message }\n    }\n  }\n": types.RetryOrderDeadLetterDocument,
    "\n  mutation OrderOwnershipCreate($input: CreateOrderInput!) {\n    createOrder(input: $input) { __typename ... on Order { id } ... on Error { code } }\n  }\n": types.OrderOwnershipCreateDocument,
    "mutation OrderOwnershipDelete($id: ID!) { deleteOrder(id: $id) { __typename ... on Error { code message } } }": types.OrderOwnershipDeleteDocument,
    "query OrderOwnershipList { orders(first: 100) { edges { node { id businessPartner } } } }": types.OrderOwnershipListDocument,
    "query OrderOwnershipOrder($id: ID!) { order(id: $id) { id businessPartner } }": types.OrderOwnershipOrderDocument,
    "\n  mutation ErasePersonalData($subject: ID!) {\n    erasePersonalData(subject: $subject) { subject position streams }\n  }\n": types.ErasePersonalDataDocument,
    "\n  query PersonalDataStreamEvents($id: String!) {\n    stream(id: $id) { events(first: 50) { edges { node { type data } } } }\n  }\n": types.PersonalDataStreamEventsDocument,
    "\n  subscription PersonalDataLogTail($after: String, $streamId: String) {\n    events(after: $after, streamId: $streamId) { type data }\n  }\n": types.PersonalDataLogTailDocument,
    "\n  query RuntimeStatesOfInstance {\n    projections { name kind status checkpoint head lag }\n  }\n": types.RuntimeStatesOfInstanceDocument,
    "\n  mutation RebuildAfterFault($name: String!) {\n    rebuildProjection(name: $name) { __typename ... on Projection { name status } }\n  }\n": types.RebuildAfterFaultDocument,
    "\n  subscription Follow($after: String) {\n    events(after: $after) {\n      position\n      type\n    }\n  }\n": types.FollowDocument,
    "\n  mutation Rebuild($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n      }\n    }\n  }\n": types.RebuildDocument,
    "\n  query EventsPageInfo($after: String, $types: [String!]) {\n    events(after: $after, types: $types) {\n      edges { cursor }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.EventsPageInfoDocument,
    "\n  query OrdersPageInfo($after: String) {\n    orders(first: 10, after: $after) {\n      edges { cursor }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.OrdersPageInfoDocument,
    "\n  query StreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n": types.StreamVersionDocument,
    "\n  query EventsAfter($after: String) {\n    events(after: $after) {\n      edges {\n        cursor\n      }\n    }\n  }\n": types.EventsAfterDocument,
    "\n  query LogPage($after: String, $first: Int, $types: [String!], $correlationId: String) {\n    events(after: $after, first: $first, types: $types, correlationId: $correlationId) {\n      edges {\n        cursor\n        node {\n          position\n          eventId\n          streamId\n          version\n          type\n          data\n          metadata {\n            correlationId\n            causationId\n            actor\n            custom\n          }\n          occurredAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n    }\n  }\n": types.LogPageDocument,
    "\n  query StreamPage($id: String!, $first: Int, $after: String) {\n    stream(id: $id) {\n      id\n      version\n      events(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            position\n            streamId\n            version\n            type\n            linkedFrom {\n              streamId\n              version\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.StreamPageDocument,
    "\n  mutation Twice($input: DepositInput!) {\n    first: deposit(input: $input) { __typename ... on Account { balance } }\n    second: deposit(input: $input) { __typename ... on Account { balance } }\n  }\n": types.TwiceDocument,
    "\n  mutation DepositWithoutBalance($input: DepositInput!) { deposit(input: $input) { __typename ... on Account { accountNumber } } }\n": types.DepositWithoutBalanceDocument,
    "\n  query Me {\n    me {\n      subject\n      roles\n      bankAccounts { accountNumber balance holder }\n      coinAccounts { accountId balance }\n      orders(first: 10) { edges { node { id businessPartner } } pageInfo { hasNextPage } }\n    }\n  }\n": types.MeDocument,
    "\n  mutation MeOpenAccount($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }\n": types.MeOpenAccountDocument,
    "\n  mutation MeMineCoin($input: MineCoinInput!) { mineCoin(input: $input) { __typename } }\n": types.MeMineCoinDocument,
    "\n  mutation MeCreateOrder($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }\n": types.MeCreateOrderDocument,
    "\n  query ProjectionVersions {\n    projections {\n      name\n      kind\n      versions { id generation codeVersion status position head }\n      building { id }\n    }\n  }\n": types.ProjectionVersionsDocument,
    "\n  mutation RebuildToVersion($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection { name building { id generation status } }\n      ... on Error { code }\n    }\n  }\n": types.RebuildToVersionDocument,
    "\n  query Projections {\n    projections {\n      name\n      kind\n      checkpoint\n      head\n      lag\n      status\n      error\n    }\n  }\n": types.ProjectionsDocument,
    "\n  query DeadLetters($handler: String) {\n    deadLetters(handler: $handler) {\n      id\n      handler\n      position\n      eventType\n      error\n      attempts\n      event {\n        streamId\n        data\n      }\n    }\n  }\n": types.DeadLettersDocument,
    "\n  mutation RetryDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter {\n        id\n        eventType\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.RetryDeadLetterDocument,
    "\n  mutation RebuildProjection($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection {\n        name\n        kind\n      }\n      ... on Error {\n        code\n        message\n      }\n    }\n  }\n": types.RebuildProjectionDocument,
    "\n  mutation StreamStateAtCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n    }\n  }\n": types.StreamStateAtCalculateDocument,
    "\n  query StreamStateAt($id: String!, $version: Int, $at: DateTime) {\n    stream(id: $id) {\n      id\n      version\n      stateAt(version: $version, at: $at)\n    }\n  }\n": types.StreamStateAtDocument,
    "\n  subscription TailAfter($after: String) {\n    events(after: $after) { position }\n  }\n": types.TailAfterDocument,
    "\n  subscription WatchBalance($accountNumber: String!, $after: String) {\n    balanceUpdated(accountNumber: $accountNumber, after: $after) { balance position }\n  }\n": types.WatchBalanceDocument,
    "\n  subscription Tail($after: String, $types: [String!], $streamId: String) {\n    events(after: $after, types: $types, streamId: $streamId) {\n      position\n      streamId\n      type\n      data\n    }\n  }\n": types.TailDocument,
    "\n  query LoggedStreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n": types.LoggedStreamVersionDocument,
    "\n  mutation MeteredCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Error {\n        code\n      }\n    }\n  }\n": types.MeteredCalculateDocument,
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
export function graphql(source: "\n  mutation RecordKill($input: RecordKillInput!) {\n    recordKill(input: $input) {\n      __typename\n      ... on ArenaScore { attacker kills rank }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordKill($input: RecordKillInput!) {\n    recordKill(input: $input) {\n      __typename\n      ... on ArenaScore { attacker kills rank }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteWeek($arenaId: String!) {\n    completeWeek(arenaId: $arenaId) {\n      __typename\n      ... on Arena { id week currentWeek completed top10 { attacker kills rank } }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteWeek($arenaId: String!) {\n    completeWeek(arenaId: $arenaId) {\n      __typename\n      ... on Arena { id week currentWeek completed top10 { attacker kills rank } }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Arena($id: String!, $week: Int, $attacker: String!) {\n    arena(id: $id, week: $week) {\n      id week currentWeek completed\n      top10 { attacker kills rank }\n      score(attacker: $attacker) { attacker kills rank }\n    }\n  }\n"): (typeof documents)["\n  query Arena($id: String!, $week: Int, $attacker: String!) {\n    arena(id: $id, week: $week) {\n      id week currentWeek completed\n      top10 { attacker kills rank }\n      score(attacker: $attacker) { attacker kills rank }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ArenaTop10Changed($arenaId: String!) {\n    arenaTop10Changed(arenaId: $arenaId) { arenaId week top10 { attacker kills rank } }\n  }\n"): (typeof documents)["\n  subscription ArenaTop10Changed($arenaId: String!) {\n    arenaTop10Changed(arenaId: $arenaId) { arenaId week top10 { attacker kills rank } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountAsOfOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }"): (typeof documents)["mutation AccountAsOfOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountAsOfDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }"): (typeof documents)["mutation AccountAsOfDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountAsOfWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }"): (typeof documents)["mutation AccountAsOfWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountAsOf($accountNumber: String!, $asOf: AsOf) {\n    account(accountNumber: $accountNumber, asOf: $asOf) {\n      accountNumber\n      holder\n      balance\n      status\n      version\n      transactions(first: 10) {\n        edges {\n          node {\n            kind\n            amount\n            balance\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccountAsOf($accountNumber: String!, $asOf: AsOf) {\n    account(accountNumber: $accountNumber, asOf: $asOf) {\n      accountNumber\n      holder\n      balance\n      status\n      version\n      transactions(first: 10) {\n        edges {\n          node {\n            kind\n            amount\n            balance\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountOwnershipOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }"): (typeof documents)["mutation AccountOwnershipOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountOwnershipDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }"): (typeof documents)["mutation AccountOwnershipDeposit($input: DepositInput!) { deposit(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountOwnershipWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }"): (typeof documents)["mutation AccountOwnershipWithdraw($input: WithdrawInput!) { withdraw(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountOwnershipTransfer($input: TransferInput!) { transfer(input: $input) { __typename ... on Transfer { id } } }"): (typeof documents)["mutation AccountOwnershipTransfer($input: TransferInput!) { transfer(input: $input) { __typename ... on Transfer { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountOwnershipReadTransfer($id: ID!) { transfer(id: $id) { amount status } }"): (typeof documents)["query AccountOwnershipReadTransfer($id: ID!) { transfer(id: $id) { amount status } }"];
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
export function graphql(source: "\n  query UpcastLogPage($after: String, $types: [String!]) {\n    events(after: $after, types: $types, first: 10) {\n      edges { node { position streamId version type data } }\n    }\n  }\n"): (typeof documents)["\n  query UpcastLogPage($after: String, $types: [String!]) {\n    events(after: $after, types: $types, first: 10) {\n      edges { node { position streamId version type data } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MutationResultsOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }"): (typeof documents)["mutation MutationResultsOpen($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationResultsDeposit($input: DepositInput!) {\n    deposit(input: $input) {\n      __typename\n      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }\n      ... on Error { code }\n    }\n  }\n"): (typeof documents)["\n  mutation MutationResultsDeposit($input: DepositInput!) {\n    deposit(input: $input) {\n      __typename\n      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }\n      ... on Error { code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MutationResultsApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) {\n      __typename\n      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }\n      ... on Error { code }\n    }\n  }\n"): (typeof documents)["\n  mutation MutationResultsApplyFee($input: ApplyFeeInput!) {\n    applyFee(input: $input) {\n      __typename\n      ... on Account { accountNumber balance version transactions(first: 10) { edges { node { delta } } } }\n      ... on Error { code }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MutationResultsAccount($accountNumber: String!) {\n    account(accountNumber: $accountNumber) { balance transactions { edges { node { kind delta } } } }\n  }\n"): (typeof documents)["\n  query MutationResultsAccount($accountNumber: String!) {\n    account(accountNumber: $accountNumber) { balance transactions { edges { node { kind delta } } } }\n  }\n"];
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
export function graphql(source: "\n  mutation CalculatorAsOfCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation CalculatorAsOfCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalculatorAsOf($id: ID!, $asOf: AsOf) {\n    calculator(id: $id, asOf: $asOf) {\n      id\n      value\n      version\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query CalculatorAsOf($id: ID!, $asOf: AsOf) {\n    calculator(id: $id, asOf: $asOf) {\n      id\n      value\n      version\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ActivityRecorded($challengeId: ID!, $after: String) {\n    activityRecorded(challengeId: $challengeId, after: $after) {\n      id\n      athleteId\n      athleteName\n      activityType\n      startDateLocal\n      distanceMetres\n      movingTimeSeconds\n      elevationMetres\n      position\n    }\n  }\n"): (typeof documents)["\n  subscription ActivityRecorded($challengeId: ID!, $after: String) {\n    activityRecorded(challengeId: $challengeId, after: $after) {\n      id\n      athleteId\n      athleteName\n      activityType\n      startDateLocal\n      distanceMetres\n      movingTimeSeconds\n      elevationMetres\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AthleteOwnershipCreate($input: CreateChallengeInput!) { createChallenge(input: $input) { __typename } }"): (typeof documents)["mutation AthleteOwnershipCreate($input: CreateChallengeInput!) { createChallenge(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AthleteOwnershipHost($challengeId: ID!) { hostChallenge(challengeId: $challengeId) { __typename } }"): (typeof documents)["mutation AthleteOwnershipHost($challengeId: ID!) { hostChallenge(challengeId: $challengeId) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AthleteOwnershipStart($challengeId: ID!) { startChallenge(challengeId: $challengeId) { __typename } }"): (typeof documents)["mutation AthleteOwnershipStart($challengeId: ID!) { startChallenge(challengeId: $challengeId) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AthleteOwnershipJoin($input: JoinChallengeInput!) {\n    joinChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AthleteOwnershipJoin($input: JoinChallengeInput!) {\n    joinChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AthleteOwnershipLeave($input: LeaveChallengeInput!) {\n    leaveChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AthleteOwnershipLeave($input: LeaveChallengeInput!) {\n    leaveChallenge(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AthleteOwnershipImport($input: ImportActivityInput!) {\n    importActivity(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation AthleteOwnershipImport($input: ImportActivityInput!) {\n    importActivity(input: $input) { __typename ... on Challenge { competitorCount } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChallengeFields on Challenge { id slug name status competitorCount goalMetres activityType version }\n"): (typeof documents)["\n  fragment ChallengeFields on Challenge { id slug name status competitorCount goalMetres activityType version }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateChallenge($input: CreateChallengeInput!) {\n    createChallenge(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateChallenge($input: CreateChallengeInput!) {\n    createChallenge(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HostChallenge($challengeId: ID!) {\n    hostChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation HostChallenge($challengeId: ID!) {\n    hostChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartChallenge($challengeId: ID!) {\n    startChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation StartChallenge($challengeId: ID!) {\n    startChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndChallenge($challengeId: ID!) {\n    endChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation EndChallenge($challengeId: ID!) {\n    endChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinChallenge($input: JoinChallengeInput!) {\n    joinChallenge(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation JoinChallenge($input: JoinChallengeInput!) {\n    joinChallenge(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveChallenge($input: LeaveChallengeInput!) {\n    leaveChallenge(input: $input) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation LeaveChallenge($input: LeaveChallengeInput!) {\n    leaveChallenge(input: $input) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportActivity($input: ImportActivityInput!) {\n    importActivity(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Challenge { leaderboard(first: 10) { edges { node { rank athleteId distanceMetres progress } } } }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportActivity($input: ImportActivityInput!) {\n    importActivity(input: $input) {\n      __typename\n      ...ChallengeFields\n      ... on Challenge { leaderboard(first: 10) { edges { node { rank athleteId distanceMetres progress } } } }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveActivity($input: RemoveActivityInput!) {\n    removeActivity(input: $input) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation RemoveActivity($input: RemoveActivityInput!) {\n    removeActivity(input: $input) { __typename ...ChallengeFields ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Challenge($id: ID, $slug: String, $category: ChallengeCategory! = OVERALL, $first: Int, $after: String) {\n    challenge(id: $id, slug: $slug) {\n      ...ChallengeFields\n      competitors { athleteId athleteName category }\n      leaderboard(category: $category, first: $first, after: $after) {\n        edges { cursor node { rank athleteId athleteName distanceMetres movingTimeSeconds elevationMetres activityCount progress } }\n        pageInfo { hasNextPage endCursor }\n      }\n      activityFeed(first: 10) { edges { node { id athleteId athleteName distanceMetres } } }\n      activities { id athleteId }\n    }\n  }\n"): (typeof documents)["\n  query Challenge($id: ID, $slug: String, $category: ChallengeCategory! = OVERALL, $first: Int, $after: String) {\n    challenge(id: $id, slug: $slug) {\n      ...ChallengeFields\n      competitors { athleteId athleteName category }\n      leaderboard(category: $category, first: $first, after: $after) {\n        edges { cursor node { rank athleteId athleteName distanceMetres movingTimeSeconds elevationMetres activityCount progress } }\n        pageInfo { hasNextPage endCursor }\n      }\n      activityFeed(first: 10) { edges { node { id athleteId athleteName distanceMetres } } }\n      activities { id athleteId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Challenges($status: ChallengeStatus) {\n    challenges(status: $status) { id status }\n  }\n"): (typeof documents)["\n  query Challenges($status: ChallengeStatus) {\n    challenges(status: $status) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Athlete($id: ID!) {\n    athlete(id: $id) { id name category }\n  }\n"): (typeof documents)["\n  query Athlete($id: ID!) {\n    athlete(id: $id) { id name category }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LeaderboardChanged($challengeId: ID!, $category: ChallengeCategory! = OVERALL, $after: String) {\n    leaderboardChanged(challengeId: $challengeId, category: $category, after: $after) {\n      position\n      rankings { rank athleteId distanceMetres activityCount }\n      newPositions { athleteId rank }\n      positionsGained { athleteId rank previousRank places }\n      positionsLost { athleteId rank previousRank places }\n    }\n  }\n"): (typeof documents)["\n  subscription LeaderboardChanged($challengeId: ID!, $category: ChallengeCategory! = OVERALL, $after: String) {\n    leaderboardChanged(challengeId: $challengeId, category: $category, after: $after) {\n      position\n      rankings { rank athleteId distanceMetres activityCount }\n      newPositions { athleteId rank }\n      positionsGained { athleteId rank previousRank places }\n      positionsLost { athleteId rank previousRank places }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RankChanged($challengeId: ID!, $athleteId: ID!) {\n    rankChanged(challengeId: $challengeId, athleteId: $athleteId) { athleteId rank previousRank position }\n  }\n"): (typeof documents)["\n  subscription RankChanged($challengeId: ID!, $athleteId: ID!) {\n    rankChanged(challengeId: $challengeId, athleteId: $athleteId) { athleteId rank previousRank position }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($athleteId: ID!, $first: Int, $after: String, $unreadOnly: Boolean! = false) {\n    notifications(athleteId: $athleteId, first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges { cursor node { id challengeId category message rank placesLost readAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($athleteId: ID!, $first: Int, $after: String, $unreadOnly: Boolean! = false) {\n    notifications(athleteId: $athleteId, first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges { cursor node { id challengeId category message rank placesLost readAt } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeNotification($id: ID!) {\n    acknowledgeNotification(id: $id) {\n      __typename\n      ... on Notification { id readAt }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeNotification($id: ID!) {\n    acknowledgeNotification(id: $id) {\n      __typename\n      ... on Notification { id readAt }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived($athleteId: ID!) {\n    notificationReceived(athleteId: $athleteId) { id message rank placesLost }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived($athleteId: ID!) {\n    notificationReceived(athleteId: $athleteId) { id message rank placesLost }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CoinOwnershipMine($input: MineCoinInput!) { mineCoin(input: $input) { __typename ... on Error { code } } }"): (typeof documents)["mutation CoinOwnershipMine($input: MineCoinInput!) { mineCoin(input: $input) { __typename ... on Error { code } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CoinOwnershipSend($input: SendCoinsInput!) {\n    sendCoins(input: $input) { __typename ... on CoinTransfer { id } ... on Error { code message } }\n  }\n"): (typeof documents)["\n  mutation CoinOwnershipSend($input: SendCoinsInput!) {\n    sendCoins(input: $input) { __typename ... on CoinTransfer { id } ... on Error { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoinOwnershipHistory($accountId: String!) {\n    coinAccount(accountId: $accountId) { balance events(first: 10) { edges { node { type } } } }\n  }\n"): (typeof documents)["\n  query CoinOwnershipHistory($accountId: String!) {\n    coinAccount(accountId: $accountId) { balance events(first: 10) { edges { node { type } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoinOwnershipHistoryWithActors($accountId: String!) {\n    coinAccount(accountId: $accountId) { events(first: 10) { edges { node { metadata { actor } } } } }\n  }\n"): (typeof documents)["\n  query CoinOwnershipHistoryWithActors($accountId: String!) {\n    coinAccount(accountId: $accountId) { events(first: 10) { edges { node { metadata { actor } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CoinOwnershipReadTransfer($id: ID!) { coinTransfer(id: $id) { id amount } }"): (typeof documents)["query CoinOwnershipReadTransfer($id: ID!) { coinTransfer(id: $id) { id amount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CoinAccountFields on CoinAccount { accountId balance mined sent received lastNonce version }\n"): (typeof documents)["\n  fragment CoinAccountFields on CoinAccount { accountId balance mined sent received lastNonce version }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MineCoin($input: MineCoinInput!) {\n    mineCoin(input: $input) {\n      __typename\n      ...CoinAccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation MineCoin($input: MineCoinInput!) {\n    mineCoin(input: $input) {\n      __typename\n      ...CoinAccountFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCoins($input: SendCoinsInput!) {\n    sendCoins(input: $input) {\n      __typename\n      ... on CoinTransfer { id from to amount status }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation SendCoins($input: SendCoinsInput!) {\n    sendCoins(input: $input) {\n      __typename\n      ... on CoinTransfer { id from to amount status }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoinAccount($accountId: String!, $first: Int, $after: String) {\n    coinAccount(accountId: $accountId) {\n      ...CoinAccountFields\n      events(first: $first, after: $after) {\n        edges { cursor node { streamId version type data } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CoinAccount($accountId: String!, $first: Int, $after: String) {\n    coinAccount(accountId: $accountId) {\n      ...CoinAccountFields\n      events(first: $first, after: $after) {\n        edges { cursor node { streamId version type data } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoinTransfer($id: ID!) {\n    coinTransfer(id: $id) { id from to amount status completedAt }\n  }\n"): (typeof documents)["\n  query CoinTransfer($id: ID!) {\n    coinTransfer(id: $id) { id from to amount status completedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Richest($first: Int) {\n    richest(first: $first) { accountId balance }\n  }\n"): (typeof documents)["\n  query Richest($first: Int) {\n    richest(first: $first) { accountId balance }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RichestChanged($first: Int) {\n    richestChanged(first: $first) { accountId balance }\n  }\n"): (typeof documents)["\n  subscription RichestChanged($first: Int) {\n    richestChanged(first: $first) { accountId balance }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CoinBalanceChanged($accountId: String!, $after: String) {\n    coinBalanceChanged(accountId: $accountId, after: $after) { accountId balance delta reason transferId version position }\n  }\n"): (typeof documents)["\n  subscription CoinBalanceChanged($accountId: String!, $after: String) {\n    coinBalanceChanged(accountId: $accountId, after: $after) { accountId balance delta reason transferId version position }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrderFields on Order {\n    id orderNumber businessPartner status version\n    items { productId quantity uom }\n    shipment { id orderId status }\n  }\n"): (typeof documents)["\n  fragment OrderFields on Order {\n    id orderNumber businessPartner status version\n    items { productId quantity uom }\n    shipment { id orderId status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrder($input: CreateOrderInput!) {\n    createOrder(input: $input) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddOrderItems($id: ID!, $items: [OrderItemInput!]!) {\n    addOrderItems(id: $id, items: $items) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation AddOrderItems($id: ID!, $items: [OrderItemInput!]!) {\n    addOrderItems(id: $id, items: $items) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveOrderItem($id: ID!, $productId: ID!) {\n    removeOrderItem(id: $id, productId: $productId) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveOrderItem($id: ID!, $productId: ID!) {\n    removeOrderItem(id: $id, productId: $productId) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on OrderHasBlockedProductsError { productIds }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteOrder($id: ID!) {\n    completeOrder(id: $id) {\n      __typename\n      ...OrderFields\n      ... on Error { code message }\n      ... on OrderHasBlockedProductsError { productIds }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOrder($id: ID!) {\n    deleteOrder(id: $id) {\n      __typename\n      ... on DeletedOrder { id }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteOrder($id: ID!) {\n    deleteOrder(id: $id) {\n      __typename\n      ... on DeletedOrder { id }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DispatchShipment($id: ID!) {\n    dispatchShipment(id: $id) {\n      __typename\n      ... on Shipment { id orderId status dispatchedAt }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation DispatchShipment($id: ID!) {\n    dispatchShipment(id: $id) {\n      __typename\n      ... on Shipment { id orderId status dispatchedAt }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeliverShipment($id: ID!) {\n    deliverShipment(id: $id) {\n      __typename\n      ... on Shipment { id orderId status deliveredAt }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation DeliverShipment($id: ID!) {\n    deliverShipment(id: $id) {\n      __typename\n      ... on Shipment { id orderId status deliveredAt }\n      ... on Error { code message }\n      ... on ValidationError { fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockProduct($productId: ID!) {\n    blockProduct(productId: $productId) {\n      __typename\n      ... on ProductBlock { productId blocked }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation BlockProduct($productId: ID!) {\n    blockProduct(productId: $productId) {\n      __typename\n      ... on ProductBlock { productId blocked }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockProduct($productId: ID!) {\n    unblockProduct(productId: $productId) {\n      __typename\n      ... on ProductBlock { productId blocked }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n"): (typeof documents)["\n  mutation UnblockProduct($productId: ID!) {\n    unblockProduct(productId: $productId) {\n      __typename\n      ... on ProductBlock { productId blocked }\n      ... on ValidationError { code fields { path message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n"): (typeof documents)["\n  query Order($id: ID!) {\n    order(id: $id) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderByNumber($orderNumber: String!) {\n    orderByNumber(orderNumber: $orderNumber) { ...OrderFields }\n  }\n"): (typeof documents)["\n  query OrderByNumber($orderNumber: String!) {\n    orderByNumber(orderNumber: $orderNumber) { ...OrderFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Orders($status: OrderStatus, $businessPartner: String, $first: Int, $after: String) {\n    orders(status: $status, businessPartner: $businessPartner, first: $first, after: $after) {\n      edges { cursor node { ...OrderFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Orders($status: OrderStatus, $businessPartner: String, $first: Int, $after: String) {\n    orders(status: $status, businessPartner: $businessPartner, first: $first, after: $after) {\n      edges { cursor node { ...OrderFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlockedProducts {\n    blockedProducts\n  }\n"): (typeof documents)["\n  query BlockedProducts {\n    blockedProducts\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsByCorrelation($correlationId: String!) {\n    events(correlationId: $correlationId, first: 100) {\n      edges { node { position eventId streamId version type metadata { correlationId causationId } } }\n    }\n  }\n"): (typeof documents)["\n  query EventsByCorrelation($correlationId: String!) {\n    events(correlationId: $correlationId, first: 100) {\n      edges { node { position eventId streamId version type metadata { correlationId causationId } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersStream($after: String) {\n    stream(id: \"orders\") {\n      version\n      events(first: 50, after: $after) {\n        edges { cursor node { position streamId version type data linkedFrom { streamId version } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrdersStream($after: String) {\n    stream(id: \"orders\") {\n      version\n      events(first: 50, after: $after) {\n        edges { cursor node { position streamId version type data linkedFrom { streamId version } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OrderStatusChanged($id: ID!, $after: String) {\n    orderStatusChanged(id: $id, after: $after) { orderId status shipmentId eventType position }\n  }\n"): (typeof documents)["\n  subscription OrderStatusChanged($id: ID!, $after: String) {\n    orderStatusChanged(id: $id, after: $after) { orderId status shipmentId eventType position }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrderDeadLetters($handler: String) {\n    deadLetters(handler: $handler) { id handler position eventId eventType error attempts }\n  }\n"): (typeof documents)["\n  query OrderDeadLetters($handler: String) {\n    deadLetters(handler: $handler) { id handler position eventId eventType error attempts }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryOrderDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter { id eventType }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation RetryOrderDeadLetter($id: SafeInt!) {\n    retryDeadLetter(id: $id) {\n      __typename\n      ... on DeadLetter { id eventType }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrderOwnershipCreate($input: CreateOrderInput!) {\n    createOrder(input: $input) { __typename ... on Order { id } ... on Error { code } }\n  }\n"): (typeof documents)["\n  mutation OrderOwnershipCreate($input: CreateOrderInput!) {\n    createOrder(input: $input) { __typename ... on Order { id } ... on Error { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OrderOwnershipDelete($id: ID!) { deleteOrder(id: $id) { __typename ... on Error { code message } } }"): (typeof documents)["mutation OrderOwnershipDelete($id: ID!) { deleteOrder(id: $id) { __typename ... on Error { code message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderOwnershipList { orders(first: 100) { edges { node { id businessPartner } } } }"): (typeof documents)["query OrderOwnershipList { orders(first: 100) { edges { node { id businessPartner } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OrderOwnershipOrder($id: ID!) { order(id: $id) { id businessPartner } }"): (typeof documents)["query OrderOwnershipOrder($id: ID!) { order(id: $id) { id businessPartner } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ErasePersonalData($subject: ID!) {\n    erasePersonalData(subject: $subject) { subject position streams }\n  }\n"): (typeof documents)["\n  mutation ErasePersonalData($subject: ID!) {\n    erasePersonalData(subject: $subject) { subject position streams }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonalDataStreamEvents($id: String!) {\n    stream(id: $id) { events(first: 50) { edges { node { type data } } } }\n  }\n"): (typeof documents)["\n  query PersonalDataStreamEvents($id: String!) {\n    stream(id: $id) { events(first: 50) { edges { node { type data } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PersonalDataLogTail($after: String, $streamId: String) {\n    events(after: $after, streamId: $streamId) { type data }\n  }\n"): (typeof documents)["\n  subscription PersonalDataLogTail($after: String, $streamId: String) {\n    events(after: $after, streamId: $streamId) { type data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RuntimeStatesOfInstance {\n    projections { name kind status checkpoint head lag }\n  }\n"): (typeof documents)["\n  query RuntimeStatesOfInstance {\n    projections { name kind status checkpoint head lag }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RebuildAfterFault($name: String!) {\n    rebuildProjection(name: $name) { __typename ... on Projection { name status } }\n  }\n"): (typeof documents)["\n  mutation RebuildAfterFault($name: String!) {\n    rebuildProjection(name: $name) { __typename ... on Projection { name status } }\n  }\n"];
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
export function graphql(source: "\n  query EventsPageInfo($after: String, $types: [String!]) {\n    events(after: $after, types: $types) {\n      edges { cursor }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query EventsPageInfo($after: String, $types: [String!]) {\n    events(after: $after, types: $types) {\n      edges { cursor }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrdersPageInfo($after: String) {\n    orders(first: 10, after: $after) {\n      edges { cursor }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query OrdersPageInfo($after: String) {\n    orders(first: 10, after: $after) {\n      edges { cursor }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation Twice($input: DepositInput!) {\n    first: deposit(input: $input) { __typename ... on Account { balance } }\n    second: deposit(input: $input) { __typename ... on Account { balance } }\n  }\n"): (typeof documents)["\n  mutation Twice($input: DepositInput!) {\n    first: deposit(input: $input) { __typename ... on Account { balance } }\n    second: deposit(input: $input) { __typename ... on Account { balance } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DepositWithoutBalance($input: DepositInput!) { deposit(input: $input) { __typename ... on Account { accountNumber } } }\n"): (typeof documents)["\n  mutation DepositWithoutBalance($input: DepositInput!) { deposit(input: $input) { __typename ... on Account { accountNumber } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      subject\n      roles\n      bankAccounts { accountNumber balance holder }\n      coinAccounts { accountId balance }\n      orders(first: 10) { edges { node { id businessPartner } } pageInfo { hasNextPage } }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      subject\n      roles\n      bankAccounts { accountNumber balance holder }\n      coinAccounts { accountId balance }\n      orders(first: 10) { edges { node { id businessPartner } } pageInfo { hasNextPage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MeOpenAccount($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation MeOpenAccount($input: OpenAccountInput!) { openAccount(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MeMineCoin($input: MineCoinInput!) { mineCoin(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation MeMineCoin($input: MineCoinInput!) { mineCoin(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MeCreateOrder($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation MeCreateOrder($input: CreateOrderInput!) { createOrder(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectionVersions {\n    projections {\n      name\n      kind\n      versions { id generation codeVersion status position head }\n      building { id }\n    }\n  }\n"): (typeof documents)["\n  query ProjectionVersions {\n    projections {\n      name\n      kind\n      versions { id generation codeVersion status position head }\n      building { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RebuildToVersion($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection { name building { id generation status } }\n      ... on Error { code }\n    }\n  }\n"): (typeof documents)["\n  mutation RebuildToVersion($name: String!) {\n    rebuildProjection(name: $name) {\n      __typename\n      ... on Projection { name building { id generation status } }\n      ... on Error { code }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation StreamStateAtCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation StreamStateAtCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StreamStateAt($id: String!, $version: Int, $at: DateTime) {\n    stream(id: $id) {\n      id\n      version\n      stateAt(version: $version, at: $at)\n    }\n  }\n"): (typeof documents)["\n  query StreamStateAt($id: String!, $version: Int, $at: DateTime) {\n    stream(id: $id) {\n      id\n      version\n      stateAt(version: $version, at: $at)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TailAfter($after: String) {\n    events(after: $after) { position }\n  }\n"): (typeof documents)["\n  subscription TailAfter($after: String) {\n    events(after: $after) { position }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WatchBalance($accountNumber: String!, $after: String) {\n    balanceUpdated(accountNumber: $accountNumber, after: $after) { balance position }\n  }\n"): (typeof documents)["\n  subscription WatchBalance($accountNumber: String!, $after: String) {\n    balanceUpdated(accountNumber: $accountNumber, after: $after) { balance position }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Tail($after: String, $types: [String!], $streamId: String) {\n    events(after: $after, types: $types, streamId: $streamId) {\n      position\n      streamId\n      type\n      data\n    }\n  }\n"): (typeof documents)["\n  subscription Tail($after: String, $types: [String!], $streamId: String) {\n    events(after: $after, types: $types, streamId: $streamId) {\n      position\n      streamId\n      type\n      data\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoggedStreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n"): (typeof documents)["\n  query LoggedStreamVersion($id: String!) {\n    stream(id: $id) {\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MeteredCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Error {\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MeteredCalculate($input: CalculateInput!) {\n    calculate(input: $input) {\n      __typename\n      ... on Error {\n        code\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;