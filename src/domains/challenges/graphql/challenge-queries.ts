import { GraphQLError } from 'graphql';
import { builder } from '../../../graphql/builder.js';
import { ChallengeStatusEnum } from './challenge-enums.js';
import { challengeTables, findChallenge } from './challenge-reads.js';
import { ChallengeType } from './challenge-type.js';
import { everyone } from '../../../es/index.js';

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
    resolve: (_root, { status }, ctx) => {
      let query = challengeTables(ctx).selectFrom('challenges').selectAll();
      if (status != null) query = query.where('status', '=', status);
      return query.orderBy('start_date').orderBy('challenge_id').limit(500).execute();
    },
  }),
}));
