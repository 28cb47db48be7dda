import { domainToUnicode } from 'node:url';

import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
  type EnglishProfaneWord,
} from 'obscenity';

import { AuditAction, buildAuditEntry, type AuditLogEntry } from '../audit/audit-log';
import { ModerationError } from '../errors/moderation-error';
import { ReportCategory } from '../reports/report-category';
import {
  ALLOWED_TERMS,
  ENGLISH_DATASET_POLICY,
  REFUSED_SPELLINGS,
  ScreeningTier,
  type TermPolicy,
} from './word-lists';

/**
 * The text others see, by mutation and input field: what the API screens (issue 8 names room
 * titles and descriptions, hand questions, display names and headlines, and group names).
 * The field names are the contract's, so a refusal's `field` points at the argument.
 */
export const SCREENED_FIELDS = {
  createRoom: ['title', 'description'],
  raiseHand: ['question'],
  updateViewerProfile: ['displayName', 'headline'],
  createGroup: ['name'],
} as const;

/** What screening says about a text. */
export enum ScreeningVerdict {
  /** Nothing screened: store it. */
  Allow = 'ALLOW',
  /** Milder profanity: store it, and file a system report for staff to review. */
  Flag = 'FLAG',
  /** A slur or hate term: refuse the input (BAD_USER_INPUT naming the field); store nothing. */
  Refuse = 'REFUSE',
}

/** One screened term found in a text. */
export interface ScreenedTerm {
  /** The policy's name for the term (for example "fuck"), never the obfuscated spelling found. */
  readonly term: string;
  readonly tier: ScreeningTier.Refuse | ScreeningTier.Flag;
  /** The report category a flag is filed under. */
  readonly category: ReportCategory;
}

/** The result of {@link screenText}. */
export interface ScreeningResult {
  readonly verdict: ScreeningVerdict;
  /** Distinct terms found, refused ones first, then in order of appearance; empty for ALLOW. */
  readonly terms: readonly ScreenedTerm[];
  /** For REFUSE: the client-facing message, naming the field and not repeating the term. */
  readonly message?: string;
}

interface PhraseMetadata {
  readonly originalWord: string;
}

const REFUSED_POLICY: TermPolicy = { tier: ScreeningTier.Refuse, category: ReportCategory.HateSpeech };
const REFUSED_TERMS: ReadonlySet<string> = new Set(REFUSED_SPELLINGS.map((refused) => refused.term));

function policyFor(term: string): TermPolicy {
  if (Object.hasOwn(ENGLISH_DATASET_POLICY, term)) return ENGLISH_DATASET_POLICY[term as EnglishProfaneWord];
  if (REFUSED_TERMS.has(term)) return REFUSED_POLICY;
  throw new TypeError(`No screening policy for the term ${JSON.stringify(term)}`);
}

function buildDataSet(): DataSet<PhraseMetadata> {
  const dataset = new DataSet<PhraseMetadata>()
    .addAll(englishDataset)
    // Ignored words are not matched at all, so they cannot shadow anything either.
    .removePhrasesIf((phrase) => phrase.metadata !== undefined && policyFor(phrase.metadata.originalWord).tier === ScreeningTier.Ignore);
  for (const refused of REFUSED_SPELLINGS) {
    dataset.addPhrase((phrase) => {
      phrase.setMetadata({ originalWord: refused.term });
      for (const spelling of refused.spellings) phrase.addPattern(parseRawPattern(stretchTolerantPattern(spelling)));
      return phrase;
    });
  }
  // Whitelisted terms apply to every phrase, whichever phrase carries them.
  dataset.addPhrase((phrase) => {
    for (const term of ALLOWED_TERMS) phrase.addWhitelistedTerm(term);
    return phrase;
  });
  return dataset;
}

/**
 * Letters obscenity's recommended transformers collapse to two, not one (see
 * `englishRecommendedBlacklistMatcherTransformers`); every other letter collapses to one.
 */
const LETTERS_KEPT_DOUBLE = new Set(['b', 'e', 'o', 'l', 's', 'g']);

/**
 * An obscenity pattern for a plain spelling, as the transformers leave text: a run of a letter
 * kept double is written double when the spelling doubles it, and as `x[x]` when it does not
 * (a stretched "niggeeer" becomes "niggeer"); every other run is written once.
 * @param spelling lower-case letters and spaces, with an optional `|` at either end.
 */
export function stretchTolerantPattern(spelling: string): string {
  const start = spelling.startsWith('|') ? '|' : '';
  const end = spelling.length > 1 && spelling.endsWith('|') ? '|' : '';
  const word = spelling.slice(start.length, spelling.length - end.length);
  let pattern = '';
  for (const run of word.match(/(.)\1*/gsu) ?? []) {
    const letter = run[0] as string;
    if (!/^[a-z ]$/.test(letter)) throw new TypeError(`Spellings use lower-case letters and spaces only: ${spelling}`);
    pattern += LETTERS_KEPT_DOUBLE.has(letter) ? (run.length > 1 ? letter + letter : `${letter}[${letter}]`) : letter;
  }
  return start + pattern + end;
}

