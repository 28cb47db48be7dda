import { seniorityRank, SKILLS_BY_TOPIC, skillKey, topicBySlug } from '@roundtable/domain';

import { FEATURE_DIM, REGULATED_INDUSTRIES } from './feature-spec';
import type { RankCandidate, RankPerson, RankViewer } from './rank-types';

/**
 * Everything about the viewer that every candidate's features need, computed once per request
 * so a batch of 10,000 candidates does not rebuild the same sets 10,000 times.
 */
export interface ViewerContext {
  readonly viewer: RankViewer;
  readonly skillKeys: ReadonlySet<string>;
  readonly interests: ReadonlySet<string>;
  readonly interestCategories: ReadonlySet<string>;
  readonly following: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly seniorityRank: number | null;
  /** Seconds and joins by topic slug. */
  readonly historyByTopic: ReadonlyMap<string, { readonly seconds: number; readonly joins: number }>;
  readonly historyTotalSeconds: number;
  /**
   * Topic slug -> weight of the viewer skills that belong to it in the domain taxonomy
   * (SKILLS_BY_TOPIC), each skill spread evenly over its topics. Profiles list only some of a
   * person's interests; skills reveal more of them.
   */
  readonly skillTopics: ReadonlyMap<string, number>;
  /** Topic category -> share of the viewer skill-topic weight in it (sums to 1 when any skill is known). */
  readonly skillCategories: ReadonlyMap<string, number>;
  /** Topic category -> share of the viewer recent listening seconds in it. */
  readonly historyCategories: ReadonlyMap<string, number>;
}

/** Normalised skill key -> the topic slugs it belongs to in the domain taxonomy (built once). */
let topicsBySkillKey: ReadonlyMap<string, readonly string[]> | null = null;
function skillTopicIndex(): ReadonlyMap<string, readonly string[]> {
  if (topicsBySkillKey) return topicsBySkillKey;
  const index = new Map<string, string[]>();
  for (const [slug, skills] of Object.entries(SKILLS_BY_TOPIC)) {
    for (const skill of skills) {
      const key = skillKey(skill);
      const topics = index.get(key);
      if (!topics) index.set(key, [slug]);
      else if (!topics.includes(slug)) topics.push(slug);
    }
  }
  topicsBySkillKey = index;
  return index;
}

/**
 * Normalised keys by raw spelling. Every request arrives as fresh JSON, so the per-object memo
 * above starts cold each time; the same few thousand skill spellings recur across requests, and
 * normalising them (regex + map lookups) dominated extraction before this cache. Bounded so
 * adversarial input cannot grow it without limit.
 */
const skillKeyCache = new Map<string, string>();
const SKILL_KEY_CACHE_LIMIT = 50_000;

/** {@link skillKey} through a bounded memo. */
export function cachedSkillKey(raw: string): string {
  let key = skillKeyCache.get(raw);
  if (key === undefined) {
    key = skillKey(raw);
    if (skillKeyCache.size >= SKILL_KEY_CACHE_LIMIT) skillKeyCache.clear();
    skillKeyCache.set(raw, key);
  }
  return key;
}

/**
 * Scratch sets reused across candidates: writeFeatures is synchronous, so one instance is never
 * used by two calls at once, and reusing them keeps a 10,000-candidate batch from allocating
 * tens of thousands of short-lived sets (GC was a third of extraction time).
 */
const scratchStageKeys = new Set<string>();
const scratchRoomTopics = new Set<string>();
const scratchRoomCategories = new Set<string>();

/** Fills `into` with the normalised skill keys of everyone on stage. */
function collectStageSkillKeys(stage: readonly RankPerson[], into: Set<string>): Set<string> {
  into.clear();
  for (const person of stage) for (const raw of person.skills) into.add(cachedSkillKey(raw));
  return into;
}

