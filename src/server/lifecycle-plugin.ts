import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { endOnAbort } from './end-on-abort.js';
import type { ServerLifecycle } from './lifecycle.js';

/** Counts running queries and mutations for the drain, and ends every subscription stream when told to. */
export function useLifecycle(lifecycle: ServerLifecycle): Plugin {
  return {
    instrumentation: {
      execute: (_payload, execute) => lifecycle.track(execute),
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable(result)) setResult(endOnAbort(result, lifecycle.subscriptionsEnd));
        },
      };
    },
  };
}
