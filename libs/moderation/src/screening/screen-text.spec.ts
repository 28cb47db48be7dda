import { DataSet, englishDataset } from 'obscenity';

import { ModerationError, ModerationErrorCode } from '../errors/moderation-error';
import { ReportCategory } from '../reports/report-category';
import { AuditAction } from '../audit/audit-log';
import { assertTextAllowed, readableUrl, SCREENED_FIELDS, screeningFlagAudit, screenText, ScreeningVerdict, stretchTolerantPattern, systemReportForFlaggedText } from './screen-text';
import { FLAGGED_EXAMPLES, INNOCENT_WORDS, REFUSED_EXAMPLES } from './screening.test-helper';
import { ALLOWED_TERMS, ENGLISH_DATASET_POLICY, REFUSED_SPELLINGS, ScreeningTier } from './word-lists';

/** The text fields the API screens, by their input field names. */
const SCREENED_FIELD_NAMES = [...new Set(Object.values(SCREENED_FIELDS).flat())];

describe('screenText', () => {
  it.each(REFUSED_EXAMPLES)('refuses the hate term %j', (text, term) => {
    const result = screenText('title', text);
    expect(result.verdict).toBe(ScreeningVerdict.Refuse);
    expect(result.terms[0]).toEqual({ term, tier: ScreeningTier.Refuse, category: ReportCategory.HateSpeech });
  });

  it.each(FLAGGED_EXAMPLES)('allows but flags %j', (text, term) => {
    const result = screenText('headline', text);
    expect(result.verdict).toBe(ScreeningVerdict.Flag);
    expect(result.terms.map((found) => found.term)).toEqual([term]);
    expect(result.message).toBeUndefined();
  });

  it.each(INNOCENT_WORDS)('allows the innocent %j, in any case', (text) => {
    for (const variant of [text, text.toLowerCase(), text.toUpperCase(), `Welcome to ${text} today`]) {
      expect(screenText('title', variant)).toEqual({ verdict: ScreeningVerdict.Allow, terms: [] });
    }
  });

  it.each([
    ['leetspeak', 'n1gg3r'],
    ['symbols for letters', 'k!k3'],
    ['repeated letters', 'niiiiiggggerrrr'],
    ['stretched vowels obscenity keeps double', 'niggeeeer and kikeee'],
    ['upper case', 'NIGGER'],
    ['spaced out', 'n i g g e r'],
    ['dotted', 'n.i.g.g.e.r'],
    ['spaced out, with punctuation around', '(n i g g e r!)'],
    ['dashed and starred', 'k-i-k-e and s*p*i*c'],
    ['zero-width spaces', 'nig\u200bger'],
    ['soft hyphen', 'ki\u00adke'],
    ['accents', 'nïggér'],
    ['full-width letters', 'ｎｉｇｇｅｒ'],
    ['mathematical letters', '𝐧𝐢𝐠𝐠𝐞𝐫'],
    ['inside a sentence', 'Great talk, you f@gg0t, see you'],
    ['slogan with leetspeak', 'h3il h1tler'],
    ['slogan spaced out', 's i e g h e i l'],
  ])('sees through %s (%j)', (_kind, text) => {
    expect(screenText('question', text).verdict).toBe(ScreeningVerdict.Refuse);
  });

  it('sees through obfuscated profanity too, which stays a flag', () => {
    for (const text of ['f u c k', 'fuuuuuck', 'sh1t', 'ƒuck']) expect(screenText('headline', text).verdict).toBe(ScreeningVerdict.Flag);
  });

  it('lists every text field issue 8 names', () => {
    expect([...SCREENED_FIELD_NAMES].sort()).toEqual(['description', 'displayName', 'headline', 'name', 'question', 'title']);
  });

  it('names the field in the refusal message and never repeats the term', () => {
    for (const field of SCREENED_FIELD_NAMES) {
      const result = screenText(field, 'you kike');
      expect(result.message).toContain(field);
      expect(result.message).not.toMatch(/kike/i);
    }
  });

  it('reports each term once, refused terms first, then flags in order of appearance', () => {
    const result = screenText('description', 'shit, fuck, kike, shit again, spic');
    expect(result.verdict).toBe(ScreeningVerdict.Refuse);
    expect(result.terms.map((found) => `${found.tier}:${found.term}`)).toEqual([
      'REFUSE:kike',
      'REFUSE:spic',
      'FLAG:shit',
      'FLAG:fuck',
    ]);
  });

  it('ignores clinical words and serious topics', () => {
    for (const text of ['Sex and gender in the workplace', 'Penis and vagina anatomy for nurses', 'Semen analysis', 'Incest survivors support']) {
      expect(screenText('title', text).verdict).toBe(ScreeningVerdict.Allow);
    }
  });

  it('allows null, undefined, empty and blank text', () => {
    for (const text of [null, undefined, '', '   \n']) expect(screenText('description', text)).toEqual({ verdict: ScreeningVerdict.Allow, terms: [] });
  });

  it('classifies flagged terms by the category a system report files under', () => {
    expect(screenText('title', 'porn').terms[0]?.category).toBe(ReportCategory.SexualContent);
    expect(screenText('title', 'shit').terms[0]?.category).toBe(ReportCategory.Other);
    expect(screenText('title', 'negro').terms[0]?.category).toBe(ReportCategory.HateSpeech);
  });
});