/** Precomputes the viewer side of the features (see {@link ViewerContext}). */
export function prepareViewer(viewer: RankViewer): ViewerContext {
  const historyByTopic = new Map<string, { seconds: number; joins: number }>();
  let historyTotalSeconds = 0;
  for (const entry of viewer.history) {
    const seconds = Math.max(0, finiteOr(entry.seconds, 0));
    const joins = Math.max(0, finiteOr(entry.joins, 0));
    const current = historyByTopic.get(entry.topicSlug) ?? { seconds: 0, joins: 0 };
    current.seconds += seconds;
    current.joins += joins;
    historyByTopic.set(entry.topicSlug, current);
    historyTotalSeconds += seconds;
  }
  const interestCategories = new Set<string>();
  for (const slug of viewer.interests) {
    const topic = topicBySlug(slug);
    if (topic) interestCategories.add(topic.category);
  }
  const skillKeys = new Set(viewer.skills.map(cachedSkillKey));
  const skillTopics = new Map<string, number>();
  const index = skillTopicIndex();
  // Sorted, so the floating-point sums do not depend on the order skills were listed in.
  for (const key of [...skillKeys].sort()) {
    const topics = index.get(key);
    if (!topics) continue;
    for (const slug of topics) skillTopics.set(slug, (skillTopics.get(slug) ?? 0) + 1 / topics.length);
  }
  const skillCategories = new Map<string, number>();
  let skillWeightTotal = 0;
  for (const weight of skillTopics.values()) skillWeightTotal += weight;
  for (const [slug, weight] of [...skillTopics.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const category = topicBySlug(slug)?.category;
    if (category) skillCategories.set(category, (skillCategories.get(category) ?? 0) + weight / skillWeightTotal);
  }
  const historyCategories = new Map<string, number>();
  if (historyTotalSeconds > 0) {
    for (const [slug, entry] of [...historyByTopic.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const category = topicBySlug(slug)?.category;
      if (category) historyCategories.set(category, (historyCategories.get(category) ?? 0) + entry.seconds / historyTotalSeconds);
    }
  }
  return {
    viewer,
    skillKeys,
    skillTopics,
    skillCategories,
    historyCategories,
    interests: new Set(viewer.interests),
    interestCategories,
    following: new Set(viewer.followingIds),
    groups: new Set(viewer.groupIds),
    seniorityRank: viewer.seniority ? rankOrNull(viewer.seniority) : null,
    historyByTopic,
    historyTotalSeconds,
  };
}

/**
 * The stage as a de-duplicated list with the host first. Callers may or may not repeat the host
 * in `stage`; features must not count them twice.
 */
export function stageWithHost(candidate: RankCandidate): readonly RankPerson[] {
  const people: RankPerson[] = [candidate.host];
  // Stages are a handful of people: a linear scan beats allocating a Set per candidate.
  for (const person of candidate.stage) {
    if (!people.some((existing) => existing.id === person.id)) people.push(person);
  }
  return people;
}

/** Viewer skill keys that someone on stage also has, in the viewer's order. */
export function matchedSkills(context: ViewerContext, candidate: RankCandidate): string[] {
  const stageKeys = collectStageSkillKeys(stageWithHost(candidate), new Set<string>());
  const matched: string[] = [];
  const seen = new Set<string>();
  for (const raw of context.viewer.skills) {
    const key = cachedSkillKey(raw);
    if (stageKeys.has(key) && !seen.has(key)) {
      seen.add(key);
      matched.push(raw);
    }
  }
  return matched;
}

/**
 * Writes one candidate's features into `out` at `offset` (FEATURE_DIM floats), in
 * FEATURE_SPEC order. Pure and allocation-light: it is the hot loop of every ranking request.
 */
export function writeFeatures(
  context: ViewerContext,
  candidate: RankCandidate,
  nowMs: number,
  out: Float32Array,
  offset: number,
): void {
  const stage = stageWithHost(candidate);

  // Skills: viewer vs the union of everyone on stage.
  const stageKeys = collectStageSkillKeys(stage, scratchStageKeys);
  let skillOverlap = 0;
  for (const key of context.skillKeys) if (stageKeys.has(key)) skillOverlap += 1;
  const skillUnion = context.skillKeys.size + stageKeys.size - skillOverlap;

  // Topics.
  const roomTopics = scratchRoomTopics;
  roomTopics.clear();
  for (const slug of candidate.topics) roomTopics.add(slug);
  let topicOverlap = 0;
  let categoryMatches = 0;
  let careersTopics = 0;
  let leadershipTopics = 0;
  let historySeconds = 0;
  let historyJoins = 0;
  let skillTopicHits = 0;
  let skillTopicWeight = 0;
  const roomCategories = scratchRoomCategories;
  roomCategories.clear();
  for (const slug of roomTopics) {
    const category = topicBySlug(slug)?.category;
    if (category) roomCategories.add(category);
  }
  let skillCategoryShare = 0;
  let historyCategoryShare = 0;
  for (const category of roomCategories) {
    skillCategoryShare += context.skillCategories.get(category) ?? 0;
    historyCategoryShare += context.historyCategories.get(category) ?? 0;
  }
  for (const slug of roomTopics) {
    if (context.interests.has(slug)) topicOverlap += 1;
    const topic = topicBySlug(slug);
    if (topic && context.interestCategories.has(topic.category)) categoryMatches += 1;
    if (topic?.category === 'People & Careers') careersTopics += 1;
    else if (topic?.category === 'Leadership') leadershipTopics += 1;
    const skillWeight = context.skillTopics.get(slug);
    if (skillWeight !== undefined) {
      skillTopicHits += 1;
      skillTopicWeight += skillWeight;
    }
    const history = context.historyByTopic.get(slug);
    if (history) {
      historySeconds += history.seconds;
      historyJoins += history.joins;
    }
  }
  const topicUnion = context.interests.size + roomTopics.size - topicOverlap;

  // Industry.
  const industry = context.viewer.industry;
  let industryStage = 0;
  if (industry) for (const person of stage) if (person.industry === industry) industryStage += 1;

  // Seniority.
  const hostRank = candidate.host.seniority ? rankOrNull(candidate.host.seniority) : null;
  const seniorityKnown = hostRank !== null && context.seniorityRank !== null;
  const seniorityDiff = seniorityKnown ? hostRank - (context.seniorityRank ?? 0) : 0;
  let stageMaxRank = -1;
  for (const person of stage) {
    const rank = person.seniority ? rankOrNull(person.seniority) : null;
    if (rank !== null && rank > stageMaxRank) stageMaxRank = rank;
  }
  const stageSeniorityDiff = stageMaxRank >= 0 && context.seniorityRank !== null ? stageMaxRank - context.seniorityRank : 0;

  // Follows.
  let followedOnStage = 0;
  for (const person of stage) {
    if (person.id !== candidate.host.id && context.following.has(person.id)) followedOnStage += 1;
  }
  const followedListeners = candidate.followedListenerIds?.length ?? 0;
  let stageFollowers = 0;
  for (const person of stage) stageFollowers += Math.max(0, finiteOr(person.followerCount, 0));
  const listenersLog = Math.log1p(Math.max(0, finiteOr(candidate.listenerCount, 0)));

  // Timing.
  const isLive = candidate.status === 'LIVE';
  const minutesSinceStart = isLive ? minutesBetween(candidate.startedAt, nowMs, 'since') : 0;
  const minutesUntilStart = isLive ? 0 : minutesBetween(candidate.scheduledFor, nowMs, 'until');

  const f = out;
  let i = offset;
  f[i++] = skillUnion > 0 ? skillOverlap / skillUnion : 0;
  f[i++] = Math.min(skillOverlap, 10);
  f[i++] = topicUnion > 0 ? topicOverlap / topicUnion : 0;
  f[i++] = topicOverlap;
  f[i++] = roomTopics.size > 0 ? categoryMatches / roomTopics.size : 0;
  f[i++] = industry !== null && candidate.host.industry === industry ? 1 : 0;
  f[i++] = industryStage / stage.length;
  f[i++] = seniorityDiff;
  f[i++] = Math.abs(seniorityDiff);
  f[i++] = seniorityKnown ? 1 : 0;
  f[i++] = context.following.has(candidate.host.id) ? 1 : 0;
  f[i++] = followedOnStage;
  f[i++] = Math.log1p(followedListeners);
  f[i++] = candidate.groupId !== null && context.groups.has(candidate.groupId) ? 1 : 0;
  f[i++] = isLive ? 1 : 0;
  f[i++] = Math.log1p(minutesSinceStart);
  f[i++] = Math.log1p(minutesUntilStart);
  f[i++] = !isLive && minutesUntilStart <= 60 ? 1 : 0;
  f[i++] = listenersLog;
  f[i++] = Math.log1p(Math.max(0, finiteOr(candidate.host.followerCount, 0)));
  f[i++] = Math.log1p(stage.length);
  f[i++] = context.historyTotalSeconds > 0 ? Math.min(1, historySeconds / context.historyTotalSeconds) : 0;
  f[i++] = Math.log1p(historyJoins);
  f[i++] = Math.log1p(context.historyTotalSeconds / 60);
  // rt-features-v2 additions.
  f[i++] = context.seniorityRank !== null ? context.seniorityRank + 1 : 0;
  f[i++] = stageSeniorityDiff;
  f[i++] = roomTopics.size > 0 ? careersTopics / roomTopics.size : 0;
  f[i++] = roomTopics.size > 0 ? leadershipTopics / roomTopics.size : 0;
  f[i++] = industry !== null && REGULATED_INDUSTRIES.has(industry) ? 1 : 0;
  f[i++] = Math.log1p(historySeconds / 60);
  // rt-features-v3 additions.
  f[i++] = roomTopics.size > 0 ? skillTopicHits / roomTopics.size : 0;
  f[i++] = Math.log1p(skillTopicWeight);
  f[i++] = Math.min(1, skillCategoryShare);
  f[i++] = Math.min(1, historyCategoryShare);
  f[i++] = Math.log1p(stageFollowers);
  f[i++] = isLive ? listenersLog - Math.log1p(stageFollowers / 10) : 0;
}

/**
 * Features of one candidate for one viewer at `now` (ISO), in FEATURE_SPEC order.
 *
 * @returns a Float32Array of length FEATURE_DIM
 */
export function extractFeatures(viewer: RankViewer, candidate: RankCandidate, now: string): Float32Array {
  const out = new Float32Array(FEATURE_DIM);
  writeFeatures(prepareViewer(viewer), candidate, parseNow(now), out, 0);
  return out;
}

/**
 * Features of many candidates for one viewer, row-major in one Float32Array [N * FEATURE_DIM]
 * (the layout of the model's `features` input).
 *
 * @param out optional buffer to reuse; must hold at least N * FEATURE_DIM floats
 */
export function extractFeatureBatch(
  viewer: RankViewer | ViewerContext,
  candidates: readonly RankCandidate[],
  now: string,
  out?: Float32Array,
): Float32Array {
  const context = 'viewer' in viewer ? viewer : prepareViewer(viewer);
  const buffer = out ?? new Float32Array(candidates.length * FEATURE_DIM);
  if (buffer.length < candidates.length * FEATURE_DIM) {
    throw new RangeError(`Feature buffer holds ${buffer.length} floats, need ${candidates.length * FEATURE_DIM}`);
  }
  const nowMs = parseNow(now);
  candidates.forEach((candidate, row) => writeFeatures(context, candidate, nowMs, buffer, row * FEATURE_DIM));
  return buffer;
}

/** Milliseconds since the epoch for an ISO `now`; rejects garbage so features never become NaN. */
export function parseNow(now: string): number {
  const ms = Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`"now" is not an ISO timestamp: ${now}`);
  return ms;
}

function minutesBetween(iso: string | null, nowMs: number, direction: 'since' | 'until'): number {
  if (iso === null) return 0;
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return 0;
  const minutes = direction === 'since' ? (nowMs - at) / 60_000 : (at - nowMs) / 60_000;
  // Clock skew between API and database can put a start a few seconds in the "wrong" direction.
  return Math.max(0, minutes);
}

function rankOrNull(seniority: Parameters<typeof seniorityRank>[0]): number | null {
  const rank = seniorityRank(seniority);
  return rank >= 0 ? rank : null;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
