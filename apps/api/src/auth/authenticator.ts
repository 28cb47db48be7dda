import { createSecretKey, type KeyObject } from 'node:crypto';

import { createRemoteJWKSet, errors as joseErrors, type JWTPayload, jwtVerify, SignJWT } from 'jose';

import { normaliseDisplayName } from '@roundtable/domain';

import type { AppConfig } from '../config/config';

const PROFILE_ID_PATTERN = /^[A-Za-z0-9_.:@|-]{1,128}$/;

/**
 * The id prefix of a ModerationAppeal (`appeal:<notice UUID>`): the one derived id whose alphabet
 * a profile id shares, so a profile id never has that shape (issue 15, item 9).
 */
export const APPEAL_ID_PREFIX = 'appeal:';
const DERIVED_ID_PATTERN = /^appeal:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a verified bearer token says: who, until when, and for how long it was issued. */
export interface VerifiedToken {
  readonly profileId: string;
  /** The token's `name` claim, used to create the profile on first sign-in. */
  readonly name: string | null;
  /** When the token stops being valid (epoch ms, from `exp`). */
  readonly expiresAt: number;
  /** `exp − iat` (or `exp − now` when `iat` is absent), in seconds. */
  readonly lifetimeSeconds: number;
}

/**
 * The signed-in profile. `isStaff` comes from the server's staff record (`staff_roles`), read
 * when it is asked, never from the token's `roles` claim (issue 14).
 */
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

/**
 * Whether `id` may be a profile id: 1–128 of letters, digits and `_.:@|-`, and not the shape of
 * another type's derived id (`appeal:<UUID>`). A UUID may be a profile id (identity providers
 * issue them); that it names no other object is checked against the database when the profile is
 * first seen (`ProfilesService.ensureProfile`).
 */
export function isValidProfileId(id: string): boolean {
  return PROFILE_ID_PATTERN.test(id) && !isDerivedId(id);
}

/** Whether `id` has the shape of a derived id (`appeal:<UUID>`, a ModerationAppeal's), never a profile's. */
export function isDerivedId(id: string): boolean {
  return DERIVED_ID_PATTERN.test(id);
}

/** Verified tokens kept at most (oldest first out), and for how long at most, in ms. */
export const VERIFIED_TOKENS_KEPT = 10_000;
export const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Longer tokens are verified every time (never kept): bounds what the cache can hold. */
const MAX_KEPT_TOKEN_LENGTH = 4096;

/**
 * Verifies bearer JWTs: HS256 with AUTH_JWT_SECRET, or RS256 against AUTH_JWKS_URL for a real
 * identity provider.
 *
 * A token that verified is kept (by its exact text) for at most {@link VERIFIED_TOKEN_TTL_MS}
 * and never past its `exp`, so a client repeating its token pays for the signature check once a
 * minute, not per request (issue 9). Only successes are kept: a token that fails is checked
 * again every time. The claims of a kept token cannot change (they are its text); what a
 * request may do is still decided per request (suspensions, roles in rooms, rate limits). With
 * AUTH_JWKS_URL, a key the provider withdraws stops being trusted for new tokens at once and for
 * tokens already seen within the minute.
 */
export class Authenticator {
  /** AUTH_JWT_SECRET as a key object, made once (jose would import raw bytes on every verify). */
  private readonly secret: KeyObject;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;
  private readonly verified = new Map<string, { readonly viewer: VerifiedToken; readonly until: number }>();
  private checks = 0;

  /** @param now the clock (epoch ms), for tests; `jose` itself reads the system clock. */
  constructor(
    private readonly config: AppConfig['auth'],
    private readonly now: () => number = Date.now,
  ) {
    this.secret = createSecretKey(new TextEncoder().encode(config.jwtSecret));
    this.jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  }

  /** How many times a signature was really checked (not answered from the kept tokens). */
  get signatureChecks(): number {
    return this.checks;
  }

