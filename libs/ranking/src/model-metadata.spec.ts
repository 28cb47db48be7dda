import { FEATURE_SPEC } from './feature-spec';
import { MODEL_METADATA_KEYS, ModelContractError, modelMetadataProps, parseModelMetadata } from './model-metadata';

describe('model metadata', () => {
  const props = modelMetadataProps({ modelVersion: 'm-1', trainedAt: '2026-03-02T00:00:00.000Z', metrics: { 'ndcg@10': 0.5 } });

  it('round-trips the props a trainer writes', () => {
    expect(parseModelMetadata(props)).toEqual({
      modelVersion: 'm-1',
      trainedAt: '2026-03-02T00:00:00.000Z',
      featureSpecVersion: FEATURE_SPEC.version,
      featureNames: FEATURE_SPEC.names,
      metrics: { 'ndcg@10': 0.5 },
    });
  });

  it('refuses another feature spec version, a reordered spec and missing keys', () => {
    expect(() => parseModelMetadata({ ...props, [MODEL_METADATA_KEYS.featureSpecVersion]: 'rt-features-v0' })).toThrow(
      /version "rt-features-v0" differs/,
    );
    const swapped = [...FEATURE_SPEC.names];
    [swapped[0], swapped[1]] = [swapped[1] ?? '', swapped[0] ?? ''];
    expect(() => parseModelMetadata({ ...props, [MODEL_METADATA_KEYS.featureNames]: JSON.stringify(swapped) })).toThrow(
      /feature 0 is "skill_overlap_count" in the model/,
    );
    const { [MODEL_METADATA_KEYS.modelVersion]: _dropped, ...withoutVersion } = props;
    expect(() => parseModelMetadata(withoutVersion)).toThrow(ModelContractError);
  });
});
