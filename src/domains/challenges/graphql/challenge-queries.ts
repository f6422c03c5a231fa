import { GraphQLError } from 'graphql';
import { everyone } from '../../../es/index.js';
import { builder } from '../../../graphql/builder.js';
import { findChallenge, listChallenges } from './challenge-reads.js';
import { ChallengeStatusEnum, ChallengeType } from './challenge-type.js';

builder.queryFields((t) => ({
  challenge: t.field({
    access: everyone,
    type: ChallengeType,
    nullable: true,
    description: 'A challenge by id or by slug (exactly one of them); null when there is none.',
    args: { id: t.arg.id(), slug: t.arg.string() },
    resolve: (_root, { id, slug }, ctx) => {
      if ((id == null) === (slug == null)) {
        throw new GraphQLError('Give exactly one of "id" and "slug"', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      return findChallenge(ctx, { id: id == null ? null : String(id), slug });
    },
  }),
  challenges: t.field({
    access: everyone,
    type: [ChallengeType],
    description: 'Challenges, optionally of one status, soonest start first.',
    args: { status: t.arg({ type: ChallengeStatusEnum }) },
    resolve: (_root, { status }, ctx) => listChallenges(ctx, status),
  }),
}));
