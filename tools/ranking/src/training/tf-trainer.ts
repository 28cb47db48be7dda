import * as tf from '@tensorflow/tfjs';
import { FEATURE_DIM, type MlpLayer, type MlpWeights } from '@roundtable/ranking';

import { Random } from '../random';
import type { Dataset } from './dataset';

/** Hyper-parameters of the join-probability MLP. */
export interface TrainOptions {
  readonly seed: number;
  readonly hidden: readonly number[];
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** L2 penalty on kernels; keeps the small model from memorising noise. */
  readonly l2: number;
  /**
   * Examination propensity by logged position (position-aware training). When given, the loss
   * is binary cross-entropy of `joined` against `propensity[position] × model(x)`, so the model
   * learns the join probability of a room that is actually looked at rather than one capped by
   * the examination rate of random positions. Serving and ranking use `model(x)` alone.
   */
  readonly examination?: ArrayLike<number>;
  /**
   * How `examination` corrects for position: `factor` (the default when examination is given) is
   * the position-based click model above; `ips` trains plain BCE on inverse-propensity-weighted
   * labels, joined / examination[position] (Saito et al. 2020's unbiased pointwise loss: its
   * expectation is the BCE on true relevance).
   */
  readonly correction?: 'factor' | 'ips';
  /**
   * What the model learns to predict: `joined` (default), the join probability; `gain`, the
   * expected NDCG gain (2^relevance - 1) / 3 of graded relevance (0 not joined, 1/3 joined,
   * 1 joined and engaged), which is what NDCG@10 rewards. `oracle` is a DIAGNOSTIC, never a model
   * to ship: plain BCE against the simulator's logged hidden join probability (`loggedScores`,
   * from `ranking:simulate --log-oracle-score`) instead of the 0/1 outcome. Its minimiser is
   * E[oracle | features], the best any model on these features could learn, without the outcome's
   * sampling noise: how close this model class and feature set can get to the oracle at all.
   * Examination is ignored (the oracle's probability is already that of an examined room).
   */
  readonly label?: 'joined' | 'gain' | 'oracle';
}

/** Training target by graded relevance (impressionGain 0, 1, 2) for each {@link TrainOptions.label}. */
const LABEL_BY_GAIN: Readonly<Record<'joined' | 'gain', readonly [number, number, number]>> = {
  joined: [0, 1, 1],
  gain: [0, 1 / 3, 1],
};

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  seed: 7,
  hidden: [32, 16],
  epochs: 8,
  batchSize: 256,
  learningRate: 0.003,
  l2: 1e-5,
};

/** A trained model: the tfjs model (for its own predictions) and the same weights as plain arrays. */
export interface TrainedModel {
  readonly model: tf.LayersModel;
  readonly weights: MlpWeights;
  readonly lossByEpoch: readonly number[];
  /** Validation score after each epoch (empty without a validator). */
  readonly validationByEpoch: readonly number[];
  /** 0-based epoch whose weights were kept (the last one without a validator). */
  readonly bestEpoch: number;
}

/**
 * Scores candidate weights on data held out of training (higher is better). Used for early
 * stopping: the epoch with the best score is kept. Must never see the evaluation holdout.
 */
export type EpochValidator = (weights: MlpWeights) => number;

let backendReady: Promise<void> | null = null;

/** Pins tfjs to its pure-JavaScript CPU backend (no tfjs-node), once per process. */
export function useCpuBackend(): Promise<void> {
  // PROD skips tfjs's debug checks and its "install tfjs-node" banner: we use the pure-JS CPU
  // backend on purpose (no native build step for the data pipeline).
  tf.env().set('PROD', true);
  backendReady ??= tf.setBackend('cpu').then((ok) => {
    if (!ok) throw new Error('tfjs CPU backend unavailable');
  });
  return backendReady;
}

/**
 * Trains a sigmoid-output MLP on standardised features with binary cross-entropy. Batches are
 * shuffled with our seeded generator (tfjs's own shuffle uses Math.random) and initialisers are
 * seeded, so the same data and seed give the same weights.
 */