  /**
   * What a bearer token says, once its signature, expiry and claims are checked.
   * @throws AuthenticationError when the token is invalid, expired, issued for longer than
   *   AUTH_MAX_TOKEN_LIFETIME_SECONDS, or its claims are malformed.
   */
  async verify(token: string): Promise<VerifiedToken> {
    const now = this.now();
    const kept = this.verified.get(token);
    if (kept) {
      if (now < kept.until) return kept.viewer;
      this.verified.delete(token);
      if (now >= kept.viewer.expiresAt) throw new AuthenticationError('The bearer token has expired');
    }
    const viewer = await this.verifySignature(token);
    if (token.length <= MAX_KEPT_TOKEN_LENGTH) {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value as string);
      this.verified.set(token, { viewer, until: Math.min(now + VERIFIED_TOKEN_TTL_MS, viewer.expiresAt) });
    }
    return viewer;
  }

  private async verifySignature(token: string): Promise<VerifiedToken> {
    this.checks += 1;
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
    // A token issued for ten years outlives any right it was meant to carry (issue 14). Measured
    // from iat, and never from later than now: an `iat` in the future must not hide a far `exp`.
    const nowSeconds = this.now() / 1000;
    const issuedAt = typeof payload.iat === 'number' && Number.isFinite(payload.iat) ? Math.min(payload.iat, nowSeconds) : nowSeconds;
    const lifetimeSeconds = payload.exp - issuedAt;
    if (lifetimeSeconds > this.config.maxTokenLifetimeSeconds) {
      throw new AuthenticationError(
        `The bearer token lives ${Math.round(lifetimeSeconds)} s, longer than the ${this.config.maxTokenLifetimeSeconds} s this server accepts (AUTH_MAX_TOKEN_LIFETIME_SECONDS)`,
      );
    }
    const rawName = payload['name'];
    if (rawName !== undefined && rawName !== null && typeof rawName !== 'string') {
      throw new AuthenticationError('The bearer token\'s `name` claim must be a string');
    }
    // Control characters (NUL cannot be stored in PostgreSQL text) are dropped and the name is
    // cut by user-perceived characters, so a claim never fails a request or ends in U+FFFD.
    const name = typeof rawName === 'string' ? normaliseDisplayName(rawName, MAX_CLAIMED_NAME_LENGTH) : null;
    // Still validated (a malformed claim is refused), but it grants nothing: staff rights come
    // from the staff_roles record only (issue 14).
    const roles: unknown = payload['roles'] ?? [];
    if (!Array.isArray(roles) || !roles.every((role): role is string => typeof role === 'string')) {
      throw new AuthenticationError('The bearer token\'s `roles` claim must be an array of strings');
    }
    return { profileId: sub, name, expiresAt: payload.exp * 1000, lifetimeSeconds };
  }
}

/**
 * Signs a development token (HS256), for `npm run token`, the demo seed and tests. Its `roles`
 * claim is informational: staff rights come from the staff_roles record.
 *
 * `iat` and `exp` come from one reading of the clock, so the token lives exactly `expiresIn`:
 * jose's `setIssuedAt()` and `setExpirationTime('30d')` each read the clock, and a second boundary
 * between them made a 30-day token live 2,592,001 s, one more than the longest this server accepts
 * (a flaky test under load).
 * @param expiresIn a lifetime: whole seconds, or a count and a unit (`30s`, `15m`, `12h`, `30d`, `1w`).
 * @throws RangeError for any other lifetime.
 */
export async function signDevelopmentToken(
  secret: string,
  claims: { sub: string; name?: string; roles?: string[] },
  expiresIn: string | number = '30d',
): Promise<string> {
  const lifetime = lifetimeSeconds(expiresIn);
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: claims.name, roles: claims.roles ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(new TextEncoder().encode(secret));
}

const LIFETIME_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 7 * 86_400 };

/**
 * A token lifetime in seconds: a positive whole number of seconds, or `<count><unit>` with unit
 * s, m, h, d or w (e.g. `90s`, `12h`, `30d`).
 * @throws RangeError for anything else.
 */
export function lifetimeSeconds(expiresIn: string | number): number {
  if (typeof expiresIn === 'number') {
    if (Number.isSafeInteger(expiresIn) && expiresIn > 0) return expiresIn;
  } else {
    const match = /^\s*(\d{1,9})\s*([smhdw]?)\s*$/i.exec(expiresIn);
    const unit = LIFETIME_UNITS[(match?.[2] || 's').toLowerCase()];
    if (match?.[1] && unit && Number(match[1]) > 0) return Number(match[1]) * unit;
  }
  throw new RangeError(`a token lifetime is a positive count of s, m, h, d or w (e.g. 30d), not ${JSON.stringify(expiresIn)}`);
}
