import { GraphQLError } from 'graphql';
import type { Authenticator } from '../auth/authenticator.js';
import type { Actor } from '../es/actor.js';
import { DomainError } from '../es/domain-error.js';

/** The actor of an HTTP request's Authorization header; a refused token fails the whole request with 401. */
export async function requestActor(authenticator: Authenticator, request: Request): Promise<Actor | undefined> {
  try {
    return await authenticator.authenticate(request.headers.get('authorization'));
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, {
      extensions: {
        code: error.code,
        http: { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' } },
      },
    });
  }
}
