/**
 * Feature groups: the unit the model is explained in. Each group is neutralised as a whole during
 * occlusion, and each maps to one kind of reason text.
 */
export enum FeatureGroup {
  Skills = 'skills',
  Topics = 'topics',
  Industry = 'industry',
  Seniority = 'seniority',
  FollowsHost = 'follows_host',
  FollowsStage = 'follows_stage',
  FollowsAudience = 'follows_audience',
  Group = 'group',
  Timing = 'timing',
  Audience = 'audience',
  History = 'history',
}

/** One column of the feature matrix. */
export interface FeatureDefinition {
  /** Stable snake_case name; part of the model contract. */
  readonly name: string;
  readonly group: FeatureGroup;
  /**
   * The value that means "no evidence" for this feature. Occlusion replaces a group's features
   * with these, so a group's contribution is the score it adds over a room with no such signal.
   */
  readonly neutral: number;
  readonly description: string;
}

/**
 * Industries with heavy regulation, where practitioners care most about hearing from their own
 * industry (compliance, regulators and domain rules differ). Public knowledge, not learned.
 */
export const REGULATED_INDUSTRIES: ReadonlySet<string> = new Set([
  'financial-services',
  'banking',
  'insurance',
  'healthcare',
  'pharmaceuticals',
  'government',
  'energy',
  'legal-services',
  'aerospace-and-defense',
]);

/** Minutes in a day: scheduled rooms further out than this are not candidates. */
const DAY_MINUTES = 24 * 60;

const FEATURES: readonly FeatureDefinition[] = Object.freeze([
  { name: 'skill_jaccard_stage', group: FeatureGroup.Skills, neutral: 0, description: 'Jaccard similarity of viewer skills and the union of stage skills (normalised skill keys).' },
  { name: 'skill_overlap_count', group: FeatureGroup.Skills, neutral: 0, description: 'Number of viewer skills held by someone on stage, capped at 10.' },
  { name: 'topic_jaccard', group: FeatureGroup.Topics, neutral: 0, description: 'Jaccard similarity of viewer interests and room topics.' },
  { name: 'topic_overlap_count', group: FeatureGroup.Topics, neutral: 0, description: 'Number of room topics the viewer follows.' },
  { name: 'topic_category_share', group: FeatureGroup.Topics, neutral: 0, description: 'Share of room topics whose category the viewer follows any topic in.' },
  { name: 'industry_match_host', group: FeatureGroup.Industry, neutral: 0, description: '1 if the host works in the viewer industry.' },
  { name: 'industry_match_stage_share', group: FeatureGroup.Industry, neutral: 0, description: 'Share of the stage (host included) in the viewer industry.' },
  { name: 'seniority_diff_host', group: FeatureGroup.Seniority, neutral: 0, description: 'Host seniority rank minus viewer seniority rank (0 when either is unknown).' },
  { name: 'seniority_absdiff_host', group: FeatureGroup.Seniority, neutral: 0, description: 'Absolute seniority distance between host and viewer (0 when unknown).' },
  { name: 'seniority_known', group: FeatureGroup.Seniority, neutral: 0, description: '1 if both viewer and host seniority are known.' },
  { name: 'follows_host', group: FeatureGroup.FollowsHost, neutral: 0, description: '1 if the viewer follows the host.' },
  { name: 'followed_on_stage', group: FeatureGroup.FollowsStage, neutral: 0, description: 'Speakers (host excluded) the viewer follows.' },
  { name: 'followed_listeners_log', group: FeatureGroup.FollowsAudience, neutral: 0, description: 'log1p of listeners the viewer follows.' },
  { name: 'shared_group', group: FeatureGroup.Group, neutral: 0, description: '1 if the room belongs to a group the viewer is in.' },
  { name: 'is_live', group: FeatureGroup.Timing, neutral: 0, description: '1 if the room is live.' },
  { name: 'minutes_since_start_log', group: FeatureGroup.Timing, neutral: 0, description: 'log1p of minutes since a live room started (0 for scheduled).' },
  { name: 'minutes_until_start_log', group: FeatureGroup.Timing, neutral: Math.log1p(DAY_MINUTES), description: 'log1p of minutes until a scheduled room starts (0 for live); neutral is a day away.' },
  { name: 'starts_within_hour', group: FeatureGroup.Timing, neutral: 0, description: '1 if a scheduled room starts within 60 minutes.' },
  { name: 'listeners_log', group: FeatureGroup.Audience, neutral: 0, description: 'log1p of the current listener count.' },
  { name: 'host_followers_log', group: FeatureGroup.Audience, neutral: 0, description: 'log1p of the host follower count.' },
  { name: 'stage_size_log', group: FeatureGroup.Audience, neutral: 0, description: 'log1p of the number of people on stage, host included.' },
  { name: 'history_topic_share', group: FeatureGroup.History, neutral: 0, description: 'Share of the viewer recent listening seconds spent on the room topics.' },
  { name: 'history_topic_joins_log', group: FeatureGroup.History, neutral: 0, description: 'log1p of recent joins of rooms with the room topics.' },
  { name: 'history_total_minutes_log', group: FeatureGroup.History, neutral: 0, description: 'log1p of the viewer total recent listening minutes (activity level).' },
  // rt-features-v2 appends these; columns 0-23 keep their v1 meaning, so v1 models can still be
  // evaluated offline on the first 24 columns.
  { name: 'viewer_seniority_level', group: FeatureGroup.Seniority, neutral: 0, description: 'Viewer seniority rank + 1 (1 = Entry ... 7 = Executive; 0 when unknown).' },
  { name: 'stage_max_seniority_diff', group: FeatureGroup.Seniority, neutral: 0, description: 'Most senior person on stage (host included) minus viewer rank (0 when unknown).' },
  { name: 'room_careers_share', group: FeatureGroup.Topics, neutral: 0, description: 'Share of room topics in the People & Careers category (career growth, mentorship, ...).' },
  { name: 'room_leadership_share', group: FeatureGroup.Topics, neutral: 0, description: 'Share of room topics in the Leadership category.' },
  { name: 'viewer_industry_regulated', group: FeatureGroup.Industry, neutral: 0, description: '1 if the viewer works in a regulated industry (finance, banking, insurance, healthcare, pharma, government, energy, legal, aerospace).' },
  { name: 'history_topic_minutes_log', group: FeatureGroup.History, neutral: 0, description: 'log1p of recent listening minutes on the room topics.' },
  // rt-features-v3 appends these; columns 0-29 keep their v2 meaning (v2 models are still scored offline on them).
  { name: 'skill_topic_share', group: FeatureGroup.Skills, neutral: 0, description: 'Share of room topics that one of the viewer skills belongs to (SKILLS_BY_TOPIC of the domain taxonomy): interests the profile does not list, inferred from skills.' },
  { name: 'skill_topic_weight_log', group: FeatureGroup.Skills, neutral: 0, description: 'log1p of the viewer skills on the room topics, each skill counted 1 / (number of topics it belongs to).' },
  { name: 'skill_category_share', group: FeatureGroup.Skills, neutral: 0, description: 'Weighted share of the viewer skill topics (SKILLS_BY_TOPIC) that lie in the categories of the room topics: how close the room is to the viewer field.' },
  { name: 'history_category_share', group: FeatureGroup.History, neutral: 0, description: 'Share of the viewer recent listening seconds spent on topics in the categories of the room topics.' },
  { name: 'stage_followers_log', group: FeatureGroup.Audience, neutral: 0, description: 'log1p of the follower count of everyone on stage, host included (the room reach).' },
  { name: 'listeners_per_reach_log', group: FeatureGroup.Audience, neutral: 0, description: 'Live rooms: log1p(listeners) - log1p(stage followers / 10), how well the room draws for its reach (0 for scheduled rooms).' },
]);

