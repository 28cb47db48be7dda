/**
 * The SYNTHETIC professional world behind `ranking:simulate`. Nothing here is real data: people,
 * follows, groups and rooms are drawn from the domain taxonomy with hand-set distributions that
 * mimic how professional networks look (skills co-occur through topics, industries follow the
 * field a person works in, popularity is heavy-tailed, follows are homophilous).
 */
import {
  INDUSTRIES,
  SENIORITY_LEVELS,
  SKILLS_BY_TOPIC,
  TOPIC_CATEGORIES,
  TOPICS,
  type Seniority,
  type TopicCategory,
} from '@roundtable/domain';
import type { RankPerson } from '@roundtable/ranking';

import type { Random } from '../random';

/** A simulated person; `trueInterests` are hidden from the model (only `interests` are on the profile). */
export interface SimProfile extends RankPerson {
  readonly index: number;
  readonly category: TopicCategory;
  /** Topics the person actually enjoys; drives the hidden preference model. */
  readonly trueInterests: readonly string[];
  /** Topics on the profile: a noisy, partly stale subset of the true ones. */
  readonly interests: readonly string[];
  /** Relative likelihood of opening the app (heavy-tailed). */
  readonly activity: number;
  /** Latent reach, drives who gets followed and who hosts big rooms. */
  readonly popularity: number;
  /** Hidden tastes: how much this person weighs topic fit, their network, and hearing from seniors. */
  readonly taste: SimTaste;
  /**
   * The taste of a typical person at this career stage: {@link SimProfile.taste} without its
   * individual (log-normal) factors. Diagnostics only (`ranking:simulate --oracle-without taste`).
   */
  readonly typicalTaste: SimTaste;
  followingIds: string[];
  groupIds: string[];
  followerCount: number;
}

/** How much a person weighs topic fit, their network, and hearing from seniors (multipliers). */
export interface SimTaste {
  readonly topical: number;
  readonly social: number;
  readonly upward: number;
}
export interface SimGroup {
  readonly id: string;
  readonly name: string;
  readonly topic: string;
  readonly memberIds: Set<string>;
}

export interface SimRoom {
  readonly id: string;
  readonly title: string;
  readonly topics: readonly string[];
  readonly host: SimProfile;
  readonly stage: readonly SimProfile[];
  readonly groupId: string | null;
  readonly groupName: string | null;
  /** When it appears in the hallway as SCHEDULED (equal to startMs for spontaneous rooms). */
  readonly announcedMs: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Unobserved room quality: good rooms draw crowds and joins beyond what features show. */
  readonly quality: number;
  /** Peak listener count. */
  readonly peakListeners: number;
}

export interface SimWorld {
  readonly profiles: readonly SimProfile[];
  readonly profilesById: ReadonlyMap<string, SimProfile>;
  readonly groups: readonly SimGroup[];
  readonly groupsById: ReadonlyMap<string, SimGroup>;
  readonly rooms: readonly SimRoom[];
  readonly startMs: number;
  readonly endMs: number;
}

export interface WorldOptions {
  readonly profiles: number;
  readonly rooms: number;
  readonly days: number;
  readonly startIso: string;
}

/** How likely each field is to be a person's primary one. */
const CATEGORY_WEIGHTS: Readonly<Record<TopicCategory, number>> = {
  Technology: 0.24,
  'Data & AI': 0.15,
  'Product & Design': 0.1,
  Business: 0.1,
  'Sales & Marketing': 0.12,
  Finance: 0.08,
  'People & Careers': 0.08,
  Leadership: 0.07,
  Industries: 0.06,
};

