import { FEATURE_DIM, FEATURE_GROUPS, FEATURE_GROUP_INDICES, FeatureGroup } from './feature-spec';
import { heuristicBatchScorer } from './heuristics';
import { mlpForward, type MlpWeights } from './mlp';
import { occlusionImportance, RANKING_PARAMETER_TEXTS, transparencyReferenceFeatures } from './transparency';

/** A one-layer sigmoid model that only reads the columns of `groups`, with the given weights. */
function linearModel(weightsByGroup: Partial<Record<FeatureGroup, number>>): MlpWeights {
  const weights = new Float32Array(FEATURE_DIM);
  for (const [group, weight] of Object.entries(weightsByGroup)) {
    for (const column of FEATURE_GROUP_INDICES[group as FeatureGroup]) weights[column] = weight;
  }
  return {
    inputMean: new Float32Array(FEATURE_DIM),
    inputScale: new Float32Array(FEATURE_DIM).fill(1),
    layers: [{ inDim: FEATURE_DIM, outDim: 1, weights, bias: Float32Array.of(-2), activation: 'sigmoid' }],
  };
}

describe('transparency: occlusion importance over the reference set', () => {
  const reference = transparencyReferenceFeatures();
  const rows = reference.length / FEATURE_DIM;

  it('is deterministic, and every group has a signal somewhere in the reference set', () => {
    expect(transparencyReferenceFeatures()).toEqual(reference);
    for (const group of FEATURE_GROUPS) {
      const columns = FEATURE_GROUP_INDICES[group];
      let varies = false;
      for (let row = 1; row < rows && !varies; row++) {
        varies = columns.some((column) => reference[row * FEATURE_DIM + column] !== reference[column]);
      }
      expect({ group, varies }).toEqual({ group, varies: true });
    }
  });

  it('sums to 1, gives a group the model does not read no importance, and follows the model', async () => {
    const a = await occlusionImportance(reference, rows, (features, count) => mlpForward(linearModel({ topics: 1.5, follows_host: 0.5 }), features, count));
    const b = await occlusionImportance(reference, rows, (features, count) => mlpForward(linearModel({ topics: 0.2, follows_host: 3 }), features, count));
    for (const importances of [a, b]) {
      expect(importances.map((entry) => entry.group)).toEqual(FEATURE_GROUPS);
      expect(importances.reduce((sum, entry) => sum + entry.importance, 0)).toBeCloseTo(1, 6);
      for (const entry of importances) {
        if (entry.group !== FeatureGroup.Topics && entry.group !== FeatureGroup.FollowsHost) expect(entry.importance).toBe(0);
      }
    }
    const of = (list: typeof a, group: FeatureGroup) => list.find((entry) => entry.group === group)!.importance;
    expect(of(a, FeatureGroup.Topics)).toBeGreaterThan(of(a, FeatureGroup.FollowsHost));
    expect(of(b, FeatureGroup.FollowsHost)).toBeGreaterThan(of(b, FeatureGroup.Topics));
  });

  it('measures the fallback heuristic too: only the groups it scores weigh', async () => {
    const importances = await occlusionImportance(reference, rows, heuristicBatchScorer, 100);
    expect(importances.reduce((sum, entry) => sum + entry.importance, 0)).toBeCloseTo(1, 6);
    const weighed = importances.filter((entry) => entry.importance > 0).map((entry) => entry.group).sort();
    expect(weighed).toEqual(
      [FeatureGroup.Topics, FeatureGroup.Skills, FeatureGroup.FollowsHost, FeatureGroup.FollowsStage, FeatureGroup.FollowsAudience, FeatureGroup.Group, FeatureGroup.Audience].sort(),
    );
  });

  it('has plain words for every group', () => {
    for (const group of FEATURE_GROUPS) {
      expect(RANKING_PARAMETER_TEXTS[group].name.length).toBeGreaterThan(3);
      expect(RANKING_PARAMETER_TEXTS[group].description.length).toBeGreaterThan(10);
    }
  });
});