describe('readableUrl (kind: a link screened as its title only, never as the words its URL shows)', () => {
  it('reads the host in Unicode and the decoded path, query and fragment as words', () => {
    expect(readableUrl('https://xn--bcher-kva.example/some%20talk?q=a+b#notes')).toBe('bücher.example some talk q a b notes');
    expect(readableUrl('http://user:secret@example.com:8080/a/b;c,d')).toBe('example.com a b c d');
  });

  it('keeps a malformed escape as written, and a text that is no URL as given', () => {
    expect(readableUrl('https://example.com/100%25%E0%A4%A')).toBe('example.com 100%%E0%A4%A');
    expect(readableUrl('not a link')).toBe('not a link');
  });

  it.each([
    ['in the path (the given case)', 'https://example.com/talks/n1gg3r'],
    ['percent-encoded in the query (a variant)', 'https://example.com/?q=n%69gg%65r'],
    ['as the host', 'https://k1ke.example/'],
    ['spelled with dashes in a slug', 'https://example.com/n-i-g-g-e-r'],
    ['encoded in the fragment', 'https://example.com/#%6B%69%6B%65'],
  ])('a slur %s is refused once read', (_where, url) => {
    expect(screenText('url', readableUrl(url)).verdict).toBe(ScreeningVerdict.Refuse);
  });

  it('clean links stay clean', () => {
    for (const url of ['https://example.com/slides/2026-q4.pdf', 'https://www.scunthorpe-united.example/news?id=12', 'https://docs.example.org/assessments#classic']) {
      expect(screenText('url', readableUrl(url))).toEqual({ verdict: ScreeningVerdict.Allow, terms: [] });
    }
  });
});

describe('assertTextAllowed', () => {
  it('throws TextRefused naming the field on REFUSE', () => {
    for (const field of SCREENED_FIELD_NAMES) {
      let thrown: unknown;
      try {
        assertTextAllowed(field, 'wetback');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ModerationError);
      expect(thrown).toMatchObject({ code: ModerationErrorCode.TextRefused, field });
      expect((thrown as Error).message).toContain(field);
    }
  });

  it('returns the result for ALLOW and FLAG', () => {
    expect(assertTextAllowed('title', 'Roundtable on hiring').verdict).toBe(ScreeningVerdict.Allow);
    expect(assertTextAllowed('title', 'Hiring is a shit show').verdict).toBe(ScreeningVerdict.Flag);
  });
});

describe('stretchTolerantPattern', () => {
  it('writes letters kept double as optional doubles, and collapses the others', () => {
    expect(stretchTolerantPattern('nigger')).toBe('nigge[e]r');
    expect(stretchTolerantPattern('zipperhead')).toBe('zipe[e]rhe[e]ad');
    expect(stretchTolerantPattern('|spic|')).toBe('|s[s]pic|');
    expect(stretchTolerantPattern('heil hitler')).toBe('he[e]il[l] hitl[l]e[e]r');
    expect(stretchTolerantPattern('boonga')).toBe('b[b]oong[g]a');
  });

  it('refuses anything but lower-case letters and spaces', () => {
    expect(() => stretchTolerantPattern('n[i]gger')).toThrow(TypeError);
    expect(() => stretchTolerantPattern('Kike')).toThrow(TypeError);
  });
});

