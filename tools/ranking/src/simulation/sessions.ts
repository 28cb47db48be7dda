/**
 * Hallway sessions in the SYNTHETIC world: a person opens the app, is shown a list of rooms and
 * joins some of them according to a hidden preference model with position bias. The output is
 * the same {@link ImpressionLogRecord} the API's `ranking:export` writes.
 */
import { seniorityRank, skillKey, topicBySlug } from '@roundtable/domain';
import {
  REGULATED_INDUSTRIES,
  type ImpressionLogRecord,
  type RankCandidate,
  type RankHistoryEntry,
  type RankPerson,
  type RankViewer,
} from '@roundtable/ranking';

import type { Random } from '../random';
import type { SimProfile, SimRoom, SimWorld } from './world';

export interface SessionOptions {
  readonly sessions: number;
  /** Rooms shown per session (fewer when fewer are available). */
  readonly listSize: number;
  /** Length of the "recent listening" window the API sends as history. */
  readonly historyDays: number;
  readonly seed: number;
  /**
   * Diagnostic: log the hidden join probability as the impression's `score`, so evaluation can
   * show the ceiling any model could reach on this data. Training never reads `score`.
   */
  readonly logOracleScore: boolean;
  /** Diagnostic: the logged oracle score leaves out the per-impression noise (outcomes are unchanged). */
  readonly oracleWithoutNoise?: boolean;
  /**
   * Diagnostic: hidden parts the logged oracle score is computed without (outcomes are unchanged):
   * `quality` scores every room at quality 0, `taste` scores each person with the typical taste
   * of their career stage. With {@link oracleWithoutNoise}, the score shows what knowing the rest
   * is worth.
   */
  readonly oracleWithout?: readonly OracleHiddenPart[];
  /**
   * Which hidden preference model decides joins: `v2` (default) adds the persona-dependent
   * effects documented in docs/ranking.md; `v1` is the earlier, mostly additive model, kept so
   * old results can be reproduced.
   */
  readonly preferences?: PreferenceModel;
}

/** Hidden parts of the preference model an oracle score can be computed without. */
export type OracleHiddenPart = 'quality' | 'taste';
export const ORACLE_HIDDEN_PARTS: readonly OracleHiddenPart[] = ['quality', 'taste'];

/** Versions of the hidden preference model (see {@link hiddenUtility} and {@link hiddenUtilityV2}). */
export type PreferenceModel = 'v1' | 'v2';
export const PREFERENCE_MODELS: readonly PreferenceModel[] = ['v1', 'v2'];

/** The policy that ordered the logged lists: uniformly random, so positions are independent of features. */
export const SIM_LOGGING_POLICY = 'sim:uniform-random';
/** The `model_version` of a log whose `score` is the hidden join probability (`--log-oracle-score`). */
export const SIM_ORACLE_SCORE_POLICY = `${SIM_LOGGING_POLICY}+oracle-score`;

/** Whether every impression of these sessions logged the oracle's score (`--log-oracle-score`), so `score` may be read as it. */
export function carriesOracleScore(sessions: readonly { readonly records: readonly { readonly modelVersion: string }[] }[]): boolean {
  return sessions.every((session) => session.records.every((record) => record.modelVersion === SIM_ORACLE_SCORE_POLICY));
}

/** Probability a person even looks at position `p` (0-based): the position bias. */
export function examinationProbability(position: number): number {
  return 1 / (1 + 0.2 * position);
}

interface ListenEvent {
  readonly ms: number;
  readonly topics: readonly string[];
  readonly seconds: number;
}

