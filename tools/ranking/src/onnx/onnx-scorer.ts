import { readFileSync } from 'node:fs';

import {
  FEATURE_DIM,
  FEATURE_SPEC,
  MODEL_IO,
  MODEL_METADATA_KEYS,
  ModelContractError,
  parseModelMetadata,
  type ModelMetadata,
} from '@roundtable/ranking';
import { onnx } from 'onnx-proto';
import { InferenceSession, Tensor } from 'onnxruntime-node';

/** An ONNX model loaded for offline scoring (evaluation, tests). */
export interface OnnxScorer {
  readonly metadata: ModelMetadata;
  score(features: Float32Array, rows: number): Promise<Float32Array>;
  close(): Promise<void>;
}

/** Reads `metadata_props` from ONNX bytes. */
export function readOnnxMetadataProps(bytes: Uint8Array): Record<string, string> {
  const model = onnx.ModelProto.decode(bytes);
  return Object.fromEntries(model.metadataProps.map((entry) => [entry.key ?? '', entry.value ?? '']));
}

/**
 * Loads a model file, checking its metadata against this build's FEATURE_SPEC first.
 *
 * With `allowFeaturePrefix`, a model from an older spec whose feature names are exactly the first
 * columns of the current spec (rt-features-v1 is the first 24 columns of v2) is accepted too and
 * scored on those columns. Offline evaluation only: the recommender still refuses such a model.
 */
export async function loadOnnxScorer(path: string, options: { allowFeaturePrefix?: boolean } = {}): Promise<OnnxScorer> {
  const bytes = readFileSync(path);
  const props = readOnnxMetadataProps(bytes);
  let metadata: ModelMetadata;
  let dim = FEATURE_DIM;
  try {
    metadata = parseModelMetadata(props);
  } catch (error) {
    const prefix = options.allowFeaturePrefix ? prefixMetadata(props) : null;
    if (!prefix) throw error;
    metadata = prefix;
    dim = prefix.featureNames.length;
  }
  const session = await InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  return {
    metadata,
    async score(features, rows) {
      const input = new Tensor('float32', dim === FEATURE_DIM ? features.subarray(0, rows * FEATURE_DIM) : sliceColumns(features, rows, dim), [rows, dim]);
      const output = await session.run({ [MODEL_IO.input]: input });
      const scores = output[MODEL_IO.output];
      if (!scores) throw new Error(`model has no "${MODEL_IO.output}" output`);
      return Float32Array.from(scores.data as Float32Array);
    },
    close: () => session.release(),
  };
}

/** Metadata of a model whose features are a strict prefix of FEATURE_SPEC, or null. */
function prefixMetadata(props: Readonly<Record<string, string>>): ModelMetadata | null {
  let names: unknown;
  try {
    names = JSON.parse(props[MODEL_METADATA_KEYS.featureNames] ?? '');
  } catch {
    return null;
  }
  if (!Array.isArray(names) || names.length === 0 || names.length >= FEATURE_DIM) return null;
  if (!names.every((name, index) => name === FEATURE_SPEC.names[index])) return null;
  // Parse everything else with the strict parser by pretending the names/version are current.
  const current = parseModelMetadata({
    ...props,
    [MODEL_METADATA_KEYS.featureSpecVersion]: FEATURE_SPEC.version,
    [MODEL_METADATA_KEYS.featureNames]: JSON.stringify(FEATURE_SPEC.names),
  });
  const version = props[MODEL_METADATA_KEYS.featureSpecVersion];
  if (!version) throw ModelContractError.missingKey(MODEL_METADATA_KEYS.featureSpecVersion);
  return { ...current, featureSpecVersion: version, featureNames: names as string[] };
}

/** The first `dim` columns of a [rows, FEATURE_DIM] matrix. */
function sliceColumns(features: Float32Array, rows: number, dim: number): Float32Array {
  const out = new Float32Array(rows * dim);
  for (let row = 0; row < rows; row++) out.set(features.subarray(row * FEATURE_DIM, row * FEATURE_DIM + dim), row * dim);
  return out;
}