const DATASET = buildDataSet();
const MATCHER = new RegExpMatcher({ ...DATASET.build(), ...englishRecommendedTransformers });

/** Characters people put between the letters of a word to hide it: spaces, dots, dashes, stars. */
const LETTER_SEPARATORS = /[\s._\-*~+,/\\]+/u;

/**
 * "n i g g e r", "f.u.c.k": three or more one-character tokens in a row are joined, so the
 * matcher sees the word. Only runs of single characters are joined: joining every word
 * (obscenity's `skipNonAlphabeticTransformer`) would match across word boundaries ("Chin King").
 */
function joinSpacedLetters(text: string): string | null {
  const tokens = text.split(LETTER_SEPARATORS);
  const out: string[] = [];
  let run: string[] = [];
  let joined = false;
  const flush = () => {
    if (run.length >= 3) {
      out.push(run.join(''));
      joined = true;
    } else out.push(...run);
    run = [];
  };
  for (const token of tokens) {
    if (isSingleCharacter(token)) run.push(token);
    else {
      flush();
      if (token !== '') out.push(token);
    }
  }
  flush();
  return joined ? out.join(' ') : null;
}

/**
 * One character, maybe repeated ("rr"), give or take punctuation around it ("r!" ending
 * "n i g g e r!"). A lone (maybe repeated) symbol counts too, since leetspeak uses symbols for
 * letters ("@" for a).
 */
function isSingleCharacter(token: string): boolean {
  const core = token.replace(SENTENCE_PUNCTUATION_AROUND, '');
  return new Set(core === '' ? token : core).size === 1;
}

