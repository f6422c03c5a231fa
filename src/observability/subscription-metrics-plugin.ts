import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { ChronicleMetrics, SubscriptionTransport } from './metrics.js';
import { onEnd } from './on-end.js';

/** Keeps `chronicle_subscriptions_open` current: up when a subscription starts streaming, down when it ends for any reason. */
export function useSubscriptionMetrics(metrics: ChronicleMetrics): Plugin {
  return {
    onSubscribe({ args }) {
      // The WebSocket server hands Yoga its socket; HTTP subscriptions (SSE) come with a Fetch request only.
      const transport: SubscriptionTransport = 'socket' in (args.contextValue as object) ? 'websocket' : 'http';
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable(result)) return;
          metrics.openSubscriptions.inc({ transport });
          setResult(onEnd(result, () => metrics.openSubscriptions.dec({ transport })));
        },
      };
    },
  };
}
