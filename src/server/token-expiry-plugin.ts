import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { tokenExpiry } from '../auth/token-expiry.js';
import { endAtExpiry } from './end-at-expiry.js';
import { tokenExpiredError } from './token-expired.js';

interface TokenContext {
  /** Over HTTP (SSE, multipart): the request, whose Authorization header the authenticator accepted. */
  request?: Request;
  /** Set by the WebSocket server: when the operation's token expires (null: the socket's own clock ends it). */
  tokenExpiresAt?: number | null;
}

/**
 * A subscription ends when the token that opened it expires: a last result carrying an
 * UNAUTHENTICATED error, then the end of the stream. Queries and mutations authenticate each request.
 */
export function useTokenExpiry(): Plugin {
  return {
    onSubscribe({ args }) {
      const context = args.contextValue as TokenContext;
      const expiresAt =
        context.tokenExpiresAt !== undefined ? context.tokenExpiresAt : tokenExpiry(context.request?.headers.get('authorization'));
      if (expiresAt === null || expiresAt === undefined) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result))
            setResult(endAtExpiry<ExecutionResult>(result, expiresAt, () => ({ errors: [tokenExpiredError()] })));
        },
      };
    },
  };
}
