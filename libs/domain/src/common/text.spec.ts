import { normaliseDisplayName, truncateGraphemes } from './text';

describe('text from untrusted sources', () => {
  it('cuts at user-perceived character boundaries, never inside one, within a code-point budget', () => {
    // The case: 79 × "a" + "😀" is 80 characters, 81 UTF-16 units.
    const name = `${'a'.repeat(79)}😀`;
    expect(truncateGraphemes(name, 80)).toBe(name);
    expect(truncateGraphemes(`${name}b`, 80)).toBe(name);
    // A family emoji is one character of 7 code points: it fits whole or not at all.
    expect(truncateGraphemes(`${'a'.repeat(73)}👩‍👩‍👧‍👦x`, 80)).toBe(`${'a'.repeat(73)}👩‍👩‍👧‍👦`);
    expect(truncateGraphemes(`${'a'.repeat(79)}👩‍👩‍👧‍👦x`, 80)).toBe('a'.repeat(79));
    expect(truncateGraphemes(`${'a'.repeat(80)}😀`, 80)).toBe('a'.repeat(80));
    expect(truncateGraphemes('🇩🇪🇫🇷', 3)).toBe('🇩🇪');
    expect(truncateGraphemes('🇩🇪🇫🇷', 1)).toBe('');
    expect(truncateGraphemes('e\u0301e\u0301', 3)).toBe('e\u0301');
  });

  it('drops control characters, collapses whitespace, and gives null for nothing left', () => {
    expect(normaliseDisplayName('Ada\u0000 Love\u0007lace', 80)).toBe('Ada Love lace');
    expect(normaliseDisplayName('  Grace\n\tHopper  ', 80)).toBe('Grace Hopper');
    expect(normaliseDisplayName('\u0000\u0001 ', 80)).toBeNull();
    expect(normaliseDisplayName(`${'a'.repeat(79)}😀😀`, 80)).toBe(`${'a'.repeat(79)}😀`);
  });
});
