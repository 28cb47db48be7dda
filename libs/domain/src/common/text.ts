/**
 * Length in Unicode code points, not UTF-16 units, so an emoji counts as one character: that is
 * what people see, and what PostgreSQL's `varchar(n)` counts.
 */
export function textLength(text: string): number {
  let length = 0;
  // Iterating a string walks code points; `.length` would count surrogate halves.
  for (const _ of text) length += 1;
  return length;
}

/** Trims and collapses runs of whitespace, for single-line names. */
export function collapseWhitespace(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** C0 and C1 control characters (NUL, ESC, DEL, ...) and the Unicode line/paragraph separators. */
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/gu;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest prefix of `text` that ends on a user-perceived character boundary (a grapheme
 * cluster, per Intl.Segmenter) and holds at most `maxCodePoints` code points, the unit
 * PostgreSQL's `varchar(n)` counts. So a cut never falls inside an emoji, a flag or a letter
 * with combining marks (which, stored, would end in U+FFFD), and the result always fits the
 * column: 79 × "a" + "😀" (80 code points) is kept whole; a 7-code-point family emoji that would
 * overflow is dropped whole.
 */
export function truncateGraphemes(text: string, maxCodePoints: number): string {
  if (textLength(text) <= maxCodePoints) return text;
  let result = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = textLength(segment);
    if (used + size > maxCodePoints) break;
    result += segment;
    used += size;
  }
  return result;
}

/**
 * A single-line display name from an untrusted source (a token claim): control characters
 * removed, whitespace collapsed, cut at a user-perceived character boundary; null when
 * nothing is left. `maxLength` counts code points, as {@link truncateGraphemes} does.
 */
export function normaliseDisplayName(raw: string, maxLength: number): string | null {
  const text = truncateGraphemes(collapseWhitespace(raw.replace(CONTROL_CHARACTERS, ' ')), maxLength).trim();
  return text === '' ? null : text;
}