/** Industries people in each field tend to work in, most likely first. */
const CATEGORY_INDUSTRIES: Readonly<Record<TopicCategory, readonly string[]>> = {
  Technology: ['software', 'internet', 'financial-services', 'telecommunications', 'consulting', 'entertainment'],
  'Data & AI': ['software', 'internet', 'financial-services', 'healthcare', 'retail', 'consulting'],
  'Product & Design': ['software', 'internet', 'retail', 'media', 'consumer-goods'],
  Business: ['consulting', 'software', 'manufacturing', 'retail', 'transportation-and-logistics'],
  'Sales & Marketing': ['marketing-and-advertising', 'software', 'retail', 'consumer-goods', 'media'],
  Finance: ['financial-services', 'banking', 'insurance', 'consulting', 'real-estate'],
  'People & Careers': ['staffing-and-recruiting', 'education', 'consulting', 'software', 'non-profit'],
  Leadership: ['consulting', 'software', 'financial-services', 'healthcare', 'government'],
  Industries: ['healthcare', 'energy', 'education', 'pharmaceuticals', 'automotive', 'real-estate', 'entertainment'],
};

const SENIORITY_WEIGHTS = [0.14, 0.28, 0.25, 0.12, 0.11, 0.06, 0.04];

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Linus', 'Margaret', 'Katherine', 'Tim', 'Barbara', 'Ken', 'Radia', 'Dennis', 'Frances', 'Guido', 'Hedy', 'Jean', 'Shafi', 'Yukihiro', 'Anita', 'Fei-Fei', 'Andrew', 'Priya', 'Kwame', 'Sofia', 'Mateo', 'Amara', 'Chen', 'Olga', 'Ravi', 'Leila', 'Tomás'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Torvalds', 'Hamilton', 'Johnson', 'Berners-Lee', 'Liskov', 'Thompson', 'Perlman', 'Ritchie', 'Allen', 'van Rossum', 'Lamarr', 'Sammet', 'Goldwasser', 'Matsumoto', 'Borg', 'Li', 'Ng', 'Raman', 'Mensah', 'García', 'Silva', 'Okafor', 'Wei', 'Ivanova', 'Kumar', 'Haddad', 'Costa'];
const GROUP_SUFFIXES = ['guild', 'circle', 'community', 'club', 'collective', 'roundtable'];
const ROOM_FORMATS = ['AMA', 'office hours', 'fireside chat', 'panel', 'deep dive', 'war stories', 'open mic', 'weekly sync'];

/** Ways people type skills, so the features' normalisation is exercised by the data. */
const SKILL_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  Kubernetes: ['k8s', 'kubernetes'],
  Go: ['golang'],
  JavaScript: ['js'],
  TypeScript: ['ts', 'typescript'],
  PostgreSQL: ['postgres'],
  'Node.js': ['nodejs'],
  'Large Language Models': ['LLMs'],
};

const topicsByCategory = new Map<TopicCategory, string[]>(
  TOPIC_CATEGORIES.map((category) => [category, TOPICS.filter((topic) => topic.category === category).map((topic) => topic.slug)]),
);

/** Builds the whole synthetic world from `random`; same seed, same world. */
export function buildWorld(random: Random, options: WorldOptions, onProgress?: (done: number) => void): SimWorld {
  const startMs = Date.parse(options.startIso);
  const endMs = startMs + options.days * 86_400_000;
  const profiles = Array.from({ length: options.profiles }, (_, index) => makeProfile(random, index));
  const profilesById = new Map(profiles.map((profile) => [profile.id, profile]));
  onProgress?.(1);
  makeFollows(random, profiles);
  onProgress?.(2);
  const groups = makeGroups(random, profiles);
  onProgress?.(3);
  const rooms = makeRooms(random, profiles, groups, options.rooms, startMs, endMs);
  onProgress?.(4);
  return {
    profiles,
    profilesById,
    groups,
    groupsById: new Map(groups.map((group) => [group.id, group])),
    rooms,
    startMs,
    endMs,
  };
}

