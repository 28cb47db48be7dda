import { withCharacterChanged, withMiddleChanged, withSignatureTampered } from './tamper';

describe('kind: a tampered credential that is not tampered (tamper helpers)', () => {
  it('the given case: a JWS whose second-to-last character is already the replacement still changes', () => {
    // The old spec wrote 'A' over the second-to-last character unless the token ended in 'A': a token like this one passed unchanged.
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrZXB0LWQifQ.abcdefghijklmnopqrstuvwxyz0123456789-_xyzAq';
    const tampered = withSignatureTampered(token);
    expect(tampered).not.toBe(token);
    expect(tampered.split('.').slice(0, 2)).toEqual(token.split('.').slice(0, 2));
    expect(tampered.length).toBe(token.length);
  });

  it('a variant: every base64url character, and a character outside the alphabet, is replaced by another', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~';
    for (const character of alphabet) {
      const text = `ab${character}cd`;
      expect(withMiddleChanged(text)).not.toBe(text);
      expect(withMiddleChanged(text)).toHaveLength(text.length);
    }
    expect(() => withCharacterChanged('abc', 3)).toThrow(RangeError);
    expect(() => withSignatureTampered('no-dots')).toThrow(RangeError);
  });
});