/** The feature contract shared by training and serving. */
export interface FeatureSpec {
  /** Bumped whenever a feature is added, removed, reordered or changes meaning. */
  readonly version: string;
  /** Column names in matrix order. */
  readonly names: readonly string[];
  readonly features: readonly FeatureDefinition[];
}

/**
 * The one feature specification. Models carry its version and names in their metadata and the
 * recommender refuses any model whose copy differs, so train/serve skew cannot ship silently.
 */
export const FEATURE_SPEC: FeatureSpec = Object.freeze({
  version: 'rt-features-v3',
  names: Object.freeze(FEATURES.map((feature) => feature.name)),
  features: FEATURES,
});

/** Number of features (columns) per candidate. */
export const FEATURE_DIM = FEATURES.length;

/** Every group in a stable order (the order occlusion rows are laid out in). */
export const FEATURE_GROUPS: readonly FeatureGroup[] = Object.freeze(Object.values(FeatureGroup));

/** Column indices of each group's features. */
export const FEATURE_GROUP_INDICES: Readonly<Record<FeatureGroup, readonly number[]>> = Object.freeze(
  Object.fromEntries(
    FEATURE_GROUPS.map((group) => [
      group,
      Object.freeze(FEATURES.flatMap((feature, index) => (feature.group === group ? [index] : []))),
    ]),
  ) as Record<FeatureGroup, readonly number[]>,
);

/** Neutral value per column (see {@link FeatureDefinition.neutral}). */
export const FEATURE_NEUTRALS: Readonly<Float32Array> = Float32Array.from(FEATURES, (feature) => feature.neutral);

/** Column index of a feature by name; throws for unknown names so typos fail loudly in tools. */
export function featureIndex(name: string): number {
  const index = FEATURE_SPEC.names.indexOf(name);
  if (index < 0) throw new Error(`Unknown feature "${name}" in ${FEATURE_SPEC.version}`);
  return index;
}

/** Describes why two feature specs differ, or returns null when they are identical. */
export function diffFeatureSpec(
  expected: Pick<FeatureSpec, 'version' | 'names'>,
  actual: Pick<FeatureSpec, 'version' | 'names'>,
): string | null {
  if (expected.version !== actual.version) {
    return `feature spec version "${actual.version}" differs from "${expected.version}"`;
  }
  if (expected.names.length !== actual.names.length) {
    return `model has ${actual.names.length} features, ${expected.version} has ${expected.names.length}`;
  }
  const at = expected.names.findIndex((name, index) => actual.names[index] !== name);
  if (at >= 0) {
    return `feature ${at} is "${actual.names[at] ?? ''}" in the model but "${expected.names[at] ?? ''}" in ${expected.version}`;
  }
  return null;
}
