import { Seniority } from '@roundtable/domain';

import type { RankCandidate, RankPerson, RankViewer } from './rank-types';

export const NOW = '2026-03-02T12:00:00.000Z';

export function person(overrides: Partial<RankPerson> & Pick<RankPerson, 'id'>): RankPerson {
  return {
    displayName: `Person ${overrides.id}`,
    skills: [],
    industry: null,
    seniority: null,
    followerCount: 0,
    ...overrides,
  };
}

export function viewer(overrides: Partial<RankViewer> = {}): RankViewer {
  return {
    id: 'viewer',
    skills: ['Kubernetes', 'Go', 'PostgreSQL'],
    interests: ['cloud-infrastructure', 'devops'],
    industry: 'software',
    seniority: Seniority.Senior,
    followingIds: ['ada'],
    groupIds: ['platform-guild'],
    history: [
      { topicSlug: 'devops', seconds: 3600, joins: 3 },
      { topicSlug: 'marketing', seconds: 1200, joins: 1 },
    ],
    ...overrides,
  };
}

export function room(overrides: Partial<RankCandidate> & Pick<RankCandidate, 'id'>): RankCandidate {
  return {
    title: `Room ${overrides.id}`,
    topics: ['marketing'],
    status: 'LIVE',
    startedAt: '2026-03-02T11:30:00.000Z',
    scheduledFor: null,
    groupId: null,
    groupName: null,
    host: person({ id: `host-${overrides.id}` }),
    stage: [],
    listenerCount: 10,
    ...overrides,
  };
}
