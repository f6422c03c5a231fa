import type { Plugin } from 'graphql-yoga';

export const REQUEST_ID_HEADER = 'x-request-id';

const ACCEPTABLE = /^[\w.:-]{1,128}$/;
const ids = new WeakMap<Request, string>();

/** The caller's own id when it is a sane token, otherwise a fresh one: it ends up in logs verbatim. */
export function newRequestId(candidate?: string | null): string {
  return candidate && ACCEPTABLE.test(candidate) ? candidate : crypto.randomUUID();
}

/** The id of an HTTP request, fixed on first use. */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (id === undefined) {
    id = newRequestId(request.headers.get(REQUEST_ID_HEADER));
    ids.set(request, id);
  }
  return id;
}

/** Answers every HTTP request with its id, so a client can quote it when reporting an error. */
export function useRequestId(): Plugin {
  return {
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, requestIdOf(request));
    },
  };
}