describe('systemReportForFlaggedText', () => {
  it('files a report naming the field and the terms for FLAG only', () => {
    expect(systemReportForFlaggedText('headline', screenText('headline', 'porn and shit'))).toEqual({
      category: ReportCategory.SexualContent,
      details: 'Automatic screening flagged headline: porn, shit',
    });
    expect(systemReportForFlaggedText('headline', screenText('headline', 'Product lead'))).toBeNull();
    expect(systemReportForFlaggedText('headline', screenText('headline', 'kike'))).toBeNull();
  });
});

describe('screeningFlagAudit', () => {
  it('records the automatic flag against the author, with the system report', () => {
    const draft = systemReportForFlaggedText('displayName', screenText('displayName', 'Shit Happens Consulting'))!;
    const at = new Date('2026-11-30T12:00:00Z');
    expect(screeningFlagAudit({ authorId: 'p-1', roomId: null, reportId: 'rep-7', draft, at })).toEqual({
      actorId: null,
      action: AuditAction.ScreeningFlagged,
      subjectProfileId: 'p-1',
      roomId: null,
      reportIds: ['rep-7'],
      note: 'Automatic screening flagged displayName: shit',
      at,
    });
  });
});

describe('word lists', () => {
  it('give every word of obscenity\'s dataset a tier (the Record is checked at compile time; this checks at run time)', () => {
    const words: string[] = [];
    new DataSet<{ originalWord: string }>()
      .addAll(englishDataset)
      .removePhrasesIf((phrase) => {
        if (phrase.metadata) words.push(phrase.metadata.originalWord);
        return false;
      });
    expect(words.length).toBeGreaterThan(50);
    for (const word of words) expect(Object.keys(ENGLISH_DATASET_POLICY)).toContain(word);
  });

  it('has an example for every refused term, so each pattern is proven to match', () => {
    const refused = [
      ...Object.entries(ENGLISH_DATASET_POLICY)
        .filter(([, policy]) => policy.tier === ScreeningTier.Refuse)
        .map(([word]) => word),
      ...REFUSED_SPELLINGS.map((refused) => refused.term),
    ];
    const covered = new Set(REFUSED_EXAMPLES.map(([, term]) => term));
    expect([...new Set(refused)].filter((term) => !covered.has(term))).toEqual([]);
  });

  it('spells out every refused word of the dataset, and only refused ones', () => {
    const spelled = new Set(REFUSED_SPELLINGS.map((refused) => refused.term));
    for (const [word, policy] of Object.entries(ENGLISH_DATASET_POLICY)) {
      expect([word, spelled.has(word)]).toEqual([word, policy.tier === ScreeningTier.Refuse]);
    }
  });

  it('keeps allowed terms lower case, as the whitelist matcher reads them', () => {
    for (const term of ALLOWED_TERMS) expect(term).toBe(term.toLowerCase());
  });
});

describe('kind: one separator hides a refused word or phrase (issue 15, bug 8)', () => {
  it.each(['re-tard', 'heil_hitler', 'heil.hitler', 'sieg-heil'])('refuses the given case %s', (text) => {
    expect(screenText('question', text).verdict).toBe(ScreeningVerdict.Refuse);
  });

  it.each([
    ['Welcome, k_ike!', 'kike'],
    ['what a r.e.tard', 'retard'],
    ['ching-chong', 'chingchong'],
    ['Heil-Hitler', 'heil hitler'],
    ['sieg~heil today', 'sieg heil'],
    ['wet+back', 'wetback'],
    ['tr4n-ny', 'tranny'],
  ])('refuses a variant: %s', (text, term) => {
    const result = screenText('question', text);
    expect(result.verdict).toBe(ScreeningVerdict.Refuse);
    expect(result.terms.map((found) => found.term)).toContain(term);
  });

  it.each(['flame-retardant coatings', 'well-known analyst', 'Spic-and-Span', 'e-mail the Niger team', 'co-founder of Scunthorpe.io', 'A-B testing'])(
    'allows innocent hyphenated or dotted words: %s',
    (text) => {
      expect(screenText('question', text).verdict).toBe(ScreeningVerdict.Allow);
    },
  );
});