export async function trainMlp(
  dataset: Dataset,
  standard: { mean: Float32Array; scale: Float32Array },
  options: TrainOptions,
  onBatch?: (epoch: number, batch: number, batches: number, loss: number) => void,
  validate?: EpochValidator,
): Promise<TrainedModel> {
  await useCpuBackend();
  const random = new Random(options.seed);
  const model = tf.sequential();
  options.hidden.forEach((units, index) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        ...(index === 0 ? { inputShape: [FEATURE_DIM] } : {}),
        kernelInitializer: tf.initializers.heNormal({ seed: options.seed + index }),
        kernelRegularizer: tf.regularizers.l2({ l2: options.l2 }),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: 1,
      activation: 'sigmoid',
      ...(options.hidden.length === 0 ? { inputShape: [FEATURE_DIM] } : {}),
      kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed + 100 }),
    }),
  );
  const distilled = options.label === 'oracle';
  const examination = distilled ? undefined : options.examination;
  const correction = examination ? (options.correction ?? 'factor') : null;
  const labelByGain = LABEL_BY_GAIN[options.label === 'gain' ? 'gain' : 'joined'];
  model.compile({
    optimizer: tf.train.adam(options.learningRate),
    loss: correction === 'factor' ? positionAwareLoss(labelByGain) : correction === 'ips' ? ipsWeightedLoss : 'binaryCrossentropy',
  });

  const standardised = standardise(dataset.features, dataset.rows, standard);
  const order = Array.from({ length: dataset.rows }, (_, index) => index);
  const batches = Math.ceil(dataset.rows / options.batchSize);
  const lossByEpoch: number[] = [];
  const validationByEpoch: number[] = [];
  let bestScore = -Infinity;
  let bestEpoch = -1;
  let best: tf.Tensor[] = [];
  const xBatch = new Float32Array(options.batchSize * FEATURE_DIM);
  const yBatch = new Float32Array(options.batchSize);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    random.shuffle(order);
    let lossSum = 0;
    for (let batch = 0; batch < batches; batch++) {
      const from = batch * options.batchSize;
      const size = Math.min(options.batchSize, dataset.rows - from);
      for (let i = 0; i < size; i++) {
        const row = order[from + i] ?? 0;
        xBatch.set(standardised.subarray(row * FEATURE_DIM, (row + 1) * FEATURE_DIM), i * FEATURE_DIM);
        const gain = Math.max(0, Math.min(2, Math.round(dataset.gains[row] ?? 0)));
        const label = distilled ? (dataset.loggedScores[row] ?? 0) : labelByGain[gain as 0 | 1 | 2];
        // tfjs wants targets shaped like the output, so the position-aware target packs both into
        // one number: 4 x graded relevance + propensity (propensities are in [0.1, 1]).
        const propensity = examination?.[dataset.positions[row] ?? 0] ?? 1;
        yBatch[i] = correction === 'factor' ? 4 * gain + propensity : correction === 'ips' ? label / propensity : label;
      }
      const x = tf.tensor2d(xBatch.subarray(0, size * FEATURE_DIM), [size, FEATURE_DIM]);
      const y = tf.tensor2d(yBatch.subarray(0, size), [size, 1]);
      const result = await model.trainOnBatch(x, y);
      x.dispose();
      y.dispose();
      const loss = Array.isArray(result) ? (result[0] ?? 0) : result;
      lossSum += loss;
      onBatch?.(epoch, batch, batches, loss);
    }
    lossByEpoch.push(lossSum / batches);
    if (validate) {
      const score = validate(extractWeights(model, standard));
      validationByEpoch.push(score);
      if (score > bestScore) {
        bestScore = score;
        bestEpoch = epoch;
        for (const tensor of best) tensor.dispose();
        best = model.getWeights().map((tensor) => tensor.clone());
      }
    } else {
      bestEpoch = epoch;
    }
  }
  if (validate && best.length > 0) model.setWeights(best);
  for (const tensor of best) tensor.dispose();
  return { model, weights: extractWeights(model, standard), lossByEpoch, validationByEpoch, bestEpoch };
}

/**
 * BCE of the label against examination × predicted probability. yTrue packs 4 × graded relevance
 * (0, 1, 2) + examination propensity; `labelByGain` maps the relevance to the label.
 */
export function positionAwareLoss(labelByGain: readonly [number, number, number]) {
  return (yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor =>
    tf.tidy(() => {
      const level = tf.floor(tf.div(yTrue, 4));
      const propensity = tf.sub(yTrue, tf.mul(level, 4));
      const [l0, l1, l2] = labelByGain;
      // Quadratic through (0, l0), (1, l1), (2, l2): the label for each relevance level, without a gather.
      const a = (l2 - 2 * l1 + l0) / 2;
      const b = l1 - l0 - a;
      const y = tf.add(tf.add(tf.mul(tf.square(level), a), tf.mul(level, b)), l0);
      const p = tf.clipByValue(tf.mul(yPred, propensity), 1e-7, 1 - 1e-7);
      return tf.neg(tf.mean(tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))));
    });
}

/** BCE against the IPS-weighted label yTrue = joined / examination (may exceed 1; p is clipped). */
export function ipsWeightedLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const p = tf.clipByValue(yPred, 1e-7, 1 - 1e-7);
    return tf.neg(tf.mean(tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))))));
  });
}

/** tfjs's own predictions for raw (unstandardised) feature rows. */
export function predictWithTf(
  trained: TrainedModel,
  features: Float32Array,
  rows: number,
): Float32Array {
  const standardised = standardise(features, rows, { mean: trained.weights.inputMean, scale: trained.weights.inputScale });
  return tf.tidy(() => {
    const output = trained.model.predict(tf.tensor2d(standardised, [rows, FEATURE_DIM]));
    const tensor = Array.isArray(output) ? output[0] : output;
    if (!tensor) throw new Error('model produced no output');
    return tensor.dataSync() as Float32Array;
  });
}

function standardise(
  features: Float32Array,
  rows: number,
  standard: { mean: Float32Array; scale: Float32Array },
): Float32Array {
  const out = new Float32Array(rows * FEATURE_DIM);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < FEATURE_DIM; column++) {
      const at = row * FEATURE_DIM + column;
      out[at] = ((features[at] ?? 0) - (standard.mean[column] ?? 0)) * (standard.scale[column] ?? 1);
    }
  }
  return out;
}

/** Reads the dense layers back out of tfjs as plain arrays (kernels are [in, out] row-major). */
function extractWeights(model: tf.LayersModel, standard: { mean: Float32Array; scale: Float32Array }): MlpWeights {
  const layers: MlpLayer[] = model.layers.map((layer, index) => {
    const [kernel, bias] = layer.getWeights();
    if (!kernel || !bias) throw new Error(`layer ${index} has no kernel/bias`);
    const [inDim, outDim] = kernel.shape;
    if (inDim === undefined || outDim === undefined) throw new Error(`layer ${index} kernel is not 2-D`);
    return {
      inDim,
      outDim,
      weights: Float32Array.from(kernel.dataSync()),
      bias: Float32Array.from(bias.dataSync()),
      activation: index === model.layers.length - 1 ? 'sigmoid' : 'relu',
    };
  });
  return { inputMean: Float32Array.from(standard.mean), inputScale: Float32Array.from(standard.scale), layers };
}
