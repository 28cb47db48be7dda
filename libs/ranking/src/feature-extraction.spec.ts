import { Seniority, SKILLS_BY_TOPIC, TOPICS } from '@roundtable/domain';
import fc from 'fast-check';

import { extractFeatureBatch, extractFeatures, prepareViewer } from './feature-extraction';
import { FEATURE_DIM, FEATURE_GROUP_INDICES, FEATURE_GROUPS, FEATURE_SPEC, featureIndex } from './feature-spec';
import { NOW, person, room, viewer } from './fixtures.test-helper';
import type { RankCandidate, RankViewer } from './rank-types';

function value(features: Float32Array, name: string): number {
  return features[featureIndex(name)] ?? Number.NaN;
}

describe('FEATURE_SPEC', () => {
  it('is versioned, has unique names and puts every feature in exactly one group', () => {
    expect(FEATURE_SPEC.version).toBe('rt-features-v3');
    expect(new Set(FEATURE_SPEC.names).size).toBe(FEATURE_DIM);
    const grouped = FEATURE_GROUPS.flatMap((group) => FEATURE_GROUP_INDICES[group]).sort((a, b) => a - b);
    expect(grouped).toEqual(Array.from({ length: FEATURE_DIM }, (_, index) => index));
  });
});

describe('FEATURE_SPEC v2', () => {
  it('keeps the 24 v1 columns first and in order, so v1 models can be scored on a prefix', () => {
    expect(FEATURE_SPEC.names.slice(0, 3)).toEqual(['skill_jaccard_stage', 'skill_overlap_count', 'topic_jaccard']);
    expect(FEATURE_SPEC.names[23]).toBe('history_total_minutes_log');
    expect(FEATURE_SPEC.names.slice(24, 30)).toEqual([
      'viewer_seniority_level',
      'stage_max_seniority_diff',
      'room_careers_share',
      'room_leadership_share',
      'viewer_industry_regulated',
      'history_topic_minutes_log',
    ]);
  });
});

