import { graphql } from '../../gql/index.js';

/** The operations the arena tests send, as a client would write them (typed by `npm run codegen`). */
export const RECORD_KILL = graphql(`
  mutation RecordKill($input: RecordKillInput!) {
    recordKill(input: $input) {
      __typename
      ... on ArenaScore { attacker kills rank }
      ... on ValidationError { code fields { path message } }
    }
  }
`);

export const COMPLETE_WEEK = graphql(`
  mutation CompleteWeek($arenaId: String!) {
    completeWeek(arenaId: $arenaId) {
      __typename
      ... on Arena { id week currentWeek completed top10 { attacker kills rank } }
      ... on Error { code message }
    }
  }
`);

export const ARENA = graphql(`
  query Arena($id: String!, $week: Int, $attacker: String!) {
    arena(id: $id, week: $week) {
      id week currentWeek completed
      top10 { attacker kills rank }
      score(attacker: $attacker) { attacker kills rank }
    }
  }
`);

export const ARENA_TOP10_CHANGED = graphql(`
  subscription ArenaTop10Changed($arenaId: String!) {
    arenaTop10Changed(arenaId: $arenaId) { arenaId week top10 { attacker kills rank } }
  }
`);
