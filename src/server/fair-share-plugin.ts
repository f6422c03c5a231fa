import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { type Actor, spendingFrom, withReplayBudget } from '../es/index.js';
import { onEnd } from '../observability/on-end.js';
import type { FairShare } from './fair-share.js';

/**
 * Every subscription, over WebSocket or SSE (both run through Yoga's envelope), counts against its
 * actor's share and runs under its own replay budget until it ends. Past the share it is refused
 * with TOO_MANY_SUBSCRIPTIONS. Without a token, the share is the client address's.
 */
export function useFairShare(share: FairShare): Plugin {
  return {
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      setSubscribeFn(async (subscribeArgs) => {
        const budget = share.open(shareHolder(args.contextValue as { actor?: Actor; req?: IncomingMessage }));
        if (!budget) return { errors: [tooManySubscriptions(share.limits.subscriptionsPerActor)] };
        try {
          const result = await withReplayBudget(budget, () => subscribeFn(subscribeArgs));
          if (!isAsyncIterable(result)) {
            budget.close();
            return result;
          }
          return onEnd(spendingFrom(budget, result), () => budget.close());
        } catch (error) {
          budget.close();
          throw error;
        }
      });
    },
  };
}

/** Who a share belongs to: the actor, or without one the address the request came from. */
function shareHolder({ actor, req }: { actor?: Actor; req?: IncomingMessage }): string {
  return actor ? `actor:${actor.subject}` : `address:${req?.socket?.remoteAddress ?? 'unknown'}`;
}

function tooManySubscriptions(limit: number): GraphQLError {
  return new GraphQLError(`At most ${limit} subscriptions may be open at once for one user (or one address without a token)`, {
    extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
  });
}
