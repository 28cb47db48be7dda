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
 * The first `maxCharacters` user-perceived characters (grapheme clusters) of `text`: never cuts
 * inside an emoji, a flag or a letter with combining marks, so the result never ends in a
 * broken surrogate (U+FFFD once stored).
 */
export function truncateGraphemes(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  let result = '';
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (count === maxCharacters) break;
    result += segment;
    count += 1;
  }
  return result;
}

/**
 * A single-line display name from an untrusted source (a token claim): control characters
 * removed, whitespace collapsed, cut to `maxCharacters` user-perceived characters; null when
 * nothing is left.
 */
export function normaliseDisplayName(raw: string, maxCharacters: number): string | null {
  const text = truncateGraphemes(collapseWhitespace(raw.replace(CONTROL_CHARACTERS, ' ')), maxCharacters).trim();
  return text === '' ? null : text;
}
