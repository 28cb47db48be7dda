import type { EnglishProfaneWord } from 'obscenity';

import { ReportCategory } from '../reports/report-category';

/**
 * THE SCREENING POLICY: the one place that decides what happens to words in text that other
 * people will see (room titles and descriptions, hand questions, display names and headlines,
 * group names).
 *
 * - `REFUSE`: slurs and hate terms, words whose use attacks people for who they are (race,
 *   ethnicity, religion, sexual orientation, gender identity, disability). The text is refused
 *   and the API answers BAD_USER_INPUT naming the field. Only unambiguous terms go here: a refusal
 *   blocks a person, so a false positive is costly.
 * - `FLAG`: profanity, sexual terms, and slurs that are ambiguous in other languages or reclaimed
 *   (for example "negro", "dyke", "abo"). The text is accepted, and the API files a system report
 *   so a person reviews it in the staff queue.
 * - `IGNORE`: clinical words and words naming serious topics people discuss professionally
 *   ("sex discrimination", "rape crisis support"). A name or a title cannot tell a topic from an
 *   attack; abuse with these words is what user reports are for.
 *
 * Matching is done by `obscenity` (english dataset, MIT, from the `cuss` project) with its
 * transformers, which undo confusable Unicode letters, leetspeak and repeated letters; see
 * `screen-text.ts` for the extra passes (spaced-out letters, zero-width characters, accents).
 *
 * How to extend:
 * - A word of obscenity's dataset: change its tier in {@link ENGLISH_DATASET_POLICY}. The
 *   `Record` is exhaustive, so an obscenity upgrade that adds a word fails to compile until the
 *   word has a tier. A word moved to REFUSE also gets its spellings in {@link REFUSED_SPELLINGS}
 *   (a test checks that the two agree).
 * - A new hate term: add its plain spellings to {@link REFUSED_SPELLINGS} (lower case; `|` at
 *   either end asks for a word boundary, against false positives inside longer words).
 * - A false positive: add the innocent word to {@link ALLOWED_TERMS} (matched on the lower-cased
 *   text as written, so it exempts only that spelling, never an obfuscated slur).
 * - Add an example of every change to `screening.test-helper.ts`: each refused term needs one
 *   (a test checks), and each innocent word goes in `INNOCENT_WORDS`. The property tests then
 *   disguise the refused examples (case, leetspeak, stretching, spacing, invisible characters)
 *   and put the innocent words in sentences.
 */
export enum ScreeningTier {
  Refuse = 'REFUSE',
  Flag = 'FLAG',
  Ignore = 'IGNORE',
}

/** What the policy says about one term: its tier, and the report category a flag files under. */
export interface TermPolicy {
  readonly tier: ScreeningTier;
  readonly category: ReportCategory;
}

const refuse: TermPolicy = { tier: ScreeningTier.Refuse, category: ReportCategory.HateSpeech };
const flagHate: TermPolicy = { tier: ScreeningTier.Flag, category: ReportCategory.HateSpeech };
const flagSexual: TermPolicy = { tier: ScreeningTier.Flag, category: ReportCategory.SexualContent };
const flagProfanity: TermPolicy = { tier: ScreeningTier.Flag, category: ReportCategory.Other };
const ignore: TermPolicy = { tier: ScreeningTier.Ignore, category: ReportCategory.Other };

/** The tier of every word in obscenity's english dataset (keyed by its `originalWord`). */
export const ENGLISH_DATASET_POLICY: Readonly<Record<EnglishProfaneWord, TermPolicy>> = {
  // Slurs and hate terms.
  abeed: refuse,
  africoon: refuse,
  arabush: refuse,
  boonga: refuse,
  chingchong: refuse,
  chink: refuse,
  fag: refuse,
  kike: refuse,
  nigger: refuse,
  retard: refuse,
  tranny: refuse,
  // Slurs with innocent or reclaimed uses: "ABO blood group", "Rio Negro", "Dyke March",
  // "spastic paraplegia". A person decides.
  abo: flagHate,
  dyke: flagHate,
  negro: flagHate,
  spastic: flagHate,
  // Sexual terms.
  anal: flagSexual,
  bestiality: flagSexual,
  blowjob: flagSexual,
  boob: flagSexual,
  buttplug: flagSexual,
  cock: flagSexual,
  cum: flagSexual,
  deepthroat: flagSexual,
  dildo: flagSexual,
  doggystyle: flagSexual,
  'double penetration': flagSexual,
  felch: flagSexual,
  fellatio: flagSexual,
  'finger bang': flagSexual,
  fisting: flagSexual,
  gangbang: flagSexual,
  handjob: flagSexual,
  hentai: flagSexual,
  hooker: flagSexual,
  'jerk off': flagSexual,
  jizz: flagSexual,
  lubejob: flagSexual,
  masturbate: flagSexual,
  orgasm: flagSexual,
  orgy: flagSexual,
  porn: flagSexual,
  pussy: flagSexual,
  scat: flagSexual,
  slut: flagSexual,
  tit: flagSexual,
  whore: flagSexual,
  // Profanity and insults.
  arse: flagProfanity,
  ass: flagProfanity,
  bastard: flagProfanity,
  bitch: flagProfanity,
  bollocks: flagProfanity,
  cuck: flagProfanity,
  cunt: flagProfanity,
  dick: flagProfanity,
  fuck: flagProfanity,
  piss: flagProfanity,
  prick: flagProfanity,
  shit: flagProfanity,
  turd: flagProfanity,
  twat: flagProfanity,
  wank: flagProfanity,
  // Clinical words and serious topics.
  anus: ignore,
  ejaculate: ignore,
  incest: ignore,
  penis: ignore,
  rape: ignore,
  semen: ignore,
  sex: ignore,
  vagina: ignore,
};

