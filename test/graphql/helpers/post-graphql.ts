import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';

/** Sends one operation to a real server over HTTP; returns the response, its raw text and the parsed result. */
export async function postGraphQL<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables?: Variables,
  headers: Record<string, string> = {},
): Promise<{ response: Response; text: string; result: ExecutionResult<Result> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const text = await response.text();
  return { response, text, result: JSON.parse(text) as ExecutionResult<Result> };
}
