// A graphql-ws client whose subscriptions resume by themselves: plain ESM JavaScript, no build and no
// dependency of its own, so Node (with `ws`) and the browser (the live page) use the same file. Types are in
// resuming-subscriptions.d.ts; how to use it is in clients/README.md.
//
// graphql-ws retries a lost connection by itself, but it sends each subscription's original payload again:
// a subscription started live (no `after`) comes back live and misses whatever committed while it was cut.
// Here each subscription remembers the `position` of the last result it delivered, and every subscribe
// message, the first and each one after a reconnect, carries `after: <that position>`; a result at or before
// that position is never delivered twice. Chronicle's subscriptions replay what the subscriber missed since
// `after`, then go live, so a reconnect loses nothing and repeats nothing.

/** Close codes after which subscribing again cannot help: the server refused the client or its messages. */
const FATAL_CLOSE_CODES = new Set([1002, 1003, 1007, 1008, 1009, 1010, 4004, 4005, 4400, 4401, 4403, 4406, 4409, 4429, 4500]);

/** Exponential backoff from half a second up to 15 s, with jitter so a crowd of clients does not return at once. */
export function defaultRetryWait(attempt) {
  const base = Math.min(15_000, 500 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
}

/** True when `a` is a later position than `b`. Positions travel as decimal strings, exact beyond 2^53. */
export function isLaterPosition(a, b) {
  return a.length === b.length ? a > b : a.length > b.length;
}

/** The `position` of a result's one root field (`{ data: { balanceUpdated: { position } } }`), if it has one. */
export function rootFieldPosition(result) {
  const data = result?.data;
  if (!data || typeof data !== 'object') return undefined;
  const [field] = Object.values(data);
  const position = field && typeof field === 'object' ? field.position : undefined;
  return typeof position === 'string' ? position : undefined;
}

/**
 * What went wrong, as the sink of a graphql-ws subscription reports it: an array of GraphQL errors (the server
 * refused the operation) and a fatal close code are final; anything else (a dropped socket, a failed connect)
 * is worth another try.
 */
export function isRetryable(error) {
  if (Array.isArray(error)) return false;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'number' && 'reason' in error) {
    return !FATAL_CLOSE_CODES.has(error.code);
  }
  return true;
}

/**
 * @param {typeof import('graphql-ws').createClient} createClient graphql-ws's createClient (in the browser,
 *   `graphqlWs.createClient` of its UMD build).
 * @param {object} options graphql-ws client options (`url`, `connectionParams`, `webSocketImpl`, `on`, ...), and:
 *   `retryAttempts` (default Infinity): reconnects in a row before the subscriptions fail;
 *   `retryWait(attempt)`: a promise that resolves when to try again (default: `defaultRetryWait`);
 *   `onStateChange(state)`: 'connecting', 'connected', 'reconnecting' or 'failed'.
 */
export function createResumingClient(createClient, options) {
  const { retryAttempts = Number.POSITIVE_INFINITY, retryWait = defaultRetryWait, onStateChange, on = {}, ...clientOptions } = options;
  let state = 'idle';
  let attempt = 0;
  let retryScheduled = false;
  let disposed = false;
  /** Subscriptions whose connection was lost, waiting for the next attempt. */
  const waiting = new Set();
  /** Every subscription not yet ended, to dispose of with the client. */
  const active = new Set();

  const setState = (next) => {
    if (state === next) return;
    state = next;
    onStateChange?.(next);
  };

  const client = createClient({
    ...clientOptions,
    // The retries are ours, so that each subscription is sent again with its own latest position.
    retryAttempts: 0,
    on: {
      ...on,
      connecting: (...args) => {
        if (state !== 'reconnecting') setState('connecting');
        on.connecting?.(...args);
      },
      connected: (...args) => {
        attempt = 0;
        setState('connected');
        on.connected?.(...args);
      },
    },
  });

  function scheduleRetry(error) {
    if (retryScheduled || disposed) return;
    if (attempt >= retryAttempts) {
      setState('failed');
      const failed = [...waiting];
      waiting.clear();
      for (const subscription of failed) subscription.fail(error);
      return;
    }
    retryScheduled = true;
    setState('reconnecting');
    Promise.resolve(retryWait(attempt++)).then(() => {
      retryScheduled = false;
      if (disposed) return;
      const resuming = [...waiting];
      waiting.clear();
      for (const subscription of resuming) subscription.start();
    });
  }

  /**
   * Subscribes; returns a function that ends the subscription.
   * @param request `{ query, variables, operationName, extensions }` as graphql-ws takes it. A `variables.after`
   *   given here is where the first subscribe starts.
   * @param sink `{ next(result), error(error), complete() }`: `next` gets each result once, in order.
   * @param subscriptionOptions `positionOf(result)` (default: the root field's `position`), `afterVariable`
   *   (default 'after'), `resumeOnComplete` (default false: a completed subscription stays complete; true for a
   *   subscription that never ends by itself, so that the server shutting down is one more reconnect).
   */
  function subscribe(request, sink, subscriptionOptions = {}) {
    const { positionOf = rootFieldPosition, afterVariable = 'after', resumeOnComplete = false } = subscriptionOptions;
    let last = request.variables?.[afterVariable] ?? undefined;
    let ended = false;
    let stop = () => {};

    const subscription = {
      start() {
        if (ended) return;
        // One payload object per attempt, whose variables move with every result: whatever sends it again
        // (graphql-ws itself does after a normal closure) sends the latest position.
        const payload = { ...request, variables: withAfter(request.variables, afterVariable, last) };
        let current = true;
        // A result with errors and no data is the server refusing to start (FORBIDDEN, `after` beyond the head):
        // the same request would be refused again, so the completion after it is final even with resumeOnComplete.
        let refused = false;
        stop = client.subscribe(payload, {
          next(result) {
            if (ended || !current) return;
            if (result?.errors && result.data == null) refused = true;
            const position = positionOf(result);
            if (position !== undefined) {
              if (last !== undefined && last !== null && !isLaterPosition(position, last)) return;
              last = position;
              payload.variables = withAfter(request.variables, afterVariable, last);
            }
            sink.next(result);
          },
          error(error) {
            if (ended || !current) return;
            current = false;
            if (isRetryable(error)) {
              waiting.add(subscription);
              scheduleRetry(error);
            } else {
              subscription.fail(error);
            }
          },
          complete() {
            if (ended || !current) return;
            current = false;
            if (resumeOnComplete && !disposed && !refused) {
              waiting.add(subscription);
              scheduleRetry(new Error('The subscription completed'));
              return;
            }
            ended = true;
            active.delete(subscription);
            sink.complete?.();
          },
        });
      },
      fail(error) {
        if (ended) return;
        ended = true;
        active.delete(subscription);
        sink.error?.(error);
      },
      end() {
        if (ended) return;
        ended = true;
        waiting.delete(subscription);
        active.delete(subscription);
        stop();
      },
      get position() {
        return last;
      },
    };
    active.add(subscription);
    subscription.start();
    return () => subscription.end();
  }

  return {
    subscribe,
    /** 'idle', 'connecting', 'connected', 'reconnecting' or 'failed'. */
    get state() {
      return state;
    },
    /** The graphql-ws client underneath (its `on` adds listeners). */
    client,
    /** Ends every subscription and closes the socket. */
    async dispose() {
      disposed = true;
      for (const subscription of [...active]) subscription.end();
      waiting.clear();
      await client.dispose();
    },
  };
}

function withAfter(variables, name, position) {
  if (position === undefined || position === null) return variables;
  return { ...variables, [name]: position };
}