describe('extractFeatures', () => {
  const ada = person({ id: 'ada', displayName: 'Ada Lovelace', skills: ['k8s', 'golang'], industry: 'software', seniority: Seniority.Director, followerCount: 999 });

  it('matches normalised skills between the viewer and everyone on stage', () => {
    const candidate = room({ id: 'r1', host: ada, stage: [person({ id: 's1', skills: ['postgres', 'Figma'] })] });
    const features = extractFeatures(viewer(), candidate, NOW);
    // Viewer {kubernetes, go, postgresql}; stage {kubernetes, go, postgresql, figma}.
    expect(value(features, 'skill_overlap_count')).toBe(3);
    expect(value(features, 'skill_jaccard_stage')).toBeCloseTo(3 / 4);
  });

  it('does not count a host repeated in the stage list twice', () => {
    const once = extractFeatures(viewer(), room({ id: 'r1', host: ada, stage: [] }), NOW);
    const twice = extractFeatures(viewer(), room({ id: 'r1', host: ada, stage: [ada] }), NOW);
    expect(Array.from(twice)).toEqual(Array.from(once));
    expect(value(once, 'stage_size_log')).toBeCloseTo(Math.log1p(1));
  });

  it('computes topic, industry, seniority, follow, group and history features', () => {
    const candidate = room({
      id: 'r1',
      topics: ['devops', 'site-reliability-engineering'],
      host: ada,
      stage: [person({ id: 'grace', industry: 'software' }), person({ id: 'linus', industry: 'banking' })],
      groupId: 'platform-guild',
      groupName: 'Platform guild',
      followedListenerIds: ['x', 'y', 'z'],
    });
    const features = extractFeatures(viewer({ followingIds: ['ada', 'grace'] }), candidate, NOW);
    expect(value(features, 'topic_overlap_count')).toBe(1);
    expect(value(features, 'topic_jaccard')).toBeCloseTo(1 / 3);
    // Both room topics are in Technology, which the viewer follows.
    expect(value(features, 'topic_category_share')).toBe(1);
    expect(value(features, 'industry_match_host')).toBe(1);
    expect(value(features, 'industry_match_stage_share')).toBeCloseTo(2 / 3);
    expect(value(features, 'seniority_diff_host')).toBe(3); // Director (5) - Senior (2)
    expect(value(features, 'seniority_absdiff_host')).toBe(3);
    expect(value(features, 'seniority_known')).toBe(1);
    expect(value(features, 'follows_host')).toBe(1);
    expect(value(features, 'followed_on_stage')).toBe(1);
    expect(value(features, 'followed_listeners_log')).toBeCloseTo(Math.log1p(3));
    expect(value(features, 'shared_group')).toBe(1);
    expect(value(features, 'history_topic_share')).toBeCloseTo(3600 / 4800);
    expect(value(features, 'history_topic_joins_log')).toBeCloseTo(Math.log1p(3));
    expect(value(features, 'history_total_minutes_log')).toBeCloseTo(Math.log1p(80));
  });

  it('encodes live rooms by minutes since start and scheduled rooms by minutes until start', () => {
    const live = extractFeatures(viewer(), room({ id: 'live', startedAt: '2026-03-02T11:30:00.000Z', listenerCount: 340 }), NOW);
    expect(value(live, 'is_live')).toBe(1);
    expect(value(live, 'minutes_since_start_log')).toBeCloseTo(Math.log1p(30));
    expect(value(live, 'minutes_until_start_log')).toBe(0);
    expect(value(live, 'listeners_log')).toBeCloseTo(Math.log1p(340));

    const soon = extractFeatures(
      viewer(),
      room({ id: 'soon', status: 'SCHEDULED', startedAt: null, scheduledFor: '2026-03-02T12:20:00.000Z', listenerCount: 0 }),
      NOW,
    );
    expect(value(soon, 'is_live')).toBe(0);
    expect(value(soon, 'minutes_until_start_log')).toBeCloseTo(Math.log1p(20));
    expect(value(soon, 'starts_within_hour')).toBe(1);
  });

  it('treats unknown seniority, industry and an empty history as no evidence', () => {
    const features = extractFeatures(
      viewer({ seniority: null, industry: null, history: [], skills: [] }),
      room({ id: 'r', host: ada }),
      NOW,
    );
    expect(value(features, 'seniority_known')).toBe(0);
    expect(value(features, 'seniority_diff_host')).toBe(0);
    expect(value(features, 'industry_match_host')).toBe(0);
    expect(value(features, 'history_topic_share')).toBe(0);
    expect(value(features, 'skill_jaccard_stage')).toBe(0);
  });

  it('rejects a malformed now instead of producing NaN features', () => {
    expect(() => extractFeatures(viewer(), room({ id: 'r' }), 'yesterday')).toThrow(RangeError);
  });
});

