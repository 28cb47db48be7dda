import { diffFeatureSpec, FEATURE_SPEC } from './feature-spec';

/** ONNX `metadata_props` keys of the model contract. */
export const MODEL_METADATA_KEYS = Object.freeze({
  featureSpecVersion: 'feature_spec_version',
  /** JSON array of feature names in input-column order. */
  featureNames: 'feature_names',
  modelVersion: 'model_version',
  /** ISO timestamp. */
  trainedAt: 'trained_at',
  /** JSON object of evaluation metrics (e.g. {"ndcg@10": 0.41}). */
  metrics: 'metrics',
});

/** ONNX input and output names of the model contract: `features` float32 [N, D] → `score` float32 [N]. */
export const MODEL_IO = Object.freeze({ input: 'features', output: 'score' });

/** The contract part of a model's metadata, parsed. */
export interface ModelMetadata {
  readonly modelVersion: string;
  readonly trainedAt: string;
  readonly featureSpecVersion: string;
  readonly featureNames: readonly string[];
  readonly metrics: Readonly<Record<string, number>>;
}

/** Why a model cannot be served. */
export class ModelContractError extends Error {
  override readonly name = 'ModelContractError';

  static missingKey(key: string): ModelContractError {
    return new ModelContractError(`model metadata_props lacks "${key}"`);
  }

  static badValue(key: string, reason: string): ModelContractError {
    return new ModelContractError(`model metadata_props "${key}" is invalid: ${reason}`);
  }

  static featureSpecMismatch(detail: string): ModelContractError {
    return new ModelContractError(`model feature spec does not match ${FEATURE_SPEC.version}: ${detail}`);
  }
}

/**
 * Parses and checks `metadata_props` against this build's FEATURE_SPEC.
 *
 * @throws ModelContractError when a key is missing or malformed, or the feature spec differs
 */
export function parseModelMetadata(props: Readonly<Record<string, string>>): ModelMetadata {
  const read = (key: string): string => {
    const value = props[key];
    if (value === undefined || value === '') throw ModelContractError.missingKey(key);
    return value;
  };
  const featureNames = parseJson(MODEL_METADATA_KEYS.featureNames, read(MODEL_METADATA_KEYS.featureNames));
  if (!Array.isArray(featureNames) || !featureNames.every((name): name is string => typeof name === 'string')) {
    throw ModelContractError.badValue(MODEL_METADATA_KEYS.featureNames, 'expected a JSON array of strings');
  }
  const metricsRaw = props[MODEL_METADATA_KEYS.metrics];
  const metrics: Record<string, number> = {};
  if (metricsRaw) {
    const parsed = parseJson(MODEL_METADATA_KEYS.metrics, metricsRaw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw ModelContractError.badValue(MODEL_METADATA_KEYS.metrics, 'expected a JSON object');
    }
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'number') metrics[key] = value;
  }
  const metadata: ModelMetadata = {
    modelVersion: read(MODEL_METADATA_KEYS.modelVersion),
    trainedAt: read(MODEL_METADATA_KEYS.trainedAt),
    featureSpecVersion: read(MODEL_METADATA_KEYS.featureSpecVersion),
    featureNames,
    metrics,
  };
  const mismatch = diffFeatureSpec(FEATURE_SPEC, { version: metadata.featureSpecVersion, names: featureNames });
  if (mismatch !== null) throw ModelContractError.featureSpecMismatch(mismatch);
  return metadata;
}

/** The metadata_props a trainer should write for this build's FEATURE_SPEC. */
export function modelMetadataProps(input: {
  modelVersion: string;
  trainedAt: string;
  metrics: Readonly<Record<string, number>>;
}): Record<string, string> {
  return {
    [MODEL_METADATA_KEYS.featureSpecVersion]: FEATURE_SPEC.version,
    [MODEL_METADATA_KEYS.featureNames]: JSON.stringify(FEATURE_SPEC.names),
    [MODEL_METADATA_KEYS.modelVersion]: input.modelVersion,
    [MODEL_METADATA_KEYS.trainedAt]: input.trainedAt,
    [MODEL_METADATA_KEYS.metrics]: JSON.stringify(input.metrics),
  };
}

function parseJson(key: string, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw ModelContractError.badValue(key, 'not JSON');
  }
}