/** Plain spellings of one refused term, turned into stretch-tolerant patterns by `screen-text.ts`. */
export interface RefusedSpellings {
  /** The name reported in screening results (for a dataset word, its `originalWord`). */
  readonly term: string;
  /**
   * Lower-case spellings; a leading or trailing `|` asks for a word boundary there. Written as
   * people spell the word ("zipperhead"): doubled letters and optional stretching are handled.
   */
  readonly spellings: readonly string[];
}

/**
 * Every refused term, spelled out. For obscenity's own refused words these add to its patterns:
 * obscenity keeps doubled b, e, o, l, s and g (so "nigger" is not "Niger"), which means a
 * stretched "niggeeer" slips past its pattern; the patterns built from these spellings accept
 * such stretching. The rest are hate terms missing from obscenity's dataset. Kept modest on
 * purpose: each entry is an unambiguous slur or a hate slogan; anything with an innocent reading
 * belongs in FLAG.
 */
export const REFUSED_SPELLINGS: readonly RefusedSpellings[] = [
  // Words of obscenity's dataset (tier REFUSE above).
  { term: 'nigger', spellings: ['nigger', 'nigga'] },
  { term: 'kike', spellings: ['kike', '|kyke'] },
  { term: 'fag', spellings: ['|fag', 'faggot'] },
  { term: 'chink', spellings: ['chink'] },
  { term: 'chingchong', spellings: ['chingchong', 'ching chong'] },
  { term: 'tranny', spellings: ['|tranny'] },
  { term: 'retard', spellings: ['retard'] },
  { term: 'abeed', spellings: ['abeed'] },
  { term: 'africoon', spellings: ['africoon'] },
  { term: 'arabush', spellings: ['arabush'] },
  { term: 'boonga', spellings: ['boonga'] },
  // Hate terms obscenity does not have.
  { term: 'spic', spellings: ['|spic|', '|spics|'] },
  { term: 'wetback', spellings: ['wetback'] },
  { term: 'gook', spellings: ['|gook|', '|gooks|'] },
  { term: 'beaner', spellings: ['|beaner'] },
  { term: 'raghead', spellings: ['raghead'] },
  { term: 'towelhead', spellings: ['towelhead'] },
  { term: 'zipperhead', spellings: ['zipperhead'] },
  { term: 'jigaboo', spellings: ['jigaboo'] },
  { term: 'heil hitler', spellings: ['heil hitler', 'heilhitler'] },
  { term: 'sieg heil', spellings: ['sieg heil', 'siegheil'] },
];

/**
 * Innocent words that contain a screened pattern, on top of obscenity's own exceptions
 * ("Scunthorpe", "assessment", "Dickens" and the like are already handled by its patterns).
 * Mostly surnames, places and trade terms a professional network sees every day.
 */
export const ALLOWED_TERMS: readonly string[] = [
  'dickinson',
  'dickson',
  'cummin', // Cummins, Cumming, Cummings
  'shiitake',
  'cockpit', // obscenity matches |cockp
  'retardant', // flame retardant
  'retardation',
  'retarder',
  'chink in the armo',
  'chinks in the armo',
  'spic and span',
  'spic-and-span', // the hyphenated brand, read as written
  'negroni',
  'fagus', // the beech genus
  'fagin',
  'fagan',
  'fager', // Fagerström, Fagerberg
];
