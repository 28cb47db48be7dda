/** Activation applied after a dense layer. */
export type MlpActivation = 'relu' | 'sigmoid' | 'linear';

/** One dense layer: y = activation(x · W + b), W stored row-major as [inDim, outDim]. */
export interface MlpLayer {
  readonly inDim: number;
  readonly outDim: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly activation: MlpActivation;
}

/**
 * A small feed-forward scorer: inputs are standardised ((x - mean) * scale) and fed through dense
 * layers; the last layer has one output. This is the exact computation the ONNX graph encodes,
 * so it doubles as the reference implementation in tests and the baseline in benchmarks.
 */
export interface MlpWeights {
  readonly inputMean: Float32Array;
  readonly inputScale: Float32Array;
  readonly layers: readonly MlpLayer[];
}

/**
 * Scores `rows` rows of `features` ([rows * inputDim], row-major) with plain Float32Array math.
 *
 * @returns one score per row
 */
export function mlpForward(weights: MlpWeights, features: Float32Array, rows: number): Float32Array {
  const inputDim = weights.inputMean.length;
  const widest = Math.max(inputDim, ...weights.layers.map((layer) => layer.outDim));
  // Two ping-pong buffers for one row at a time keep the working set in L1.
  let current = new Float32Array(widest);
  let next = new Float32Array(widest);
  const scores = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    const base = row * inputDim;
    for (let j = 0; j < inputDim; j++) {
      current[j] = ((features[base + j] ?? 0) - (weights.inputMean[j] ?? 0)) * (weights.inputScale[j] ?? 1);
    }
    for (const layer of weights.layers) {
      const { inDim, outDim, weights: w, bias, activation } = layer;
      for (let o = 0; o < outDim; o++) next[o] = bias[o] ?? 0;
      for (let k = 0; k < inDim; k++) {
        const x = current[k] ?? 0;
        if (x === 0) continue;
        const wRow = k * outDim;
        for (let o = 0; o < outDim; o++) next[o] = (next[o] ?? 0) + x * (w[wRow + o] ?? 0);
      }
      for (let o = 0; o < outDim; o++) next[o] = activate(next[o] ?? 0, activation);
      const swap = current;
      current = next;
      next = swap;
    }
    scores[row] = current[0] ?? 0;
  }
  return scores;
}

function activate(value: number, activation: MlpActivation): number {
  switch (activation) {
    case 'relu':
      return value > 0 ? value : 0;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-value));
    case 'linear':
      return value;
  }
}
