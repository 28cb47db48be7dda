import { readFileSync } from 'node:fs';

import { FEATURE_DIM, MODEL_IO, parseModelMetadata, type ModelMetadata } from '@roundtable/ranking';
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

/** Loads a model file, checking its metadata against this build's FEATURE_SPEC first. */
export async function loadOnnxScorer(path: string): Promise<OnnxScorer> {
  const bytes = readFileSync(path);
  const metadata = parseModelMetadata(readOnnxMetadataProps(bytes));
  const session = await InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  return {
    metadata,
    async score(features, rows) {
      const input = new Tensor('float32', features.subarray(0, rows * FEATURE_DIM), [rows, FEATURE_DIM]);
      const output = await session.run({ [MODEL_IO.input]: input });
      const scores = output[MODEL_IO.output];
      if (!scores) throw new Error(`model has no "${MODEL_IO.output}" output`);
      return Float32Array.from(scores.data as Float32Array);
    },
    close: () => session.release(),
  };
}