/** Simulates `options.sessions` sessions in time order, handing each session's records to `emit`. */
export async function simulateSessions(
  world: SimWorld,
  random: Random,
  options: SessionOptions,
  emit: (records: readonly ImpressionLogRecord[]) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<{ impressions: number; joins: number; sessionsWithJoin: number }> {
  const historyMs = options.historyDays * 86_400_000;
  const events = new Map<string, ListenEvent[]>();
  for (const profile of world.profiles) events.set(profile.id, seedHistory(random, profile, world.startMs, historyMs));

  const activity = world.profiles.map((profile) => profile.activity);
  const times = Array.from(
    { length: options.sessions },
    () => world.startMs + random.next() * (world.endMs - world.startMs),
  ).sort((a, b) => a - b);
  const personCache = new Map<string, RankPerson>();
  let impressions = 0;
  let joins = 0;
  let sessionsWithJoin = 0;

  for (let index = 0; index < times.length; index++) {
    const nowMs = times[index] ?? world.startMs;
    const viewerProfile = world.profiles[random.weightedIndex(activity)];
    if (!viewerProfile) continue;
    const pool = world.rooms.filter(
      (room) => room.announcedMs <= nowMs && room.endMs > nowMs && room.startMs - nowMs <= 86_400_000 && room.host.id !== viewerProfile.id,
    );
    const shown = random.shuffle([...pool]).slice(0, options.listSize);
    const viewer = viewerSnapshot(viewerProfile, events.get(viewerProfile.id) ?? [], nowMs, historyMs);
    const requestId = `sim-${options.seed}-${index}`;
    const at = new Date(nowMs).toISOString();
    const records: ImpressionLogRecord[] = [];
    let sessionJoins = 0;
    shown.forEach((room, position) => {
      const candidate = candidateSnapshot(room, nowMs, viewerProfile, world, random, personCache);
      const utilityOf = (person: SimProfile, scored: SimRoom): number =>
        (options.preferences ?? 'v2') === 'v1'
          ? hiddenUtility(person, scored, candidate, nowMs)
          : hiddenUtilityV2(person, viewer, scored, candidate, nowMs);
      const base = utilityOf(viewerProfile, room);
      const utility = base + random.normal(0, 0.3);
      const oracleBase =
        options.logOracleScore && (options.oracleWithout?.length ?? 0) > 0
          ? utilityOf(
              options.oracleWithout?.includes('taste') ? { ...viewerProfile, taste: viewerProfile.typicalTaste } : viewerProfile,
              options.oracleWithout?.includes('quality') ? { ...room, quality: 0 } : room,
            )
          : base;
      const examined = random.chance(examinationProbability(position));
      const joined = examined && random.chance(sigmoid(utility));
      const remaining = Math.max(60, (room.endMs - Math.max(nowMs, room.startMs)) / 1000);
      const secondsListened = joined
        ? Math.round(Math.min(remaining, -Math.log(1 - random.next()) * 420 * Math.exp(0.35 * utility)))
        : 0;
      const raisedHand = joined && random.chance(sigmoid(utility - 2.5));
      const spoke = raisedHand && random.chance(0.5);
      if (joined) {
        sessionJoins += 1;
        // Listening lands in the history when it happens (a scheduled room is heard once it starts).
        events.get(viewerProfile.id)?.push({ ms: Math.max(nowMs, room.startMs), topics: room.topics, seconds: secondsListened });
      }
      records.push({
        requestId,
        at,
        viewer,
        candidate,
        position,
        score: options.logOracleScore ? sigmoid(options.oracleWithoutNoise ? oracleBase : oracleBase + (utility - base)) : 0,
        modelVersion: options.logOracleScore ? SIM_ORACLE_SCORE_POLICY : SIM_LOGGING_POLICY,
        // The whole list is one uniform shuffle: every room lands at every position with probability 1/n.
        propensity: 1 / shown.length,
        exploration: true,
        outcome: { joined, secondsListened, raisedHand, spoke },
      });
    });
    impressions += records.length;
    joins += sessionJoins;
    if (sessionJoins > 0) sessionsWithJoin += 1;
    if (records.length > 0) await emit(records);
    onProgress?.(index + 1);
  }
  return { impressions, joins, sessionsWithJoin };
}

/** The signals both hidden preference models start from, computed one way for both. */
function roomSignals(viewer: SimProfile, room: SimRoom, candidate: RankCandidate, nowMs: number) {
  const trueAffinity = room.topics.filter((topic) => viewer.trueInterests.includes(topic)).length / room.topics.length;
  const viewerSkills = new Set(viewer.skills.map(skillKey));
  const everyone = [room.host, ...room.stage];
  const stageSkills = new Set(everyone.flatMap((person) => person.skills.map(skillKey)));
  let skillOverlap = 0;
  for (const key of viewerSkills) if (stageSkills.has(key)) skillOverlap += 1;
  const follows = new Set(viewer.followingIds);
  return {
    trueAffinity,
    skillOverlap,
    everyone,
    follows,
    followedOnStage: room.stage.filter((person) => follows.has(person.id)).length,
    followedListeners: candidate.followedListenerIds?.length ?? 0,
    live: nowMs >= room.startMs,
  };
}

/**
 * The hidden preference model: what makes a simulated person join a room once they have seen
 * it. It uses the person's TRUE interests (the profile only lists some of them) and unobserved
 * room quality, so no feature set can recover it exactly.
 */
export function hiddenUtility(viewer: SimProfile, room: SimRoom, candidate: RankCandidate, nowMs: number): number {
  const { trueAffinity, skillOverlap, follows, followedOnStage, followedListeners, live } = roomSignals(viewer, room, candidate, nowMs);

  const { taste } = viewer;
  let utility = -3.6;
  utility += taste.topical * 3.0 * trueAffinity;
  utility += 0.3 * Math.min(skillOverlap, 4);
  utility += taste.social * (follows.has(room.host.id) ? 2.0 : 0);
  utility += taste.social * 0.6 * Math.min(followedOnStage, 2);
  utility += taste.social * 0.5 * Math.log1p(followedListeners);
  utility += room.groupId !== null && viewer.groupIds.includes(room.groupId) ? 0.9 : 0;
  if (viewer.industry !== null) {
    const sameIndustry = [room.host, ...room.stage].filter((person) => person.industry === viewer.industry).length;
    utility += 0.7 * (sameIndustry / (1 + room.stage.length));
  }
  if (viewer.seniority && room.host.seniority) {
    // People like to hear from a level or three above them, less from people below them.
    const diff = seniorityRank(room.host.seniority) - seniorityRank(viewer.seniority);
    utility += diff > 0 ? taste.upward * Math.min(diff, 3) : -0.25 * Math.abs(diff);
    const leadershipRoom = room.topics.some((slug) => topicBySlug(slug)?.category === 'Leadership');
    if (leadershipRoom && seniorityRank(viewer.seniority) >= 4) utility += 0.6;
  }
  // Audio is live: a room on now converts far better than one announced for later today, and
  // a live room loses pull as it ages.
  if (live) {
    utility += 1.0 - 0.35 * Math.log1p((nowMs - room.startMs) / 60_000 / 30);
  } else {
    const minutesUntil = (room.startMs - nowMs) / 60_000;
    utility += minutesUntil <= 60 ? 0.3 : -0.8 - 0.35 * Math.log1p(minutesUntil / 120);
  }
  utility += 0.2 * Math.log1p(candidate.listenerCount);
  utility += 0.5 * room.quality;
  return utility;
}

/**
 * The v2 hidden preference model. Real professionals do not weigh signals the same way whatever
 * their career stage, so on top of v1's unobserved parts (true interests, room quality, personal
 * tastes, noise) it adds persona-dependent effects and interactions. Every new effect depends
 * only on what the logged request shows (the viewer's seniority, industry and recent history as
 * sent; room topics, stage, audience), so a model could in principle learn it:
 *
 * - Early-career people (Entry, Mid) are drawn to career-growth/mentorship rooms (People &
 *   Careers topics) and to senior speakers anywhere on stage, not only the host.
 * - Senior people (Manager and up) prefer peers within one level, go off rooms hosted well below
 *   them, like leadership rooms, and avoid very large rooms (they come for conversation).
 * - Industry fit matters much more in regulated industries (REGULATED_INDUSTRIES: the same public
 *   list behind the `viewer_industry_regulated` feature).
 * - Habit: recent listening on a room's topics (the same history the request carries) adds pull.
 * - Following the host matters most; followed people on stage less; followed listeners least.
 * - Scheduled rooms further out need topical fit: a weak match is rarely worth a calendar slot.
 */
export function hiddenUtilityV2(
  viewer: SimProfile,
  snapshot: RankViewer,
  room: SimRoom,
  candidate: RankCandidate,
  nowMs: number,
): number {
  const { trueAffinity, skillOverlap, follows, followedOnStage, followedListeners, live, everyone } = roomSignals(viewer, room, candidate, nowMs);
  const categories = room.topics.map((slug) => topicBySlug(slug)?.category);
  const careersShare = categories.filter((category) => category === 'People & Careers').length / room.topics.length;
  const leadershipShare = categories.filter((category) => category === 'Leadership').length / room.topics.length;

  // Habit from the recent listening the request carries.
  let topicSeconds = 0;
  let totalSeconds = 0;
  for (const entry of snapshot.history) {
    totalSeconds += entry.seconds;
    if (room.topics.includes(entry.topicSlug)) topicSeconds += entry.seconds;
  }
  const habit = totalSeconds > 0 ? Math.min(1, topicSeconds / totalSeconds) : 0;

  const { taste } = viewer;
  let utility = -3.8;
  let topical = taste.topical * 3.0 * trueAffinity + 1.4 * habit;
  if (!live && (room.startMs - nowMs) / 60_000 > 60) topical *= 1.3;
  utility += topical;
  utility += 0.3 * Math.min(skillOverlap, 4);
  utility += taste.social * (follows.has(room.host.id) ? 2.2 : 0);
  utility += taste.social * 0.5 * Math.min(followedOnStage, 2);
  utility += taste.social * 0.3 * Math.log1p(followedListeners);
  utility += room.groupId !== null && viewer.groupIds.includes(room.groupId) ? 0.9 : 0;
  if (viewer.industry !== null) {
    const sameIndustry = everyone.filter((person) => person.industry === viewer.industry).length / everyone.length;
    utility += (REGULATED_INDUSTRIES.has(viewer.industry) ? 2.0 : 0.5) * sameIndustry;
  }
  utility += 0.2 * Math.log1p(candidate.listenerCount);
  if (viewer.seniority) {
    const viewerRank = seniorityRank(viewer.seniority);
    const hostDiff = room.host.seniority ? seniorityRank(room.host.seniority) - viewerRank : null;
    const stageTop = Math.max(...everyone.map((person) => (person.seniority ? seniorityRank(person.seniority) : -1)));
    if (viewerRank <= 1) {
      // Early career: learn from people above you and about your career.
      utility += 1.2 * careersShare;
      if (stageTop >= 0) utility += taste.upward * Math.min(Math.max(0, stageTop - viewerRank), 4);
    } else if (viewerRank >= 4) {
      // Senior: peers, leadership topics, and small rooms.
      if (hostDiff !== null) utility += Math.abs(hostDiff) <= 1 ? 0.6 : hostDiff < -1 ? -0.35 * (-hostDiff - 1) : 0;
      utility += 0.9 * leadershipShare;
      utility -= 0.35 * Math.log1p(candidate.listenerCount / 60);
    } else if (hostDiff !== null) {
      utility += hostDiff > 0 ? taste.upward * Math.min(hostDiff, 3) : -0.25 * Math.abs(hostDiff);
    }
  }
  if (live) {
    utility += 1.0 - 0.35 * Math.log1p((nowMs - room.startMs) / 60_000 / 30);
  } else {
    const minutesUntil = (room.startMs - nowMs) / 60_000;
    utility += minutesUntil <= 60 ? 0.3 : -0.8 - 0.35 * Math.log1p(minutesUntil / 120);
  }
  utility += 0.5 * room.quality;
  return utility;
}

function seedHistory(random: Random, profile: SimProfile, startMs: number, historyMs: number): ListenEvent[] {
  // The world starts mid-life: people already have some recent listening, mostly on true interests.
  const events: ListenEvent[] = [];
  const count = random.poisson(8 * profile.activity);
  for (let i = 0; i < count; i++) {
    const topics = [random.chance(0.85) ? random.pick(profile.trueInterests) : randomBroadTopic(random)];
    events.push({ ms: startMs - random.next() * historyMs, topics, seconds: Math.round(-Math.log(1 - random.next()) * 900) });
  }
  return events;
}

/** Broad topics people dip into regardless of their field. */
function randomBroadTopic(random: Random): string {
  const slugs = ['leadership', 'career-growth', 'startups', 'marketing', 'generative-ai'];
  return random.pick(slugs);
}

function viewerSnapshot(profile: SimProfile, events: readonly ListenEvent[], nowMs: number, historyMs: number): RankViewer {
  const byTopic = new Map<string, { seconds: number; joins: number }>();
  for (const event of events) {
    if (event.ms >= nowMs || event.ms < nowMs - historyMs) continue;
    for (const topicSlug of event.topics) {
      const entry = byTopic.get(topicSlug) ?? { seconds: 0, joins: 0 };
      entry.seconds += event.seconds;
      entry.joins += 1;
      byTopic.set(topicSlug, entry);
    }
  }
  const history: RankHistoryEntry[] = [...byTopic.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([topicSlug, entry]) => ({ topicSlug, seconds: entry.seconds, joins: entry.joins }));
  return {
    id: profile.id,
    skills: profile.skills,
    interests: profile.interests,
    industry: profile.industry,
    seniority: profile.seniority,
    followingIds: profile.followingIds,
    groupIds: profile.groupIds,
    history,
  };
}

function asPerson(profile: SimProfile, cache: Map<string, RankPerson>): RankPerson {
  let person = cache.get(profile.id);
  if (!person) {
    person = {
      id: profile.id,
      displayName: profile.displayName,
      skills: profile.skills,
      industry: profile.industry,
      seniority: profile.seniority,
      followerCount: profile.followerCount,
    };
    cache.set(profile.id, person);
  }
  return person;
}

/** How full a live room is over its life: a quick ramp-up, then a slow drain. */
function audienceCurve(progress: number): number {
  return progress < 0.2 ? 0.3 + 3.5 * progress : 1 - 0.4 * (progress - 0.2);
}

function candidateSnapshot(
  room: SimRoom,
  nowMs: number,
  viewer: SimProfile,
  world: SimWorld,
  random: Random,
  cache: Map<string, RankPerson>,
): RankCandidate {
  const live = nowMs >= room.startMs;
  const progress = (nowMs - room.startMs) / (room.endMs - room.startMs);
  const listenerCount = live ? Math.max(0, Math.round(room.peakListeners * audienceCurve(progress) * Math.exp(random.normal(0, 0.15)))) : 0;
  const followedListenerIds: string[] = [];
  if (live && listenerCount > 0) {
    // Followed people listen when the room is on their true interests and already has a crowd.
    const crowd = listenerCount / (listenerCount + 80);
    for (const id of viewer.followingIds) {
      const followed = world.profilesById.get(id);
      if (!followed || followed.id === room.host.id || room.stage.includes(followed)) continue;
      const affinity = room.topics.filter((topic) => followed.trueInterests.includes(topic)).length / room.topics.length;
      if (random.chance(Math.min(0.6, crowd * (0.04 + 0.5 * affinity)))) followedListenerIds.push(id);
    }
  }
  return {
    id: room.id,
    title: room.title,
    topics: room.topics,
    status: live ? 'LIVE' : 'SCHEDULED',
    startedAt: live ? new Date(room.startMs).toISOString() : null,
    scheduledFor: live ? null : new Date(room.startMs).toISOString(),
    groupId: room.groupId,
    groupName: room.groupName,
    host: asPerson(room.host, cache),
    stage: room.stage.map((person) => asPerson(person, cache)),
    listenerCount,
    followedListenerIds,
  };
}

function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}
