import { extractFeatureBatch, parseNow, prepareViewer } from './feature-extraction';
import { FEATURE_DIM, FEATURE_GROUPS, FeatureGroup, featureIndex } from './feature-spec';
import { clampLimit, topIndices } from './rank-pipeline';
import { HEURISTIC_MODEL_VERSION, type RankRequest, type RankResponse } from './rank-types';
import { explain } from './reasons';

const F = {
  skillJaccard: featureIndex('skill_jaccard_stage'),
  skillCount: featureIndex('skill_overlap_count'),
  topicJaccard: featureIndex('topic_jaccard'),
  followsHost: featureIndex('follows_host'),
  followedOnStage: featureIndex('followed_on_stage'),
  followedListeners: featureIndex('followed_listeners_log'),
  sharedGroup: featureIndex('shared_group'),
  listeners: featureIndex('listeners_log'),
  hostFollowers: featureIndex('host_followers_log'),
} as const;

/**
 * The fallback's terms, each attributed to the feature group it stands for so the fallback can
 * give the same kind of reasons as the model. Weights were set by hand (not learned): topics and
 * skills first, then follows, then a gentle pull towards rooms people are already in.
 */
const HEURISTIC_TERMS: ReadonlyArray<{ group: FeatureGroup; term: (row: Float32Array, at: number) => number }> = [
  { group: FeatureGroup.Topics, term: (f, at) => 2.5 * (f[at + F.topicJaccard] ?? 0) },
  {
    group: FeatureGroup.Skills,
    term: (f, at) => (f[at + F.skillJaccard] ?? 0) + 0.2 * Math.min(5, f[at + F.skillCount] ?? 0),
  },
  { group: FeatureGroup.FollowsHost, term: (f, at) => 1 * (f[at + F.followsHost] ?? 0) },
  { group: FeatureGroup.FollowsStage, term: (f, at) => 0.5 * Math.min(3, f[at + F.followedOnStage] ?? 0) },
  { group: FeatureGroup.FollowsAudience, term: (f, at) => 0.4 * (f[at + F.followedListeners] ?? 0) },
  { group: FeatureGroup.Group, term: (f, at) => 0.5 * (f[at + F.sharedGroup] ?? 0) },
  { group: FeatureGroup.Audience, term: (f, at) => 0.08 * (f[at + F.listeners] ?? 0) },
];

/**
 * The documented fallback score of one feature row: topic/skill overlap + follows + shared group
 * + log audience. Used when the recommender is down and as an evaluation baseline.
 */
export function heuristicScore(features: Float32Array, row: number): number {
  const at = row * FEATURE_DIM;
  let score = 0;
  for (const { term } of HEURISTIC_TERMS) score += term(features, at);
  return score;
}

/** Popularity baseline: log listeners, then log host followers (what "trending" lists do). */
export function popularityScore(features: Float32Array, row: number): number {
  const at = row * FEATURE_DIM;
  return (features[at + F.listeners] ?? 0) + 0.25 * (features[at + F.hostFollowers] ?? 0);
}

/** Topic-overlap baseline: Jaccard of interests and room topics, popularity only to break ties. */
export function topicOverlapScore(features: Float32Array, row: number): number {
  return (features[row * FEATURE_DIM + F.topicJaccard] ?? 0) + 1e-3 * popularityScore(features, row);
}

/**
 * Ranks without a model, for when the recommender is unavailable. Same response shape as the
 * service, with `modelVersion` "fallback:heuristic" and reasons from the heuristic's own terms.
 */
export function heuristicRank(request: RankRequest): RankResponse {
  const context = prepareViewer(request.viewer);
  const nowMs = parseNow(request.now);
  const features = extractFeatureBatch(context, request.candidates, request.now);
  const scores = Float64Array.from(request.candidates, (_, row) => heuristicScore(features, row));
  const limit = clampLimit(request.limit, request.candidates.length);
  const top = topIndices(scores, request.candidates.map((candidate) => candidate.id), limit);
  const items = top.flatMap((row) => {
    const candidate = request.candidates[row];
    if (!candidate) return [];
    const contributions = new Float64Array(FEATURE_GROUPS.length);
    for (const { group, term } of HEURISTIC_TERMS) {
      const index = FEATURE_GROUPS.indexOf(group);
      contributions[index] = (contributions[index] ?? 0) + term(features, row * FEATURE_DIM);
    }
    // Timing is not a scoring term, but "Live now" is still the most useful thing to say.
    if (candidate.status === 'LIVE' || candidate.scheduledFor !== null) {
      contributions[FEATURE_GROUPS.indexOf(FeatureGroup.Timing)] = 0.01;
    }
    return [{ roomId: candidate.id, score: scores[row] ?? 0, reasons: explain(context, candidate, nowMs, contributions) }];
  });
  return { modelVersion: HEURISTIC_MODEL_VERSION, items };
}

/** {@link heuristicScore} as a batch scorer (transparency measures the fallback like a model). */
export function heuristicBatchScorer(features: Float32Array, rows: number): Float32Array {
  return Float32Array.from({ length: rows }, (_, row) => heuristicScore(features, row));
}
