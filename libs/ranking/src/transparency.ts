import { INDUSTRIES, SENIORITY_LEVELS, SKILLS_BY_TOPIC, TOPICS } from '@roundtable/domain';

import { extractFeatureBatch, prepareViewer } from './feature-extraction';
import { FEATURE_DIM, FEATURE_GROUP_INDICES, FEATURE_GROUPS, FEATURE_NEUTRALS, FeatureGroup } from './feature-spec';
import type { BatchScorer } from './rank-pipeline';
import type { RankCandidate, RankPerson, RankViewer } from './rank-types';
import { seededUniform } from './exploration';

/**
 * Transparency (DSA Art. 27): the main parameters of the recommender in plain words, and how much
 * each weighs in the SERVED model, measured the same way the reasons are (occlusion), over a fixed
 * reference set so two models are compared on the same rooms and people.
 */

/** One main parameter (a feature group) in plain words. */
export interface RankingParameterText {
  readonly name: string;
  readonly description: string;
}

/** Plain-words names and descriptions of the feature groups, in {@link FEATURE_GROUPS} order. */
export const RANKING_PARAMETER_TEXTS: Readonly<Record<FeatureGroup, RankingParameterText>> = Object.freeze({
  [FeatureGroup.Skills]: { name: 'Your skills', description: 'Whether the people on stage have the skills listed on your profile.' },
  [FeatureGroup.Topics]: { name: 'Your interests', description: "How well the room's topics match the topics you follow, and their kind (careers, leadership)." },
  [FeatureGroup.Industry]: { name: 'Your industry', description: 'Whether the host and speakers work in your industry, and whether yours is a regulated one.' },
  [FeatureGroup.Seniority]: { name: 'Career level', description: "Your career level compared with the host's and the most senior speaker's." },
  [FeatureGroup.FollowsHost]: { name: 'People you follow hosting', description: 'Whether you follow the host.' },
  [FeatureGroup.FollowsStage]: { name: 'People you follow on stage', description: 'How many people you follow are speaking.' },
  [FeatureGroup.FollowsAudience]: { name: 'People you follow listening', description: 'How many people you follow are in the audience.' },
  [FeatureGroup.Group]: { name: 'Your groups', description: 'Whether the room belongs to one of your groups.' },
  [FeatureGroup.Timing]: { name: 'Timing', description: 'Whether the room is live now, how long it has run, or how soon it starts.' },
  [FeatureGroup.Audience]: { name: 'Popularity', description: "How many people are listening, the host's followers and the size of the stage." },
  [FeatureGroup.History]: { name: 'Your listening history', description: 'How much you listened to rooms on these topics over the last 30 days.' },
});

/** Size of the fixed reference set (viewer, room) pairs importance is measured over. */
export const TRANSPARENCY_REFERENCE_ROWS = 512;
/** The fixed clock of the reference set. */
export const TRANSPARENCY_REFERENCE_NOW = '2026-03-02T12:00:00.000Z';
const REFERENCE_SEED = 19;

/** The reference set's generator (mulberry32, as the exploration slice's): it must never change between runs. */
const seeded = seededUniform;

/**
 * The reference feature matrix ([rows · FEATURE_DIM], row-major): synthetic, deterministic pairs
 * of a professional and a live or upcoming room drawn from the domain taxonomy (topics, skills,
 * industries, seniority), with follows, groups and history, so every group's signal occurs in it.
 * Nothing in it is real data.
 */
