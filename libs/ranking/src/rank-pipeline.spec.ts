import { Seniority } from '@roundtable/domain';

import { FEATURE_DIM, FEATURE_GROUP_INDICES, FEATURE_GROUPS, FEATURE_NEUTRALS, FeatureGroup, featureIndex } from './feature-spec';
import { NOW, person, room, viewer } from './fixtures.test-helper';
import { mlpForward, type MlpWeights } from './mlp';
import {
  buildOcclusionBatch,
  defaultMinContribution,
  groupContributions,
  MIN_LOG_ODDS_CONTRIBUTION,
  rankCandidates,
  topIndices,
} from './rank-pipeline';

/** A linear "model" (one sigmoid layer) whose weights we choose, so expectations are exact. */
function linearModel(weightsByFeature: Record<string, number>): MlpWeights {
  const weights = new Float32Array(FEATURE_DIM);
  for (const [name, weight] of Object.entries(weightsByFeature)) weights[featureIndex(name)] = weight;
  return {
    inputMean: new Float32Array(FEATURE_DIM),
    inputScale: new Float32Array(FEATURE_DIM).fill(1),
    layers: [{ inDim: FEATURE_DIM, outDim: 1, weights, bias: Float32Array.of(-2), activation: 'sigmoid' }],
  };
}

const model = linearModel({ follows_host: 2, skill_overlap_count: 0.5, shared_group: 1, followed_listeners_log: 0.8, is_live: 0.3 });
const scorer = (features: Float32Array, rows: number): Float32Array => mlpForward(model, features, rows);

describe('rankCandidates', () => {
  const ada = person({ id: 'ada', displayName: 'Ada Lovelace', skills: ['Kubernetes', 'Go'], seniority: Seniority.Director });
  const candidates = [
    room({ id: 'plain' }),
    room({ id: 'followed-host', host: ada }),
    room({ id: 'group', groupId: 'platform-guild', groupName: 'Platform guild' }),
    room({ id: 'friends', followedListenerIds: ['f1', 'f2', 'f3'] }),
  ];

  it('returns the best items first with the model version and the requested limit', async () => {
    const response = await rankCandidates({ viewer: viewer(), candidates, now: NOW, limit: 3 }, scorer, { modelVersion: 'test-1' });
    expect(response.modelVersion).toBe('test-1');
    expect(response.items.map((item) => item.roomId)).toEqual(['followed-host', 'friends', 'group']);
    const scores = response.items.map((item) => item.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('explains each item by the groups that add most to its score', async () => {
    const response = await rankCandidates({ viewer: viewer(), candidates, now: NOW }, scorer, { modelVersion: 'test-1' });
    const reasons = Object.fromEntries(response.items.map((item) => [item.roomId, item.reasons]));
    expect(reasons['followed-host']?.[0]).toBe('Hosted by someone you follow: Ada Lovelace');
    expect(reasons['followed-host']).toContain('Matches your skills: Kubernetes, Go');
    expect(reasons['friends']?.[0]).toBe('3 people you follow are listening');
    expect(reasons['group']?.[0]).toBe('In your group: Platform guild');
    // Topics have zero weight in this model, so no item may claim a topic reason.
    expect(response.items.flatMap((item) => item.reasons).some((text) => text.startsWith('About topics'))).toBe(false);
  });

  it('yields between extraction chunks when asked, and handles an empty candidate list', async () => {
    let yields = 0;
    const many = Array.from({ length: 25 }, (_, index) => room({ id: `r${index}` }));
    await rankCandidates({ viewer: viewer(), candidates: many, now: NOW }, scorer, {
      modelVersion: 'm',
      extractionChunk: 10,
      yieldControl: async () => {
        yields += 1;
      },
    });
    expect(yields).toBe(2);
    const empty = await rankCandidates({ viewer: viewer(), candidates: [], now: NOW }, scorer, { modelVersion: 'm' });
    expect(empty.items).toEqual([]);
  });
});

describe('buildOcclusionBatch', () => {
  it('neutralises exactly one group per copy', () => {
    const features = Float32Array.from({ length: 2 * FEATURE_DIM }, (_, index) => index + 100);
    const batch = buildOcclusionBatch(features, [1]);
    FEATURE_GROUPS.forEach((group, g) => {
      const row = batch.subarray(g * FEATURE_DIM, (g + 1) * FEATURE_DIM);
      const occluded = new Set(FEATURE_GROUP_INDICES[group]);
      for (let column = 0; column < FEATURE_DIM; column++) {
        const expected = occluded.has(column) ? FEATURE_NEUTRALS[column] : features[FEATURE_DIM + column];
        expect(row[column]).toBe(expected);
      }
    });
    expect(FEATURE_GROUPS).toContain(FeatureGroup.Timing);
  });
});

describe('topIndices', () => {
  it('breaks ties by id and sorts NaN last', () => {
    expect(topIndices([1, Number.NaN, 1, 2], ['b', 'z', 'a', 'c'], 4)).toEqual([3, 2, 0, 1]);
  });
});

describe('groupContributions', () => {
  const groups = FEATURE_GROUPS.length;

  it('measures probability scores in log-odds, so a near-certain room still shows what drives it', () => {
    const occluded = new Float32Array(groups).fill(0.999);
    occluded[0] = 0.99; // neutralising group 0 barely moves the probability…
    const contributions = groupContributions(0.999, occluded, 0);
    // …but it takes away ~2.3 of log-odds evidence, far above the reason threshold.
    expect(contributions[0]).toBeCloseTo(Math.log(0.999 / 0.001) - Math.log(0.99 / 0.01), 2);
    expect(contributions[0]).toBeGreaterThan(MIN_LOG_ODDS_CONTRIBUTION * 100);
    expect(Math.abs(contributions[1] ?? 1)).toBeLessThan(1e-3);
  });

  it('uses plain differences for models whose scores are not probabilities', () => {
    const occluded = new Float32Array(groups * 2).fill(3.5);
    occluded[groups + 2] = 1.5;
    const contributions = groupContributions(3.5, occluded, 1);
    expect(contributions[2]).toBeCloseTo(2, 5);
    expect(contributions[0]).toBeCloseTo(0, 5);
    expect(defaultMinContribution([3.5, -1])).toBe(0.002);
    expect(defaultMinContribution([0.2, 0.9])).toBe(MIN_LOG_ODDS_CONTRIBUTION);
  });
});
