/**
 * Copies of secrets that are certainly different: the kind "a tampered credential that is not tampered".
 *
 * A test that forges a token, signature or key by overwriting characters with a fixed one (`slice(0, -1) + 'x'`) passes
 * through unchanged whenever the original already held that character there (1 time in 64 for base64url), and the
 * "forged" credential is accepted. The end of base64url text is also a trap: its last character carries padding
 * bits a decoder may ignore, so changing it can leave the bytes equal. These helpers change a character in the
 * middle, always to a different one, and check that the copy differs.
 */

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * `text` with the character at `index` replaced by another base64url character (never itself).
 * @throws RangeError when `index` is outside `text`.
 */
export function withCharacterChanged(text: string, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= text.length) throw new RangeError(`index ${index} is outside a text of ${text.length} characters`);
  const current = text[index] as string;
  const position = BASE64URL.indexOf(current);
  const replacement = BASE64URL[(position + 1) % BASE64URL.length] as string; // position -1 (not base64url) gives 'A'
  const changed = `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
  if (changed === text) throw new Error('withCharacterChanged made no change');
  return changed;
}

/** A compact JWS (header.payload.signature) whose signature differs in its middle character: never valid. */
export function withSignatureTampered(token: string): string {
  const start = token.lastIndexOf('.') + 1;
  if (start === 0 || start >= token.length) throw new RangeError('not a compact JWS: no signature part');
  return withCharacterChanged(token, start + Math.floor((token.length - start) / 2));
}

/** A secret of any alphabet with its middle character changed. */
export function withMiddleChanged(secret: string): string {
  return withCharacterChanged(secret, Math.floor(secret.length / 2));
}