function makeProfile(random: Random, index: number): SimProfile {
  const categories = TOPIC_CATEGORIES;
  const category = categories[random.weightedIndex(categories.map((c) => CATEGORY_WEIGHTS[c]))] ?? 'Technology';
  const seniorityIndex = random.weightedIndex(SENIORITY_WEIGHTS);
  const seniority: Seniority | null = random.chance(0.05) ? null : (SENIORITY_LEVELS[seniorityIndex] ?? null);

  // True interests: mostly in one's own field, some elsewhere; seniors drift towards leadership.
  const trueInterests = new Set<string>();
  const own = topicsByCategory.get(category) ?? [];
  const count = random.int(3, 6);
  while (trueInterests.size < count) {
    const roll = random.next();
    if (roll < 0.65) trueInterests.add(random.pick(own));
    else if (roll < 0.8 && seniorityIndex >= 4) trueInterests.add(random.pick(topicsByCategory.get('Leadership') ?? own));
    else if (roll < 0.85 && seniorityIndex <= 1) trueInterests.add(random.pick(topicsByCategory.get('People & Careers') ?? own));
    else trueInterests.add(random.pick(TOPICS).slug);
  }
  const trueList = [...trueInterests];
  // The profile lists only some true interests, plus sometimes a stale one people no longer care about.
  // People fill in interests once at sign-up: about half of what they really follow, plus stale picks.
  const interests = trueList.filter(() => random.chance(0.5));
  if (interests.length === 0) interests.push(trueList[0] ?? own[0] ?? 'leadership');
  const stale = random.int(0, 2);
  for (let i = 0; i < stale; i++) interests.push(random.pick(TOPICS).slug);

  const skills = new Set<string>();
  const skillCount = random.int(3, 9);
  for (let attempt = 0; attempt < 40 && skills.size < skillCount; attempt++) {
    const topic = random.chance(0.85) ? random.pick(trueList) : random.pick(TOPICS).slug;
    const pool = SKILLS_BY_TOPIC[topic] ?? [];
    if (pool.length > 0) skills.add(random.pick(pool));
  }
  const spelled = [...skills].map((skill) => {
    const variants = SKILL_SPELLINGS[skill];
    return variants && random.chance(0.3) ? random.pick(variants) : skill;
  });

  const industries = CATEGORY_INDUSTRIES[category];
  const industry = random.chance(0.08)
    ? null
    : random.chance(0.8)
      ? (industries[Math.min(industries.length - 1, Math.floor(-Math.log(1 - random.next()) * 1.5))] ?? null)
      : random.pick(INDUSTRIES).slug;

  const popularity = Math.exp(random.normal(0, 1) + 0.25 * seniorityIndex);
  // Tastes differ by career stage: juniors come to learn (topics, senior speakers), seniors come
  // for their network. Individual variation on top means no fixed weighting fits everyone.
  const typicalTaste: SimTaste = {
    topical: seniorityIndex <= 1 ? 1.3 : 1,
    social: 1 + 0.15 * seniorityIndex,
    upward: seniorityIndex <= 2 ? 0.35 : 0.1,
  };
  const taste: SimTaste = {
    topical: Math.exp(random.normal(0, 0.35)) * typicalTaste.topical,
    social: Math.exp(random.normal(0, 0.35)) * typicalTaste.social,
    upward: typicalTaste.upward,
  };
  return {
    index,
    id: `p${index}`,
    displayName: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
    skills: spelled,
    industry,
    seniority,
    followerCount: 0,
    category,
    trueInterests: trueList,
    interests: [...new Set(interests)],
    activity: Math.exp(random.normal(0, 0.8)),
    popularity,
    taste,
    typicalTaste,
    followingIds: [],
    groupIds: [],
  };
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (const item of a) if (b.includes(item)) shared += 1;
  return shared;
}

