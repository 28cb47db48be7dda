import { createRemoteJWKSet, errors as joseErrors, type JWTPayload, jwtVerify, SignJWT } from 'jose';

import { normaliseDisplayName } from '@roundtable/domain';

import type { AppConfig } from '../config/config';

export const STAFF_ROLE = 'trust_safety';
const PROFILE_ID_PATTERN = /^[A-Za-z0-9_.:@|-]{1,128}$/;

/** The signed-in profile, as its bearer token describes it. */
export interface AuthenticatedViewer {
  readonly profileId: string;
  /** The token's `name` claim, used to create the profile on first sign-in. */
  readonly name: string | null;
  readonly isStaff: boolean;
  /**
   * When the token stops being valid (epoch ms, from `exp`): open sockets close then. Absent only
   * for viewers the server makes itself (the demo seed), never for a bearer token.
   */
  readonly expiresAt?: number;
}

/** Longest display name taken from a token, in code points (the profiles column is varchar(80)), cut only between user-perceived characters. */
export const MAX_CLAIMED_NAME_LENGTH = 80;

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
      // A token without `exp` would be valid forever (issue 6, fault 11): refuse it.
      const options = {
        requiredClaims: ['exp'],
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
    if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) {
      throw new AuthenticationError('The bearer token has no valid `exp` claim');
    }
    const rawName = payload['name'];
    if (rawName !== undefined && rawName !== null && typeof rawName !== 'string') {
      throw new AuthenticationError('The bearer token\'s `name` claim must be a string');
    }
    // Control characters (NUL cannot be stored in PostgreSQL text) are dropped and the name is
    // cut by user-perceived characters, so a claim never fails a request or ends in U+FFFD.
    const name = typeof rawName === 'string' ? normaliseDisplayName(rawName, MAX_CLAIMED_NAME_LENGTH) : null;
    const roles: unknown = payload['roles'] ?? [];
    if (!Array.isArray(roles) || !roles.every((role): role is string => typeof role === 'string')) {
      throw new AuthenticationError('The bearer token\'s `roles` claim must be an array of strings');
    }
    return { profileId: sub, name, isStaff: roles.includes(STAFF_ROLE), expiresAt: payload.exp * 1000 };
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
