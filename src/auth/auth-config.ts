/** How bearer tokens are verified: an HS256 secret or a JWKS URL, with optional issuer and audience checks. */
export interface AuthConfig {
  secret?: string | undefined;
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** Refuse tokens without `exp` (production: a token that never expires is never safe to hand out). */
  requireExpiry?: boolean | undefined;
  /** Refuse tokens valid for longer than this from their `iat` (production default: a day). */
  maxTokenLifetimeSeconds?: number | undefined;
  /** Appended to a refused token's message: what to do instead (the development secret says where tokens come from). */
  refusedTokenHint?: string | undefined;
}

/** HS256 keys shorter than the hash are guessable (RFC 7518 §3.2). */
const MIN_SECRET_LENGTH = 32;

const PRODUCTION_MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const production = env.NODE_ENV === 'production';
  const config: AuthConfig = {
    secret: env.AUTH_SECRET || undefined,
    jwksUrl: env.AUTH_JWKS_URL || undefined,
    issuer: env.AUTH_ISSUER || undefined,
    audience: env.AUTH_AUDIENCE || undefined,
    requireExpiry: production,
    maxTokenLifetimeSeconds:
      maxTokenLifetime(env.AUTH_MAX_TOKEN_LIFETIME_SECONDS) ?? (production ? PRODUCTION_MAX_TOKEN_LIFETIME_SECONDS : undefined),
  };
  if (config.secret && config.jwksUrl) throw new Error('Set AUTH_SECRET or AUTH_JWKS_URL, not both');
  if (config.secret !== undefined && config.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
  }
  if (config.jwksUrl !== undefined && !URL.canParse(config.jwksUrl)) throw new Error(`AUTH_JWKS_URL is not a URL: "${config.jwksUrl}"`);
  return config;
}

function maxTokenLifetime(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds <= 0)
    throw new Error(`AUTH_MAX_TOKEN_LIFETIME_SECONDS must be a positive integer, got "${value}"`);
  return seconds;
}

export function authConfigured(config: AuthConfig): boolean {
  return Boolean(config.secret || config.jwksUrl);
}
