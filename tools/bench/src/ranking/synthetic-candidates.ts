import { INDUSTRIES, SENIORITY_LEVELS, SKILLS_BY_TOPIC, TOPICS } from '@roundtable/domain';
import { type RankCandidate, type RankPerson, type RankViewer, seededUniform } from '@roundtable/ranking';

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('empty list');
  return item;
}

function skillsFor(random: () => number, topics: readonly string[], count: number): string[] {
  const skills = new Set<string>();
  for (let i = 0; i < count * 3 && skills.size < count; i++) {
    const pool = SKILLS_BY_TOPIC[pick(random, topics)] ?? [];
    if (pool.length > 0) skills.add(pick(random, pool));
  }
  return [...skills];
}

/** A realistic, busy viewer: many follows, a few groups, a listening history. */
export function benchViewer(seed: number): RankViewer {
  const random = seededUniform(seed);
  const interests = Array.from({ length: 5 }, () => pick(random, TOPICS).slug);
  return {
    id: 'viewer',
    skills: skillsFor(random, interests, 10),
    interests,
    industry: pick(random, INDUSTRIES).slug,
    seniority: pick(random, SENIORITY_LEVELS),
    followingIds: Array.from({ length: 300 }, (_, i) => `p${i * 7}`),
    groupIds: ['g1', 'g2', 'g3'],
    history: Array.from({ length: 12 }, () => ({ topicSlug: pick(random, TOPICS).slug, seconds: Math.round(random() * 7200), joins: 1 + Math.floor(random() * 5) })),
  };
}

/** `count` live or upcoming rooms with hosts, stages and followed listeners. */
export function benchCandidates(count: number, seed: number, nowMs: number): RankCandidate[] {
  const random = seededUniform(seed);
  const person = (id: number): RankPerson => {
    const topics = [pick(random, TOPICS).slug, pick(random, TOPICS).slug];
    return {
      id: `p${id}`,
      displayName: `Speaker ${id}`,
      skills: skillsFor(random, topics, 6),
      industry: pick(random, INDUSTRIES).slug,
      seniority: pick(random, SENIORITY_LEVELS),
      followerCount: Math.round(Math.exp(random() * 9)),
    };
  };
  return Array.from({ length: count }, (_, index) => {
    const live = random() < 0.5;
    const hostId = Math.floor(random() * 5000);
    const group = random() < 0.1 ? `g${1 + Math.floor(random() * 6)}` : null;
    return {
      id: `room-${index}`,
      title: `Room ${index}`,
      topics: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, TOPICS).slug),
      status: live ? 'LIVE' : 'SCHEDULED',
      startedAt: live ? new Date(nowMs - random() * 7_200_000).toISOString() : null,
      scheduledFor: live ? null : new Date(nowMs + random() * 86_400_000).toISOString(),
      groupId: group,
      groupName: group ? `Group ${group}` : null,
      host: person(hostId),
      stage: Array.from({ length: Math.floor(random() * 4) }, () => person(Math.floor(random() * 5000))),
      listenerCount: live ? Math.round(Math.exp(random() * 7)) : 0,
      followedListenerIds: Array.from({ length: Math.floor(random() * 3) }, () => `p${Math.floor(random() * 300) * 7}`),
    } satisfies RankCandidate;
  });
}
