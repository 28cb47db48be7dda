import { industryBySlug, normalizeSkill, topicBySlug } from '@roundtable/domain';

import { matchedSkills, stageWithHost, type ViewerContext } from './feature-extraction';
import { FEATURE_GROUPS, FeatureGroup } from './feature-spec';
import type { RankCandidate } from './rank-types';

/** Tuning for {@link explain}. */
export interface ExplainOptions {
  /** At most this many reasons per item (default 3). */
  readonly maxReasons?: number;
  /**
   * A group must add at least this much to the score to be mentioned (default 0.002, in score
   * units): below it the "reason" is noise and would mislead.
   */
  readonly minContribution?: number;
}

/** Per-group contributions, indexed like {@link FEATURE_GROUPS}. */
export type GroupContributions = ArrayLike<number>;

/**
 * Turns per-group score contributions (score with all features minus score with the group
 * neutralised) into reason strings, strongest first. A group only becomes a reason when it both
 * adds to the score and has concrete evidence to name (a skill, a person, a topic), so the text
 * never claims something the raw entities do not show.
 */
export function explain(
  context: ViewerContext,
  candidate: RankCandidate,
  nowMs: number,
  contributions: GroupContributions,
  options: ExplainOptions = {},
): string[] {
  const maxReasons = options.maxReasons ?? 3;
  const minContribution = options.minContribution ?? 0.002;
  const ranked = FEATURE_GROUPS.map((group, index) => ({ group, contribution: contributions[index] ?? 0 }))
    .filter((entry) => entry.contribution >= minContribution)
    .sort((a, b) => b.contribution - a.contribution);
  const reasons: string[] = [];
  for (const { group } of ranked) {
    if (reasons.length >= maxReasons) break;
    const text = reasonFor(group, context, candidate, nowMs);
    if (text !== null && !reasons.includes(text)) reasons.push(text);
  }
  return reasons;
}

/** The reason text for one group, or null when the raw entities hold no evidence for it. */
export function reasonFor(
  group: FeatureGroup,
  context: ViewerContext,
  candidate: RankCandidate,
  nowMs: number,
): string | null {
  switch (group) {
    case FeatureGroup.Skills: {
      const skills = matchedSkills(context, candidate).map(normalizeSkill);
      return skills.length > 0 ? `Matches your skills: ${listNames(skills, 3)}` : null;
    }
    case FeatureGroup.Topics: {
      const followed = candidate.topics.filter((slug) => context.interests.has(slug));
      if (followed.length > 0) return `About topics you follow: ${listNames(followed.map(topicName), 3)}`;
      const categories = unique(
        candidate.topics.flatMap((slug) => {
          const category = topicBySlug(slug)?.category;
          return category && context.interestCategories.has(category) ? [category] : [];
        }),
      );
      return categories.length > 0 ? `Related to your interests: ${listNames(categories, 2)}` : null;
    }
    case FeatureGroup.Industry: {
      const industry = context.viewer.industry;
      if (!industry || !stageWithHost(candidate).some((person) => person.industry === industry)) return null;
      return `Speakers from your industry: ${industryBySlug(industry)?.name ?? industry}`;
    }
    case FeatureGroup.Seniority: {
      const host = candidate.host.seniority;
      if (!host || !context.viewer.seniority) return null;
      if (host === context.viewer.seniority) return 'Hosted by a peer at your career level';
      return `Hosted by ${article(titleCase(host))} ${titleCase(host)}-level ${host === 'EXECUTIVE' ? 'leader' : 'professional'}`;
    }
    case FeatureGroup.FollowsHost:
      return context.following.has(candidate.host.id)
        ? `Hosted by someone you follow: ${candidate.host.displayName}`
        : null;
    case FeatureGroup.FollowsStage: {
      const followed = stageWithHost(candidate)
        .slice(1)
        .filter((person) => context.following.has(person.id))
        .map((person) => person.displayName);
      if (followed.length === 0) return null;
      return followed.length === 1
        ? `On stage: ${followed[0] ?? ''}, whom you follow`
        : `${followed.length} people you follow are on stage: ${listNames(followed, 2)}`;
    }
    case FeatureGroup.FollowsAudience: {
      const count = candidate.followedListenerIds?.length ?? 0;
      if (count === 0) return null;
      if (count > 1) return `${count} people you follow are listening`;
      const name = candidate.followedListenerNames?.[0];
      return name ? `${name}, whom you follow, is listening` : '1 person you follow is listening';
    }
    case FeatureGroup.Group:
      return candidate.groupId !== null && context.groups.has(candidate.groupId)
        ? `In your group: ${candidate.groupName ?? 'a group you belong to'}`
        : null;
    case FeatureGroup.Timing:
      return candidate.status === 'LIVE' ? liveText(candidate) : startsText(candidate, nowMs);
    case FeatureGroup.Audience:
      if (candidate.status === 'LIVE' && candidate.listenerCount > 0) {
        return `Popular: ${compactCount(candidate.listenerCount)} listening`;
      }
      return candidate.host.followerCount > 0
        ? `Host has ${compactCount(candidate.host.followerCount)} followers`
        : null;
    case FeatureGroup.History: {
      const heard = candidate.topics
        .map((slug) => ({ slug, seconds: context.historyByTopic.get(slug)?.seconds ?? 0 }))
        .filter((entry) => entry.seconds > 0)
        .sort((a, b) => b.seconds - a.seconds)
        .map((entry) => topicName(entry.slug));
      return heard.length > 0 ? `You often listen to: ${listNames(heard, 2)}` : null;
    }
  }
}

function liveText(candidate: RankCandidate): string {
  return candidate.listenerCount > 0
    ? `Live now · ${compactCount(candidate.listenerCount)} listening`
    : 'Live now';
}

function startsText(candidate: RankCandidate, nowMs: number): string | null {
  if (candidate.scheduledFor === null) return null;
  const at = Date.parse(candidate.scheduledFor);
  if (!Number.isFinite(at)) return null;
  const minutes = Math.max(0, Math.round((at - nowMs) / 60_000));
  if (minutes < 1) return 'Starting now';
  if (minutes < 60) return `Starts in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `Starts in ${hours} hour${hours === 1 ? '' : 's'}`;
}

/** "1.2k", "340": listener and follower counts read better rounded. */
export function compactCount(count: number): string {
  if (count < 1000) return String(Math.round(count));
  if (count < 1_000_000) return `${trimZero((count / 1000).toFixed(1))}k`;
  return `${trimZero((count / 1_000_000).toFixed(1))}M`;
}

function trimZero(value: string): string {
  return value.endsWith('.0') ? value.slice(0, -2) : value;
}

function topicName(slug: string): string {
  return topicBySlug(slug)?.name ?? slug;
}

function listNames(names: readonly string[], max: number): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} +${names.length - max}` : shown;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function titleCase(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase();
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