/** Punctuation that opens or closes a word in a sentence ("(", "!", "..."), at either end of a token. */
const SENTENCE_PUNCTUATION_AROUND = /^[([{"'¿¡]+|[)\]}"'!?.,;:]+$/gu;

/**
 * Drops sentence punctuation at the end of words: obscenity reads "!" as leetspeak for "i", so
 * "spic!" would read "spici" and miss the word boundary its pattern asks for.
 */
function trimWordEndPunctuation(text: string): string {
  // Only after a letter or digit: a lone "!" between spaced-out letters is the letter i.
  return text.replace(/(?<=[\p{L}\p{N}])[!?.,;:]+(?=\s|$)/gu, ' ');
}

/**
 * Decomposes accented letters and drops combining marks and invisible format characters
 * (zero-width spaces and joiners, soft hyphens), which obscenity's confusables table does not
 * cover: "nïgg\u200ber" reads as the slur to a person, so it must to the matcher.
 */
function stripMarks(text: string): string {
  return text.normalize('NFKD').replace(/[\p{M}\p{Cf}]/gu, '');
}

/**
 * One separator hides a word from the matcher: "re-tard", "heil_hitler", "sieg-heil" (issue 15).
 * Separators between two letters or digits (digits are leetspeak) of a token are read both ways:
 * removed, as if inside one word ("re-tard" → "retard", "heil.hitler" → "heilhitler"), and as a
 * space, as between the words of a phrase ("heil_hitler" → "heil hitler"). Spaces themselves are
 * left alone, so separate words never run together ("Chin King" stays two words); a run that opens
 * a word after a space is dropped ("heil _hitler" → "heil hitler").
 * @returns the two readings, or none when the text has no such separator.
 */
function separatorReadings(text: string): string[] {
  if (text.search(INWORD_SEPARATORS) < 0 && text.search(EDGE_SEPARATORS) < 0) return [];
  const edgesDropped = text.replace(EDGE_SEPARATORS, '');
  return [edgesDropped.replace(INWORD_SEPARATORS, ''), edgesDropped.replace(INWORD_SEPARATORS, ' ')];
}

/** Runs of `_ . - * ~ +` with a letter or digit on both sides (see {@link separatorReadings}). */
const INWORD_SEPARATORS = /(?<=[\p{L}\p{N}@$!])[._\-*~+]+(?=[\p{L}\p{N}@$!])/gu;

/** The same runs opening a word after a space ("heil _hitler"); they hide its first letter. */
const EDGE_SEPARATORS = /(?<=\s)[._\-*~+]+(?=[\p{L}\p{N}@$!])/gu;

function termsIn(text: string): string[] {
  // Every phrase with patterns carries its term; only the whitelist-only phrase has none.
  return MATCHER.getAllMatches(text, true).flatMap((match) => {
    const term = DATASET.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord;
    return term === undefined ? [] : [term];
  });
}

/**
 * Screens a text that other people will see.
 * @param field the input field's name (for example `title`, `description`, `question`,
 *   `displayName`, `headline`, `name`); it is named in the REFUSE message.
 * @param text the text as the client sent it; null, undefined and blank are ALLOWed.
 * @returns REFUSE when any term is in the refuse tier, else FLAG when any term is flagged, else
 *   ALLOW; with the distinct terms found (see {@link ScreeningResult}). Never throws.
 * Policy and word lists: `word-lists.ts`.
 */
export function screenText(field: string, text: string | null | undefined): ScreeningResult {
  if (text === null || text === undefined || text.trim() === '') return { verdict: ScreeningVerdict.Allow, terms: [] };
  // The original is matched first so obscenity's exceptions (which read the text as written)
  // still apply; the variants only add what obfuscation hid.
  const variants = new Set<string>();
  for (const base of [text, stripMarks(text)]) {
    for (const form of [base, trimWordEndPunctuation(base)]) {
      variants.add(form);
      for (const reading of separatorReadings(form)) variants.add(reading);
      const joined = joinSpacedLetters(form);
      if (joined !== null) variants.add(joined);
    }
  }
  const seen = new Set<string>();
  const found: ScreenedTerm[] = [];
  for (const variant of variants) {
    for (const term of termsIn(variant)) {
      if (seen.has(term)) continue;
      seen.add(term);
      const policy = policyFor(term);
      if (policy.tier === ScreeningTier.Ignore) continue;
      found.push({ term, tier: policy.tier, category: policy.category });
    }
  }
  const refused = found.filter((term) => term.tier === ScreeningTier.Refuse);
  if (refused.length > 0) {
    return {
      verdict: ScreeningVerdict.Refuse,
      terms: [...refused, ...found.filter((term) => term.tier !== ScreeningTier.Refuse)],
      message: `${field} contains a slur or hate term that our community guidelines do not allow; please rephrase it`,
    };
  }
  return { verdict: found.length > 0 ? ScreeningVerdict.Flag : ScreeningVerdict.Allow, terms: found };
}

/** Runs of percent-encoded bytes ("%20", "%C3%A9"), decoded together so multi-byte characters survive. */
const PERCENT_ENCODED = /(?:%[0-9A-Fa-f]{2})+/g;

/** The characters that structure a URL rather than spell its words. */
const URL_STRUCTURE = /[/?#&=:;,@]+/g;

function decodePercent(part: string): string {
  return part.replace(PERCENT_ENCODED, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // A malformed multi-byte sequence: its ASCII bytes are still read, the rest kept as written.
      return run.replace(/%[0-7][0-9A-Fa-f]/g, (byte) => String.fromCharCode(Number.parseInt(byte.slice(1), 16)));
    }
  });
}

/**
 * A link as the words a reader sees in it, for {@link screenText}: the host (an internationalised
 * one in Unicode, not its `xn--` form) and the percent-decoded path, query and fragment, with the
 * URL's structural characters (`/ ? # & = : ; , @`) and a query's `+` read as spaces. `.`, `-`
 * and `_` stay, so the screen reads them both ways as it does in any text. The scheme, port and
 * credentials are left out.
 * @param url an absolute URL, as `normalisePinnedLinks` stores it; anything else is returned as
 *   given, so it is still screened as text.
 * @returns for example "bücher.example some talk q a b notes" for
 *   `https://xn--bcher-kva.example/some%20talk?q=a+b#notes`.
 */
export function readableUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const host = domainToUnicode(parsed.hostname) || parsed.hostname;
  const parts = [host, decodePercent(parsed.pathname), decodePercent(parsed.search.replace(/\+/g, ' ')), decodePercent(parsed.hash)];
  return parts.join(' ').replace(URL_STRUCTURE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * {@link screenText}, throwing on REFUSE: what a service calls for each text field before
 * writing. Returns the result so the caller can file a system report on FLAG
 * (see {@link systemReportForFlaggedText}).
 * @throws ModerationError `TextRefused` with `field` set, for the API's BAD_USER_INPUT.
 */
export function assertTextAllowed(field: string, text: string | null | undefined): ScreeningResult {
  const result = screenText(field, text);
  if (result.verdict === ScreeningVerdict.Refuse) throw ModerationError.textRefused(field, result.message ?? `${field} is not allowed`);
  return result;
}

/** A report the system files (no reporter) when screening flags a text. */
export interface SystemReportDraft {
  readonly category: ReportCategory;
  /** For staff: which field, and which terms; shown in the queue. */
  readonly details: string;
}

/**
 * The system report to file for a FLAGged text, or null when the result is not FLAG.
 * The category is the first flagged term's; the details name the field and the terms.
 */
export function systemReportForFlaggedText(field: string, result: ScreeningResult): SystemReportDraft | null {
  const [first] = result.terms;
  if (result.verdict !== ScreeningVerdict.Flag || first === undefined) return null;
  return {
    category: first.category,
    details: `Automatic screening flagged ${field}: ${result.terms.map((term) => term.term).join(', ')}`,
  };
}

/**
 * The audit entry for a system report filed on a FLAGged text: automatic (no actor), about the
 * author, naming the report just filed, with the draft's details as the reason.
 * @param roomId the room the text belongs to (a title, description or question); null for a
 *   profile or group text.
 */
export function screeningFlagAudit(input: {
  readonly authorId: string;
  readonly roomId: string | null;
  readonly reportId: string;
  readonly draft: SystemReportDraft;
  readonly at: Date;
}): AuditLogEntry {
  return buildAuditEntry({
    actorId: null,
    action: AuditAction.ScreeningFlagged,
    subjectProfileId: input.authorId,
    roomId: input.roomId,
    reportIds: [input.reportId],
    note: input.draft.details,
    at: input.at,
  });
}