function makeFollows(random: Random, profiles: SimProfile[]): void {
  const weights = new Float64Array(profiles.length);
  for (const profile of profiles) {
    const count = Math.min(profiles.length - 1, 4 + random.poisson(18 * Math.sqrt(profile.activity)));
    profiles.forEach((other, index) => {
      weights[index] =
        other === profile
          ? 0
          : other.popularity *
            (1 + 2.5 * sharedCount(profile.trueInterests, other.trueInterests) + (other.industry === profile.industry ? 1 : 0));
    });
    profile.followingIds = random.weightedSample(weights, count).map((index) => profiles[index]?.id ?? '');
  }
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  for (const profile of profiles) {
    for (const id of profile.followingIds) {
      const followed = byId.get(id);
      if (followed) followed.followerCount += 1;
    }
  }
  // Real follower counts include people outside this sample; scale by popularity so hosts differ visibly.
  for (const profile of profiles) profile.followerCount = Math.round(profile.followerCount * (1 + 4 * profile.popularity));
}

function makeGroups(random: Random, profiles: SimProfile[]): SimGroup[] {
  const count = Math.max(4, Math.round(profiles.length / 40));
  const groups: SimGroup[] = [];
  for (let index = 0; index < count; index++) {
    const topic = random.pick(TOPICS);
    const group: SimGroup = {
      id: `g${index}`,
      name: `${topic.name} ${random.pick(GROUP_SUFFIXES)}`,
      topic: topic.slug,
      memberIds: new Set(),
    };
    for (const profile of profiles) {
      const interested = profile.trueInterests.includes(topic.slug);
      if (random.chance(interested ? 0.35 : 0.006)) {
        group.memberIds.add(profile.id);
        profile.groupIds.push(group.id);
      }
    }
    groups.push(group);
  }
  return groups;
}

function makeRooms(
  random: Random,
  profiles: SimProfile[],
  groups: SimGroup[],
  count: number,
  startMs: number,
  endMs: number,
): SimRoom[] {
  const hostWeights = profiles.map((profile) => Math.sqrt(profile.popularity) * profile.activity);
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const rooms: SimRoom[] = [];
  for (let index = 0; index < count; index++) {
    const host = profiles[random.weightedIndex(hostWeights)];
    if (!host) continue;
    const topicCount = random.int(1, 3);
    const topics = [...new Set(Array.from({ length: topicCount }, () => random.pick(host.trueInterests)))];
    // Co-speakers come from the host's network and share a topic with the room.
    const pool = host.followingIds
      .map((id) => byId.get(id))
      .filter((p): p is SimProfile => p !== undefined && p.trueInterests.some((topic) => topics.includes(topic)));
    const stage: SimProfile[] = [];
    const stageSize = Math.min(pool.length, random.int(0, 4));
    for (const i of random.weightedSample(pool.map((p) => p.popularity), stageSize)) {
      const speaker = pool[i];
      if (speaker) stage.push(speaker);
    }
    const groupCandidates = groups.filter((group) => group.memberIds.has(host.id) && topics.includes(group.topic));
    const group = groupCandidates.length > 0 && random.chance(0.6) ? random.pick(groupCandidates) : null;
    // Rooms start uniformly across the period, a little before it so the first sessions see live rooms.
    const start = startMs - 6 * 3_600_000 + random.next() * (endMs - startMs + 6 * 3_600_000);
    const spontaneous = random.chance(0.3);
    const announced = spontaneous ? start : start - random.next() * 14 * 3_600_000;
    const duration = (30 + random.next() * 120) * 60_000;
    const quality = random.normal(0, 0.5);
    const reach = host.followerCount + stage.reduce((sum, speaker) => sum + 0.3 * speaker.followerCount, 0);
    const peakListeners = Math.max(1, Math.round(3 + 0.08 * reach * Math.exp(quality + random.normal(0, 0.4))));
    const topicName = random.pick(topics);
    rooms.push({
      id: `r${index}`,
      title: `${TOPICS.find((topic) => topic.slug === topicName)?.name ?? topicName} ${random.pick(ROOM_FORMATS)}`,
      topics,
      host,
      stage,
      groupId: group?.id ?? null,
      groupName: group?.name ?? null,
      announcedMs: announced,
      startMs: start,
      endMs: start + duration,
      quality,
      peakListeners,
    });
  }
  return rooms.sort((a, b) => a.announcedMs - b.announcedMs);
}
