import type { AuthConfig } from '../../src/auth/auth-config.js';
import { ADMIN_ROLE } from '../../src/auth/admin-role.js';
import { signToken } from '../../src/auth/sign-token.js';
import type { Actor } from '../../src/es/actor.js';

/** The HS256 secret every test app verifies tokens with. */
export const TEST_AUTH: AuthConfig = { secret: 'chronicle-test-secret-0123456789abcdef' };

/** Who a test request without a token is, unless the test app says otherwise: a user with the admin role. */
export const TEST_ACTOR: Actor = { subject: 'test-admin', roles: [ADMIN_ROLE] };

export function userActor(subject: string): Actor {
  return { subject, roles: [] };
}

export function adminActor(subject: string): Actor {
  return { subject, roles: [ADMIN_ROLE] };
}

/** A token for `actor`, signed for the test apps' auth. */
export function tokenFor(actor: Actor, options: { expiresIn?: string } = {}): Promise<string> {
  return signToken(TEST_AUTH, actor, options);
}

/** `{ authorization: 'Bearer …' }` for `actor`: HTTP headers, or graphql-ws connection params. */
export async function authorizationFor(actor: Actor): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await tokenFor(actor)}` };
}
