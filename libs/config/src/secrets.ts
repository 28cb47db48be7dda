import { createHash, timingSafeEqual } from 'node:crypto';

/** Shortest HS256 secret production accepts: RFC 7518 §3.2 wants a key of at least the hash size (256 bits). */
export const MIN_PRODUCTION_SECRET_BYTES = 32;

/**
 * Fewest distinct characters a production secret may have. 32 bytes of `a` pass a length check
 * with no key material at all (issue 14); a random hex secret has 16, base64 about 25.
 */
export const MIN_PRODUCTION_SECRET_DISTINCT_CHARACTERS = 10;

/**
 * Why a secret is too weak for production, or null: shorter than
 * {@link MIN_PRODUCTION_SECRET_BYTES}, fewer than {@link MIN_PRODUCTION_SECRET_DISTINCT_CHARACTERS}
 * distinct characters, or a shorter string repeated (`abcdefgh` × 4). A check of the obvious, not a
 * strength estimate: generate secrets with e.g. `openssl rand -base64 48`.
 */
export function weakSecretProblem(secret: string): string | null {
  if (Buffer.byteLength(secret, 'utf8') < MIN_PRODUCTION_SECRET_BYTES) return `must be at least ${MIN_PRODUCTION_SECRET_BYTES} bytes in production`;
  const characters = [...secret];
  const distinct = new Set(characters).size;
  if (distinct < MIN_PRODUCTION_SECRET_DISTINCT_CHARACTERS) {
    return `has ${distinct} distinct character${distinct === 1 ? '' : 's'}, fewer than ${MIN_PRODUCTION_SECRET_DISTINCT_CHARACTERS}: use a random value (e.g. openssl rand -base64 48) in production`;
  }
  // A period p < length that divides the text: the secret is one shorter string repeated.
  for (let period = 1; period <= characters.length / 2; period += 1) {
    if (characters.length % period === 0 && characters.every((character, index) => character === characters[index % period])) {
      return 'is a shorter string repeated: use a random value (e.g. openssl rand -base64 48) in production';
    }
  }
  return null;
}

/** Equal-length digests, so the comparison takes the same time whatever the guess. */
const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * A check of `Authorization: Bearer <token>` headers against one expected token, in constant
 * time (both sides hashed to equal length first). Used by the API's and the recommender's
 * `/metrics` (METRICS_TOKEN).
 */
export function bearerTokenCheck(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    return Boolean(match?.[1]) && timingSafeEqual(digest(match?.[1] ?? ''), expected);
  };
}
