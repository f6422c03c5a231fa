import { graphql } from '../../gql/index.js';

/** The operations the challenge tests send, as a client would write them (typed by `npm run codegen`). */
export const CHALLENGE_FIELDS = graphql(`
  fragment ChallengeFields on Challenge { id slug name status competitorCount goalMetres activityType version }
`);

export const CREATE_CHALLENGE = graphql(`
  mutation CreateChallenge($input: CreateChallengeInput!) {
    createChallenge(input: $input) {
      __typename
      ...ChallengeFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const HOST_CHALLENGE = graphql(`
  mutation HostChallenge($challengeId: ID!) {
    hostChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }
  }
`);

export const START_CHALLENGE = graphql(`
  mutation StartChallenge($challengeId: ID!) {
    startChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }
  }
`);

export const END_CHALLENGE = graphql(`
  mutation EndChallenge($challengeId: ID!) {
    endChallenge(challengeId: $challengeId) { __typename ...ChallengeFields ... on Error { code message } }
  }
`);

export const JOIN_CHALLENGE = graphql(`
  mutation JoinChallenge($input: JoinChallengeInput!) {
    joinChallenge(input: $input) {
      __typename
      ...ChallengeFields
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const LEAVE_CHALLENGE = graphql(`
  mutation LeaveChallenge($input: LeaveChallengeInput!) {
    leaveChallenge(input: $input) { __typename ...ChallengeFields ... on Error { code message } }
  }
`);

export const IMPORT_ACTIVITY = graphql(`
  mutation ImportActivity($input: ImportActivityInput!) {
    importActivity(input: $input) {
      __typename
      ...ChallengeFields
      ... on Challenge { leaderboard(first: 10) { edges { node { rank athleteId distanceMetres progress } } } }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const REMOVE_ACTIVITY = graphql(`
  mutation RemoveActivity($input: RemoveActivityInput!) {
    removeActivity(input: $input) { __typename ...ChallengeFields ... on Error { code message } }
  }
`);

export const CHALLENGE = graphql(`
  query Challenge($id: ID, $slug: String, $category: ChallengeCategory! = OVERALL, $first: Int, $after: String) {
    challenge(id: $id, slug: $slug) {
      ...ChallengeFields
      competitors { athleteId athleteName category }
      leaderboard(category: $category, first: $first, after: $after) {
        edges { cursor node { rank athleteId athleteName distanceMetres movingTimeSeconds elevationMetres activityCount progress } }
        pageInfo { hasNextPage endCursor }
      }
      activityFeed(first: 10) { edges { node { id athleteId athleteName distanceMetres } } }
      activities { id athleteId }
    }
  }
`);

export const CHALLENGES = graphql(`
  query Challenges($status: ChallengeStatus) {
    challenges(status: $status) { id status }
  }
`);

export const ATHLETE = graphql(`
  query Athlete($id: ID!) {
    athlete(id: $id) { id name category }
  }
`);

export const LEADERBOARD_CHANGED = graphql(`
  subscription LeaderboardChanged($challengeId: ID!, $category: ChallengeCategory! = OVERALL, $after: String) {
    leaderboardChanged(challengeId: $challengeId, category: $category, after: $after) {
      position
      rankings { rank athleteId distanceMetres activityCount }
      newPositions { athleteId rank }
      positionsGained { athleteId rank previousRank places }
      positionsLost { athleteId rank previousRank places }
    }
  }
`);

export const RANK_CHANGED = graphql(`
  subscription RankChanged($challengeId: ID!, $athleteId: ID!) {
    rankChanged(challengeId: $challengeId, athleteId: $athleteId) { athleteId rank previousRank position }
  }
`);

export const NOTIFICATIONS = graphql(`
  query Notifications($athleteId: ID!, $first: Int, $after: String, $unreadOnly: Boolean! = false) {
    notifications(athleteId: $athleteId, first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges { cursor node { id challengeId category message rank placesLost readAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ACKNOWLEDGE_NOTIFICATION = graphql(`
  mutation AcknowledgeNotification($id: ID!) {
    acknowledgeNotification(id: $id) {
      __typename
      ... on Notification { id readAt }
      ... on Error { code message }
    }
  }
`);

export const NOTIFICATION_RECEIVED = graphql(`
  subscription NotificationReceived($athleteId: ID!) {
    notificationReceived(athleteId: $athleteId) { id message rank placesLost }
  }
`);
