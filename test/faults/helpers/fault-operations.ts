import { graphql } from '../../gql/index.js';

/** Where each runtime stands on one instance: LIVE (or catching up) where it leads, STANDBY elsewhere. */
export const RUNTIME_STATES = graphql(`
  query RuntimeStatesOfInstance {
    projections { name kind status checkpoint head lag }
  }
`);

export const REBUILD_PROJECTION = graphql(`
  mutation RebuildAfterFault($name: String!) {
    rebuildProjection(name: $name) { __typename ... on Projection { name status } }
  }
`);
