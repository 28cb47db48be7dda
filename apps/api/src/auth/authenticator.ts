import { createRemoteJWKSet, errors as joseErrors, type JWTPayload, jwtVerify, SignJWT } from 'jose';

import type { AppConfig } from '../config/config';

export const STAFF_ROLE = 'trust_safety';
const PROFILE_ID_PATTERN = /^[A-Za-z0-9_.:@|-]{1,128}$/;

/** The signed-in profile, as its bearer token describes it. */
export interface AuthenticatedViewer {
  readonly profileId: string;
  /** The token's `name` claim, used to create the profile on first sign-in. */
  readonly name: string | null;
  readonly isStaff: boolean;
}

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

/** Reads `Bearer <token>`; returns null when there is no such header. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export function isValidProfileId(id: string): boolean {
  return PROFILE_ID_PATTERN.test(id);
}

/**
 * Verifies bearer JWTs: HS256 with AUTH_JWT_SECRET, or RS256 against AUTH_JWKS_URL for a real
 * identity provider.
 */
export class Authenticator {
  private readonly secret: Uint8Array;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(private readonly config: AppConfig['auth']) {
    this.secret = new TextEncoder().encode(config.jwtSecret);
    this.jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  }

  async verify(token: string): Promise<AuthenticatedViewer> {
    let payload: JWTPayload;
    try {
      const options = {
        ...(this.config.issuer ? { issuer: this.config.issuer } : {}),
        ...(this.config.audience ? { audience: this.config.audience } : {}),
      };
      payload = this.jwks
        ? (await jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256'] })).payload
        : (await jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] })).payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('The bearer token has expired');
      throw new AuthenticationError('The bearer token is invalid');
    }
    const sub = payload.sub;
    if (typeof sub !== 'string' || !isValidProfileId(sub)) {
      throw new AuthenticationError('The bearer token has no valid `sub` claim');
    }
    const name = typeof payload['name'] === 'string' ? payload['name'].trim().slice(0, 80) : null;
    const roles = Array.isArray(payload['roles']) ? payload['roles'] : [];
    return { profileId: sub, name: name || null, isStaff: roles.includes(STAFF_ROLE) };
  }
}

/** Signs a development token (HS256), for `npm run token`, the demo seed and tests. */
export async function signDevelopmentToken(
  secret: string,
  claims: { sub: string; name?: string; roles?: string[] },
  expiresIn = '30d',
): Promise<string> {
  return new SignJWT({ name: claims.name, roles: claims.roles ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
