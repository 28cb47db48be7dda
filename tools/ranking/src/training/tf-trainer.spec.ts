import * as tf from '@tensorflow/tfjs';

import { ipsWeightedLoss, positionAwareLoss, useCpuBackend } from './tf-trainer';

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