export function transparencyReferenceFeatures(rows = TRANSPARENCY_REFERENCE_ROWS): Float32Array {
  const random = seeded(REFERENCE_SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const topicSlugs = TOPICS.map((topic) => topic.slug);
  const skillsOf = (topics: readonly string[]) => topics.flatMap((slug) => SKILLS_BY_TOPIC[slug] ?? []);
  const nowMs = Date.parse(TRANSPARENCY_REFERENCE_NOW);
  const out = new Float32Array(rows * FEATURE_DIM);
  const people: RankPerson[] = Array.from({ length: 40 }, (_, index) => {
    const field = [pick(topicSlugs), pick(topicSlugs)];
    const skills = skillsOf(field);
    return {
      id: `p${index}`,
      displayName: `Person ${index}`,
      skills: skills.filter(() => random() < 0.5),
      industry: random() < 0.85 ? pick(INDUSTRIES).slug : null,
      seniority: random() < 0.85 ? pick(SENIORITY_LEVELS) : null,
      followerCount: Math.floor(Math.exp(random() * 9)),
    };
  });
  for (let row = 0; row < rows; row++) {
    const interests = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(topicSlugs));
    const viewer: RankViewer = {
      id: `v${row}`,
      skills: skillsOf(interests).filter(() => random() < 0.4),
      interests,
      industry: random() < 0.8 ? pick(INDUSTRIES).slug : null,
      seniority: random() < 0.8 ? pick(SENIORITY_LEVELS) : null,
      followingIds: people.filter(() => random() < 0.1).map((person) => person.id),
      groupIds: random() < 0.5 ? ['g1'] : [],
      history: interests.filter(() => random() < 0.6).map((topicSlug) => ({ topicSlug, seconds: Math.floor(random() * 7200), joins: 1 + Math.floor(random() * 5) })),
    };
    const live = random() < 0.6;
    const roomTopics = random() < 0.5 ? [pick(interests), pick(topicSlugs)] : [pick(topicSlugs)];
    const host = pick(people);
    const candidate: RankCandidate = {
      id: `r${row}`,
      title: `Reference room ${row}`,
      topics: [...new Set(roomTopics)],
      status: live ? 'LIVE' : 'SCHEDULED',
      startedAt: live ? new Date(nowMs - random() * 150 * 60_000).toISOString() : null,
      scheduledFor: live ? null : new Date(nowMs + random() * 24 * 3_600_000).toISOString(),
      groupId: random() < 0.3 ? 'g1' : null,
      groupName: null,
      host,
      stage: people.filter(() => random() < 0.05),
      listenerCount: Math.floor(Math.exp(random() * 6)) - 1,
      followedListenerIds: viewer.followingIds.filter(() => random() < 0.2),
    };
    extractFeatureBatch(prepareViewer(viewer), [candidate], TRANSPARENCY_REFERENCE_NOW, out.subarray(row * FEATURE_DIM));
  }
  return out;
}

/** One group's measured importance. */
export interface GroupImportance {
  readonly group: FeatureGroup;
  /** Share of the total occlusion effect, 0–1; the groups add up to 1 (all 0 if none has any effect). */
  readonly importance: number;
  /** Mean absolute score change when the group is set to its neutral values (log-odds for probability models). */
  readonly meanAbsoluteEffect: number;
}

const EPSILON = 1e-6;
const logOdds = (p: number) => {
  const clamped = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(clamped / (1 - clamped));
};
const isProbability = (value: number) => value >= 0 && value <= 1;

/**
 * Mean occlusion importance of each feature group over `features` (`rows` rows): every row is
 * scored as is and with each group replaced by its neutral values ({@link FEATURE_NEUTRALS}, the
 * same baseline the reasons use); a group's effect is the mean absolute score change, taken in
 * log-odds when every score is a probability (as for shipped models), else as a plain difference.
 * Effects are normalised to sum to 1. Scores in batches of at most `batchRows` rows.
 */
export async function occlusionImportance(features: Float32Array, rows: number, scorer: BatchScorer, batchRows = 2048): Promise<GroupImportance[]> {
  const groups = FEATURE_GROUPS.length;
  const full = await scoreInBatches(features, rows, scorer, batchRows);
  const totals = new Float64Array(groups);
  const occluded = new Float32Array(rows * FEATURE_DIM);
  const fullArray = Array.from(full);
  for (let g = 0; g < groups; g++) {
    const group = FEATURE_GROUPS[g] as FeatureGroup;
    occluded.set(features.subarray(0, rows * FEATURE_DIM));
    for (let row = 0; row < rows; row++) {
      for (const column of FEATURE_GROUP_INDICES[group]) occluded[row * FEATURE_DIM + column] = FEATURE_NEUTRALS[column] ?? 0;
    }
    const without = await scoreInBatches(occluded, rows, scorer, batchRows);
    const probabilities = fullArray.every(isProbability) && Array.from(without).every(isProbability);
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const a = full[row] ?? 0;
      const b = without[row] ?? 0;
      sum += Math.abs(probabilities ? logOdds(a) - logOdds(b) : a - b);
    }
    totals[g] = rows > 0 ? sum / rows : 0;
  }
  const total = totals.reduce((sum, value) => sum + value, 0);
  return FEATURE_GROUPS.map((group, g) => ({
    group,
    meanAbsoluteEffect: totals[g] ?? 0,
    importance: total > 0 ? (totals[g] ?? 0) / total : 0,
  }));
}

async function scoreInBatches(features: Float32Array, rows: number, scorer: BatchScorer, batchRows: number): Promise<Float32Array> {
  const out = new Float32Array(rows);
  for (let from = 0; from < rows; from += batchRows) {
    const count = Math.min(batchRows, rows - from);
    out.set(await scorer(features.subarray(from * FEATURE_DIM, (from + count) * FEATURE_DIM), count), from);
  }
  return out;
}
