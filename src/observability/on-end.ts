/**
 * `source`, calling `onEnd` exactly once when it ends by any route: it completes, it throws,
 * or the consumer returns early (a client unsubscribing or disconnecting).
 */
export function onEnd<T>(iterable: AsyncIterable<T>, onEnd: () => void): AsyncIterableIterator<T> {
  const source = iterable[Symbol.asyncIterator]();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const result = await source.next();
        if (result.done) end();
        return result;
      } catch (error) {
        end();
        throw error;
      }
    },
    async return(value?: unknown) {
      end();
      return (await source.return?.(value)) ?? { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      end();
      if (source.throw) return source.throw(error);
      throw error;
    },
  };
}
