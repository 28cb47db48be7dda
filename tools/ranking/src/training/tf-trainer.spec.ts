import * as tf from '@tensorflow/tfjs';
import { FEATURE_DIM } from '@roundtable/ranking';

import { Random } from '../random';
import type { Dataset } from './dataset';
import { ipsWeightedLoss, positionAwareLoss, predictWithTf, trainMlp, useCpuBackend } from './tf-trainer';

const bce = (y: number, p: number): number => -(y * Math.log(p) + (1 - y) * Math.log(1 - p));

describe('position-corrected losses', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  it('ips: BCE against joined / examination (a join at examination 0.25 counts as label 4)', () => {
    const loss = ipsWeightedLoss(tf.tensor2d([[4], [0], [1]]), tf.tensor2d([[0.3], [0.2], [0.6]])).dataSync()[0]!;
    expect(loss).toBeCloseTo((bce(4, 0.3) + bce(0, 0.2) + bce(1, 0.6)) / 3, 5);
  });

  it('factor: unpacks 4 x relevance + examination, and maps relevance to the label (joined or gain)', () => {
    // Rows: not joined at examination 0.5; joined at 0.8; joined and engaged at 1.
    const yTrue = tf.tensor2d([[0 + 0.5], [4 + 0.8], [8 + 1]]);
    const yPred = tf.tensor2d([[0.4], [0.5], [0.7]]);
    const joined = positionAwareLoss([0, 1, 1])(yTrue, yPred).dataSync()[0]!;
    expect(joined).toBeCloseTo((bce(0, 0.5 * 0.4) + bce(1, 0.8 * 0.5) + bce(1, 0.7)) / 3, 5);
    const gain = positionAwareLoss([0, 1 / 3, 1])(yTrue, yPred).dataSync()[0]!;
    expect(gain).toBeCloseTo((bce(0, 0.5 * 0.4) + bce(1 / 3, 0.8 * 0.5) + bce(1, 0.7)) / 3, 5);
  });
});

describe('--label oracle (a diagnostic): learns the logged hidden probability, not the outcome', () => {
  beforeAll(async () => {
    await useCpuBackend();
  });

  /** Rows whose logged score is sigmoid(2·x0 − x1) and whose outcome is never a join. */
  function dataset(rows: number): Dataset {
    const random = new Random(3);
    const features = new Float32Array(rows * FEATURE_DIM);
    const loggedScores = new Float32Array(rows);
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < FEATURE_DIM; column++) features[row * FEATURE_DIM + column] = random.next() * 2 - 1;
      loggedScores[row] = 1 / (1 + Math.exp(-(2 * (features[row * FEATURE_DIM] ?? 0) - (features[row * FEATURE_DIM + 1] ?? 0))));
    }
    return {
      rows,
      features,
      labels: new Float32Array(rows),
      gains: new Float32Array(rows),
      loggedScores,
      positions: new Int32Array(rows),
      sessionStarts: Int32Array.from([0, rows]),
      exploration: new Uint8Array(rows).fill(1),
      loggingPropensities: new Float32Array(rows).fill(1),
    };
  }

  it('fits the logged score (mean error under 0.03) where the outcome-trained model learns "never"', async () => {
    const data = dataset(2000);
    const standard = { mean: new Float32Array(FEATURE_DIM), scale: new Float32Array(FEATURE_DIM).fill(1) };
    const options = { seed: 1, hidden: [8], epochs: 30, batchSize: 100, learningRate: 0.01, l2: 0 };
    const meanError = (scores: Float32Array) => scores.reduce((sum, score, row) => sum + Math.abs(score - (data.loggedScores[row] ?? 0)), 0) / data.rows;
    const distilled = await trainMlp(data, standard, { ...options, label: 'oracle', examination: new Float32Array([0.5]) });
    const fromOutcomes = await trainMlp(data, standard, { ...options, label: 'joined' });
    expect(meanError(predictWithTf(distilled, data.features, data.rows))).toBeLessThan(0.03);
    expect(Math.max(...predictWithTf(fromOutcomes, data.features, data.rows))).toBeLessThan(0.05);
  }, 60_000);
});
