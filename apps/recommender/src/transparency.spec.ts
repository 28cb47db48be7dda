import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { FEATURE_GROUP_INDICES, FEATURE_GROUPS, FeatureGroup, MODEL_METADATA_KEYS } from '@roundtable/ranking';
import { onnx } from 'onnx-proto';
import pino from 'pino';

import { REPO_ROOT } from './config';
import { withMetadataProps } from './model/onnx-model-file';
import { startRecommender, type RunningRecommender } from './recommender-server';
import { eventually } from './eventually.test-helper';

const SHIPPED_MODEL = join(REPO_ROOT, 'apps/recommender/models/default.onnx');

interface Transparency {
  modelVersion: string;
  computedAt: string;
  referenceRows: number;
  method: string;
  parameters: { group: string; name: string; description: string; importance: number; meanAbsoluteEffect: number }[];
}

/**
 * A different model: the shipped one with the standardisation scale of `group`'s columns set to 0,
 * so that group can no longer move the score (a model that ignores it).
 */
function withoutGroup(bytes: Uint8Array, group: FeatureGroup, version: string): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const scale = model.graph?.initializer?.find((tensor) => tensor.name === 'input_scale');
  if (!scale) throw new Error('the shipped model has no input_scale initializer');
  let values: Float32Array;
  if (scale.rawData && scale.rawData.length > 0) {
    const view = new DataView(scale.rawData.buffer, scale.rawData.byteOffset, scale.rawData.byteLength);
    values = Float32Array.from({ length: scale.rawData.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
  } else {
    values = Float32Array.from(scale.floatData ?? []);
  }
  for (const column of FEATURE_GROUP_INDICES[group]) values[column] = 0;
  const raw = new Uint8Array(values.length * 4);
  const out = new DataView(raw.buffer);
  values.forEach((value, i) => out.setFloat32(i * 4, value, true));
  scale.rawData = raw;
  scale.floatData = [];
  return withMetadataProps(onnx.ModelProto.encode(model).finish(), { [MODEL_METADATA_KEYS.modelVersion]: version });
}

describe('GET /v1/transparency', () => {
  let dir: string;
  let modelPath: string;
  let server: RunningRecommender;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'recommender-transparency-'));
    modelPath = join(dir, 'model.onnx');
    copyFileSync(SHIPPED_MODEL, modelPath);
    server = await startRecommender({ port: 0, host: '127.0.0.1', modelPath, modelPollMs: 50, reloadDebounceMs: 50, logger: pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }) });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const transparency = async (): Promise<Transparency> => (await (await fetch(`${server.url}/v1/transparency`)).json()) as Transparency;

  it("lists every parameter in plain words with the served model's occlusion importance, and recomputes it on hot reload", async () => {
    const first = await transparency();
    expect(first.method).toBe('occlusion');
    expect(first.referenceRows).toBeGreaterThanOrEqual(256);
    expect(first.parameters.map((parameter) => parameter.group)).toEqual(FEATURE_GROUPS);
    expect(first.parameters.reduce((sum, parameter) => sum + parameter.importance, 0)).toBeCloseTo(1, 6);
    for (const parameter of first.parameters) {
      expect(parameter.name).not.toMatch(/_/);
      expect(parameter.importance).toBeGreaterThanOrEqual(0);
    }
    const topicsBefore = first.parameters.find((parameter) => parameter.group === FeatureGroup.Topics)!.importance;
    expect(topicsBefore).toBeGreaterThan(0.02);

    const staging = `${modelPath}.staging`;
    writeFileSync(staging, withoutGroup(readFileSync(SHIPPED_MODEL), FeatureGroup.Topics, 'no-topics-v1'));
    renameSync(staging, modelPath);
    const second = await eventually(async () => {
      const body = await transparency();
      return body.modelVersion === 'no-topics-v1' ? body : undefined;
    }, 'the reloaded model');
    expect(second.computedAt >= first.computedAt).toBe(true);
    expect(second.parameters.find((parameter) => parameter.group === FeatureGroup.Topics)!.importance).toBe(0);
    expect(second.parameters.reduce((sum, parameter) => sum + parameter.importance, 0)).toBeCloseTo(1, 6);
    const changed = second.parameters.filter((parameter, index) => Math.abs(parameter.importance - first.parameters[index]!.importance) > 1e-4);
    expect(changed.length).toBeGreaterThan(1);
  }, 30_000);
});
