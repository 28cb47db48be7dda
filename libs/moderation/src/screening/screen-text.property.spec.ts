import fc from 'fast-check';

import { screenText, ScreeningVerdict } from './screen-text';
import { INNOCENT_WORDS, REFUSED_EXAMPLES } from './screening.test-helper';
import { ScreeningTier } from './word-lists';

const RUNS = { numRuns: 400 };

/** Leetspeak substitutions people use (and obscenity's dictionary resolves). */
const LEET: Readonly<Record<string, readonly string[]>> = {
  a: ['4', '@'],
  e: ['3'],
  i: ['1', '!'],
  o: ['0'],
  s: ['5', '$'],
  t: ['7'],
  g: ['6'],
};

/** One character of a word, disguised: any case, maybe leetspeak, maybe repeated. */
const disguisedChar = (char: string): fc.Arbitrary<string> =>
  fc
    .record({
      upper: fc.boolean(),
      leet: fc.option(fc.constantFrom(...(LEET[char] ?? [char])), { nil: undefined }),
      repeat: fc.integer({ min: 1, max: 4 }),
      zeroWidth: fc.boolean(),
    })
    .map(({ upper, leet, repeat, zeroWidth }) => {
      const shown = leet ?? (upper ? char.toUpperCase() : char);
      return shown.repeat(repeat) + (zeroWidth ? '\u200b' : '');
    });

/** A refused term, disguised letter by letter, maybe spaced out, inside an innocent sentence. */
const disguisedRefusedTerm = fc
  .constantFrom(...REFUSED_EXAMPLES)
  .chain(([text, term]) =>
    fc
      .record({
        chars: fc.tuple(...[...text.replace(/ /g, '')].map(disguisedChar)),
        separator: fc.constantFrom('', ' ', '.', '-', ' . ', '*'),
        before: fc.constantFrom('', 'Welcome ', 'Q: why ', 'Great talk, '),
        after: fc.constantFrom('', ' today', '!', ', see you'),
      })
      .map(({ chars, separator, before, after }) => {
        // Multi-word terms keep their space when the letters are not spaced out.
        const word = separator === '' ? rejoinWords(text, chars) : chars.join(separator);
        return { sample: `${before}${word}${after}`, term };
      }),
  );

function rejoinWords(text: string, chars: readonly string[]): string {
  let index = 0;
  return text
    .split(' ')
    .map((part) => chars.slice(index, (index += part.length)).join(''))
    .join(' ');
}

/**
 * A refused term with one separator (`_ . - * ~ +`) at any place between two of its letters, or
 * between the words of a phrase, inside an innocent sentence (issue 15, bug 8: "re-tard").
 */
const oneSeparatorRefusedTerm = fc
  .constantFrom(...REFUSED_EXAMPLES)
  .chain(([text, term]) =>
    fc
      .record({
        at: fc.integer({ min: 1, max: text.length - 1 }),
        separator: fc.constantFrom('_', '.', '-', '*', '~', '+', '__', '..'),
        before: fc.constantFrom('', 'Welcome ', 'Q: why '),
        after: fc.constantFrom('', ' today', '!'),
      })
      .map(({ at, separator, before, after }) => {
        // Between the words of a phrase the separator takes the space's place.
        const rest = text[at] === ' ' ? text.slice(at + 1) : text.slice(at);
        return { sample: `${before}${text.slice(0, at)}${separator}${rest}${after}`, term };
      }),
  );

describe('screenText (properties)', () => {
  it('refuses every refused term with one separator inside a word or between the words of a phrase', () => {
    fc.assert(
      fc.property(oneSeparatorRefusedTerm, ({ sample, term }) => {
        const result = screenText('question', sample);
        expect(result.verdict).toBe(ScreeningVerdict.Refuse);
        expect(result.terms.map((found) => found.term)).toContain(term);
      }),
      RUNS,
    );
  });

  it('refuses every refused term however it is cased, spelled in leetspeak, stretched or spaced out', () => {
    fc.assert(
      fc.property(disguisedRefusedTerm, ({ sample, term }) => {
        const result = screenText('question', sample);
        expect(result.verdict).toBe(ScreeningVerdict.Refuse);
        expect(result.terms.map((found) => found.term)).toContain(term);
      }),
      RUNS,
    );
  });

  it('allows innocent words in any casing and any innocent sentence', () => {
    const casing = (text: string) =>
      fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) =>
        [...text].map((char, index) => (upper[index] ? char.toUpperCase() : char.toLowerCase())).join(''),
      );
    fc.assert(
      fc.property(
        fc.constantFrom(...INNOCENT_WORDS).chain(casing),
        fc.constantFrom('', 'Live from ', 'Ask me about '),
        fc.constantFrom('', ' in 2026', ': a panel'),
        (word, before, after) => {
          expect(screenText('title', `${before}${word}${after}`).verdict).toBe(ScreeningVerdict.Allow);
        },
      ),
      RUNS,
    );
  });

  it('never throws, and its verdict always agrees with the terms it reports', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const result = screenText('description', text);
        const tiers = result.terms.map((found) => found.tier);
        const expected = tiers.includes(ScreeningTier.Refuse)
          ? ScreeningVerdict.Refuse
          : tiers.length > 0
            ? ScreeningVerdict.Flag
            : ScreeningVerdict.Allow;
        expect(result.verdict).toBe(expected);
        expect(new Set(result.terms.map((found) => found.term)).size).toBe(result.terms.length);
      }),
      RUNS,
    );
  });

  it('keeps refusing when innocent words surround a refused text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REFUSED_EXAMPLES),
        fc.array(fc.constantFrom(...INNOCENT_WORDS), { maxLength: 3 }),
        fc.array(fc.constantFrom(...INNOCENT_WORDS), { maxLength: 3 }),
        ([text], before, after) => {
          expect(screenText('name', [...before, text, ...after].join(' ')).verdict).toBe(ScreeningVerdict.Refuse);
        },
      ),
      RUNS,
    );
  });
});
