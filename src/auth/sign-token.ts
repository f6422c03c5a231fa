import { SignJWT } from 'jose';
import type { Actor } from '../es/index.js';
import type { AuthConfig } from './auth-config.js';

export interface SignOptions {
  /** A jose time span: '12h', '30d', ... */
  expiresIn?: string;
}

/** An HS256 token for `actor`, with the issuer and audience the server checks. Needs the shared secret. */
export function signToken(config: AuthConfig, actor: Actor, { expiresIn = '12h' }: SignOptions = {}): Promise<string> {
  if (!config.secret) throw new Error('Signing a token needs AUTH_SECRET (tokens of a JWKS setup come from their identity provider)');
  let jwt = new SignJWT({ roles: [...actor.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.subject)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (config.issuer) jwt = jwt.setIssuer(config.issuer);
  if (config.audience) jwt = jwt.setAudience(config.audience);
  return jwt.sign(new TextEncoder().encode(config.secret));
}
