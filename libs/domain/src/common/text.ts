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
