import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  FEATURE_DIM,
  FEATURE_SPEC,
  groupSessions,
  MODEL_METADATA_KEYS,
  mlpForward,
  modelMetadataProps,
  timeSplit,
  type ImpressionLogRecord,
  type MlpWeights,
} from '@roundtable/ranking';

import { Random } from '../random';
import { simulateSessions } from '../simulation/sessions';
import { buildWorld } from '../simulation/world';
import { buildDataset, standardisation } from '../training/dataset';
import { predictWithTf, trainMlp } from '../training/tf-trainer';
import { encodeMlpAsOnnx } from './onnx-export';
import { loadOnnxScorer } from './onnx-scorer';

async function simulatedRecords(seed: number): Promise<ImpressionLogRecord[]> {
  const random = new Random(seed);
  const world = buildWorld(random, { profiles: 150, rooms: 200, days: 3, startIso: '2026-01-05T00:00:00.000Z' });
  const records: ImpressionLogRecord[] = [];
  await simulateSessions(world, random, { sessions: 250, listSize: 12, historyDays: 14, seed, logOracleScore: false }, async (batch) => {
    records.push(...batch);
  });
  return records;
}

describe('tfjs → ONNX export', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ranking-onnx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores a held-out batch like tfjs itself (max abs diff <= 1e-4) and like mlpForward', async () => {
    const sessions = groupSessions(await simulatedRecords(3));
    const { train, holdout } = timeSplit(sessions, 0.25);
    const trainSet = buildDataset(train);
    const holdoutSet = buildDataset(holdout);
    const trained = await trainMlp(trainSet, standardisation(trainSet), {
      seed: 5,
      hidden: [8, 4],
      epochs: 2,
      batchSize: 128,
      learningRate: 0.01,
      l2: 1e-5,
    });
    const path = join(dir, 'tiny.onnx');
    writeFileSync(
      path,
      encodeMlpAsOnnx(trained.weights, modelMetadataProps({ modelVersion: 'tiny', trainedAt: '2026-01-01T00:00:00.000Z', metrics: {} })),
    );
    const scorer = await loadOnnxScorer(path);
    try {
      expect(scorer.metadata.modelVersion).toBe('tiny');
      const rows = holdoutSet.rows;
      expect(rows).toBeGreaterThan(100);
      const onnxScores = await scorer.score(holdoutSet.features, rows);
      const tfScores = predictWithTf(trained, holdoutSet.features, rows);
      const plainScores = mlpForward(trained.weights, holdoutSet.features, rows);
      let maxTf = 0;
      let maxPlain = 0;
      for (let i = 0; i < rows; i++) {
        maxTf = Math.max(maxTf, Math.abs((onnxScores[i] ?? 0) - (tfScores[i] ?? 0)));
        maxPlain = Math.max(maxPlain, Math.abs((onnxScores[i] ?? 0) - (plainScores[i] ?? 0)));
      }
      expect(maxTf).toBeLessThanOrEqual(1e-4);
      expect(maxPlain).toBeLessThanOrEqual(1e-4);
      // Not a degenerate model: scores vary across candidates.
      expect(new Set(Array.from(onnxScores, (score) => score.toFixed(4))).size).toBeGreaterThan(10);
    } finally {
      await scorer.close();
    }
  }, 60_000);

  it('scores an older model whose features are a prefix of the spec on those columns, only when asked', async () => {
    const dim = 24;
    const weights: MlpWeights = {
      inputMean: new Float32Array(dim),
      inputScale: new Float32Array(dim).fill(1),
      layers: [{ inDim: dim, outDim: 1, weights: Float32Array.from({ length: dim }, (_, i) => (i % 3) * 0.1), bias: Float32Array.of(-1), activation: 'sigmoid' }],
    };
    const props = {
      ...modelMetadataProps({ modelVersion: 'old', trainedAt: '2026-01-01T00:00:00.000Z', metrics: {} }),
      [MODEL_METADATA_KEYS.featureSpecVersion]: 'rt-features-v1',
      [MODEL_METADATA_KEYS.featureNames]: JSON.stringify(FEATURE_SPEC.names.slice(0, dim)),
    };
    const path = join(dir, 'old.onnx');
    writeFileSync(path, encodeMlpAsOnnx(weights, props));
    await expect(loadOnnxScorer(path)).rejects.toThrow(/rt-features-v1/);
    const scorer = await loadOnnxScorer(path, { allowFeaturePrefix: true });
    try {
      expect(scorer.metadata.featureSpecVersion).toBe('rt-features-v1');
      const rows = 3;
      const features = Float32Array.from({ length: rows * FEATURE_DIM }, (_, i) => (i % 7) / 7);
      const prefix = new Float32Array(rows * dim);
      for (let row = 0; row < rows; row++) prefix.set(features.subarray(row * FEATURE_DIM, row * FEATURE_DIM + dim), row * dim);
      const expected = mlpForward(weights, prefix, rows);
      const scores = await scorer.score(features, rows);
      for (let row = 0; row < rows; row++) expect(scores[row]).toBeCloseTo(expected[row] ?? 0, 5);
    } finally {
      await scorer.close();
    }
  });

  it('early stopping keeps the epoch with the best validation score, and tfjs predicts with those weights', async () => {
    const dataset = buildDataset(groupSessions(await simulatedRecords(4)).slice(0, 60));
    const options = { seed: 9, hidden: [4], epochs: 3, batchSize: 64, learningRate: 0.01, l2: 0 };
    // A validator that prefers the first epoch.
    const scores = [3, 1, 2];
    let call = 0;
    const trained = await trainMlp(dataset, standardisation(dataset), options, undefined, () => scores[call++] ?? 0);
    expect(trained.validationByEpoch).toEqual(scores);
    expect(trained.bestEpoch).toBe(0);
    const oneEpoch = await trainMlp(dataset, standardisation(dataset), { ...options, epochs: 1 });
    expect(Array.from(trained.weights.layers[0]?.weights ?? [])).toEqual(Array.from(oneEpoch.weights.layers[0]?.weights ?? []));
    const tf = predictWithTf(trained, dataset.features, 20);
    const plain = mlpForward(trained.weights, dataset.features, 20);
    for (let i = 0; i < 20; i++) expect(tf[i]).toBeCloseTo(plain[i] ?? 0, 4);
  }, 30_000);

  it('is deterministic for a seed', async () => {
    const dataset = buildDataset(groupSessions(await simulatedRecords(4)).slice(0, 60));
    const options = { seed: 9, hidden: [4], epochs: 1, batchSize: 64, learningRate: 0.01, l2: 0 };
    const a = await trainMlp(dataset, standardisation(dataset), options);
    const b = await trainMlp(dataset, standardisation(dataset), options);
    expect(Array.from(a.weights.layers[0]?.weights ?? [])).toEqual(Array.from(b.weights.layers[0]?.weights ?? []));
    expect(a.weights.inputMean).toHaveLength(FEATURE_DIM);
  }, 30_000);
});