// Arbitraries drawn from the real taxonomy so properties exercise realistic slugs and skills.
const topicSlug = fc.constantFrom(...TOPICS.map((topic) => topic.slug));
const skill = fc.oneof(fc.constantFrom(...Object.values(SKILLS_BY_TOPIC).flat()), fc.string({ maxLength: 12 }));
const seniority = fc.option(fc.constantFrom(...Object.values(Seniority)), { nil: null });
const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const iso = fc
  .integer({ min: Date.parse('2026-03-01T00:00:00Z'), max: Date.parse('2026-03-04T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const personArb = fc.record({
  id,
  displayName: fc.string({ maxLength: 8 }),
  skills: fc.array(skill, { maxLength: 6 }),
  industry: fc.option(fc.constantFrom('software', 'banking', 'healthcare'), { nil: null }),
  seniority,
  followerCount: fc.nat(1_000_000),
});
const viewerArb: fc.Arbitrary<RankViewer> = fc.record({
  id: fc.constant('viewer'),
  skills: fc.array(skill, { maxLength: 8 }),
  interests: fc.array(topicSlug, { maxLength: 6 }),
  industry: fc.option(fc.constantFrom('software', 'banking', 'healthcare'), { nil: null }),
  seniority,
  followingIds: fc.array(id, { maxLength: 6 }),
  groupIds: fc.array(fc.constantFrom('g1', 'g2'), { maxLength: 2 }),
  history: fc.array(fc.record({ topicSlug, seconds: fc.nat(100_000), joins: fc.nat(50) }), { maxLength: 6 }),
});
const candidateArb: fc.Arbitrary<RankCandidate> = fc.record({
  id: fc.uuid(),
  title: fc.string({ maxLength: 10 }),
  topics: fc.array(topicSlug, { minLength: 1, maxLength: 4 }),
  status: fc.constantFrom('LIVE' as const, 'SCHEDULED' as const),
  startedAt: fc.option(iso, { nil: null }),
  scheduledFor: fc.option(iso, { nil: null }),
  groupId: fc.option(fc.constantFrom('g1', 'g2', 'g3'), { nil: null }),
  groupName: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
  host: personArb,
  stage: fc.array(personArb, { maxLength: 5 }),
  listenerCount: fc.nat(100_000),
  followedListenerIds: fc.array(id, { maxLength: 5 }),
});

describe('rt-features-v2 additions', () => {
  const junior = person({ id: 'j', seniority: Seniority.Entry });
  const exec = person({ id: 'x', seniority: Seniority.Executive });

  it('gives the viewer level and the most senior person on stage relative to the viewer', () => {
    const features = extractFeatures(viewer({ seniority: Seniority.Mid }), room({ id: 'r', host: junior, stage: [exec] }), NOW);
    expect(value(features, 'viewer_seniority_level')).toBe(2);
    expect(value(features, 'seniority_diff_host')).toBe(-1);
    expect(value(features, 'stage_max_seniority_diff')).toBe(5);
    const unknown = extractFeatures(viewer({ seniority: null }), room({ id: 'r', host: junior, stage: [exec] }), NOW);
    expect(value(unknown, 'viewer_seniority_level')).toBe(0);
    expect(value(unknown, 'stage_max_seniority_diff')).toBe(0);
  });

  it('shares of careers and leadership topics, regulated industry and minutes on the room topics', () => {
    const features = extractFeatures(
      viewer({ industry: 'banking' }),
      room({ id: 'r', topics: ['career-growth', 'leadership', 'devops', 'marketing'] }),
      NOW,
    );
    expect(value(features, 'room_careers_share')).toBeCloseTo(1 / 4);
    expect(value(features, 'room_leadership_share')).toBeCloseTo(1 / 4);
    expect(value(features, 'viewer_industry_regulated')).toBe(1);
    // devops 3600 s + marketing 1200 s = 80 minutes.
    expect(value(features, 'history_topic_minutes_log')).toBeCloseTo(Math.log1p(80));
    expect(value(extractFeatures(viewer(), room({ id: 'r' }), NOW), 'viewer_industry_regulated')).toBe(0);
  });
});

describe('rt-features-v3 additions', () => {
  it('keeps the 30 v2 columns first and in order, so v2 models can be scored on a prefix', () => {
    expect(FEATURE_SPEC.names[29]).toBe('history_topic_minutes_log');
    expect(FEATURE_SPEC.names.slice(30)).toEqual([
      'skill_topic_share',
      'skill_topic_weight_log',
      'skill_category_share',
      'history_category_share',
      'stage_followers_log',
      'listeners_per_reach_log',
    ]);
  });

  it('places the room in the viewer field by the categories of their skills and of their listening', () => {
    // Swift and Kotlin belong to mobile-development only (Technology); Brand Strategy lies outside it.
    const technologyOnly = viewer({ skills: ['Swift', 'Kotlin'], interests: [], history: [{ topicSlug: 'devops', seconds: 600, joins: 1 }, { topicSlug: 'marketing', seconds: 200, joins: 1 }] });
    const sameField = extractFeatures(technologyOnly, room({ id: 'r', topics: ['cybersecurity'] }), NOW);
    expect(value(sameField, 'skill_topic_share')).toBe(0);
    expect(value(sameField, 'skill_category_share')).toBeCloseTo(1);
    expect(value(sameField, 'history_category_share')).toBeCloseTo(600 / 800);
    const otherField = extractFeatures(technologyOnly, room({ id: 'r', topics: ['marketing'] }), NOW);
    expect(value(otherField, 'skill_category_share')).toBe(0);
    expect(value(otherField, 'history_category_share')).toBeCloseTo(200 / 800);
  });

  it('infers topics the profile does not list from the viewer skills (domain taxonomy)', () => {
    // Kubernetes sits under cloud-infrastructure, devops and site-reliability-engineering; Terraform under the first two.
    const kubernetesTopics = Object.entries(SKILLS_BY_TOPIC).filter(([, skills]) => skills.includes('Kubernetes')).length;
    const terraformTopics = Object.entries(SKILLS_BY_TOPIC).filter(([, skills]) => skills.includes('Terraform')).length;
    const skilled = viewer({ skills: ['k8s', 'Terraform'], interests: [] });
    const features = extractFeatures(skilled, room({ id: 'r', topics: ['devops', 'marketing'] }), NOW);
    expect(value(features, 'skill_topic_share')).toBeCloseTo(1 / 2);
    expect(value(features, 'skill_topic_weight_log')).toBeCloseTo(Math.log1p(1 / kubernetesTopics + 1 / terraformTopics));
    expect(value(extractFeatures(skilled, room({ id: 'r', topics: ['marketing'] }), NOW), 'skill_topic_share')).toBe(0);
    expect(value(extractFeatures(viewer({ skills: [] }), room({ id: 'r', topics: ['devops'] }), NOW), 'skill_topic_weight_log')).toBe(0);
  });

  it('measures the reach of the stage and how well a live room draws for it', () => {
    const host = person({ id: 'h', followerCount: 990 });
    const speaker = person({ id: 's', followerCount: 10 });
    const live = extractFeatures(viewer(), room({ id: 'r', host, stage: [host, speaker], listenerCount: 200, status: 'LIVE' }), NOW);
    expect(value(live, 'stage_followers_log')).toBeCloseTo(Math.log1p(1000));
    expect(value(live, 'listeners_per_reach_log')).toBeCloseTo(Math.log1p(200) - Math.log1p(100));
    const scheduled = extractFeatures(
      viewer(),
      room({ id: 'r', host, status: 'SCHEDULED', startedAt: null, scheduledFor: new Date(Date.parse(NOW) + 3_600_000).toISOString() }),
      NOW,
    );
    expect(value(scheduled, 'listeners_per_reach_log')).toBe(0);
  });
});

describe('feature properties', () => {
  it('are always finite, and ratios stay in [0, 1]', () => {
    fc.assert(
      fc.property(viewerArb, candidateArb, iso, (v, c, now) => {
        const features = extractFeatures(v, c, now);
        expect(features).toHaveLength(FEATURE_DIM);
        expect(Array.from(features).every(Number.isFinite)).toBe(true);
        for (const name of ['skill_jaccard_stage', 'topic_jaccard', 'topic_category_share', 'industry_match_stage_share', 'history_topic_share', 'room_careers_share', 'room_leadership_share', 'skill_topic_share', 'skill_category_share', 'history_category_share']) {
          expect(value(features, name)).toBeGreaterThanOrEqual(0);
          expect(value(features, name)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('batch extraction equals per-candidate extraction row by row', () => {
    fc.assert(
      fc.property(viewerArb, fc.array(candidateArb, { maxLength: 8 }), iso, (v, candidates, now) => {
        const batch = extractFeatureBatch(prepareViewer(v), candidates, now);
        candidates.forEach((c, row) => {
          expect(Array.from(batch.subarray(row * FEATURE_DIM, (row + 1) * FEATURE_DIM))).toEqual(
            Array.from(extractFeatures(v, c, now)),
          );
        });
      }),
      { numRuns: 100 },
    );
  });

  it('do not depend on the order of the viewer skills, interests or follows', () => {
    fc.assert(
      fc.property(viewerArb, candidateArb, iso, (v, c, now) => {
        const reversed: RankViewer = {
          ...v,
          skills: [...v.skills].reverse(),
          interests: [...v.interests].reverse(),
          followingIds: [...v.followingIds].reverse(),
        };
        expect(Array.from(extractFeatures(reversed, c, now))).toEqual(Array.from(extractFeatures(v, c, now)));
      }),
      { numRuns: 150 },
    );
  });

  it('adding a followed host never lowers follows_host', () => {
    fc.assert(
      fc.property(viewerArb, candidateArb, iso, (v, c, now) => {
        const follows = extractFeatures({ ...v, followingIds: [...v.followingIds, c.host.id] }, c, now);
        expect(value(follows, 'follows_host')).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});
