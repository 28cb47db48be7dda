/**
 * `npm run ranking:train -- --data FILE --out MODEL.onnx`: trains the join-probability MLP with
 * tfjs (pure-JS CPU backend) on the time-split training part of an impression log and writes an
 * ONNX model that satisfies the recommender's contract.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { mlpForward, modelMetadataProps, timeSplit, type MlpWeights } from '@roundtable/ranking';

import { runCli, type CliSpec, UsageError } from './cli/cli-args';
import { progressBar, step } from './cli/progress';
import { estimatePropensities, summariseMetrics } from './evaluation/session-metrics';
import { encodeMlpAsOnnx } from './onnx/onnx-export';
import { loadOnnxScorer } from './onnx/onnx-scorer';
import { buildDataset, standardisation } from './training/dataset';
import { loadSplitSessions, sampleShare } from './training/load-sessions';
import { Random } from './random';
import { carriesOracleScore, SIM_ORACLE_SCORE_POLICY } from './simulation/sessions';
import { DEFAULT_TRAIN_OPTIONS, predictWithTf, trainMlp } from './training/tf-trainer';

const d = DEFAULT_TRAIN_OPTIONS;
const LABELS = ['joined', 'gain', 'oracle'] as const;
const POSITION_BIAS = ['factor', 'ips', 'none'] as const;
const DEFAULT_VALIDATION = 0.1;
const spec: CliSpec = {
  command: 'npm run ranking:train --',
  summary:
    'Trains the room-join model on an impression log (ImpressionLogRecord JSONL from ranking:simulate or ranking:export)\n' +
    'and writes ONNX (input "features" float32 [N, D], output "score" float32 [N]) with the feature spec, model_version,\n' +
    'trained_at and holdout metrics in metadata_props. The last --holdout share of sessions (by time) is never trained on.',
  options: {
    data: { type: 'string', description: 'Input JSONL impression log', default: 'tmp/ranking/simulated.jsonl' },
    out: { type: 'string', description: 'Output ONNX model', default: 'tmp/ranking/model.onnx' },
    seed: { type: 'number', integer: true, description: 'Seed for initialisation and batch order', default: String(d.seed) },
    epochs: { type: 'number', integer: true, min: 1, description: 'Training epochs', default: String(d.epochs) },
    hidden: { type: 'string', description: 'Hidden layer sizes, comma-separated ("" for logistic regression)', default: d.hidden.join(',') },
    'batch-size': { type: 'number', integer: true, min: 1, description: 'Mini-batch size', default: String(d.batchSize) },
    'learning-rate': { type: 'number', above: 0, description: 'Adam learning rate', default: String(d.learningRate) },
    holdout: { type: 'number', above: 0, below: 1, description: 'Share of the latest sessions held out', default: '0.2' },
    'position-bias': {
      type: 'string',
      choices: POSITION_BIAS,
      description:
        'Examination by position is estimated from the EXPLORATION SLICE of the training part of the log (uniformly\n' +
        'random orders; the simulator\'s whole log, the exploration rows of ranking:export\'s) and used on every row.\n' +
        '"factor" (default): BCE of joined against examination(position) x model(x) (position-based click model);\n' +
        '"ips": BCE against inverse-propensity-weighted labels joined / examination(position); "none": plain BCE',
      default: 'factor',
    },
    validation: {
      type: 'number',
      min: 0,
      below: 1,
      description:
        'Share of the latest TRAINING sessions (before the holdout) used for early stopping: the epoch with the best\n' +
        'validation NDCG@10 is kept. 0 trains on all training sessions and keeps the last epoch',
      default: String(DEFAULT_VALIDATION),
    },
    label: {
      type: 'string',
      choices: LABELS,
      description:
        '"joined" (default): predict the join probability (a hidden impression counts as not joined); "gain": predict the NDCG gain (2^relevance - 1) / 3;\n' +
        '"oracle": DIAGNOSTIC, never ship it: learn the simulator\'s hidden join probability (a log from ranking:simulate --log-oracle-score),\n' +
        'whose best fit is E[oracle | features]: how near the oracle these features and this MLP can get with noiseless labels',
      default: 'joined',
    },
    'train-share': {
      type: 'number',
      above: 0,
      max: 1,
      description:
        'Share of the training sessions (after the validation part is set aside) to train on, drawn at random with --seed:\n' +
        'a learning curve on one holdout (does more data of this world help?). 1 trains on all of them',
      default: '1',
    },
    'model-version': { type: 'string', description: 'model_version to record (default: derived from the weights)' },
    'trained-at': { type: 'string', description: 'trained_at to record (default: now)' },
  },
  examples: [
    'npm run ranking:train -- --data tmp/ranking/simulated.jsonl --seed 7 --out tmp/ranking/model.onnx',
    'npm run ranking:train -- --hidden "" --epochs 4   # logistic regression',
  ],
};

runCli(spec, async (args) => {
  const hidden = args
    .string('hidden')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number);
  if (hidden.some((units) => !Number.isInteger(units) || units <= 0)) throw new UsageError('--hidden must list positive integers, comma-separated (see --help)');
  const options = {
    seed: args.number('seed'),
    hidden,
    epochs: args.number('epochs'),
    batchSize: args.number('batch-size'),
    learningRate: args.number('learning-rate'),
    l2: d.l2,
  };
  const label = args.choice('label', LABELS);
  const { train: trainAll, holdout, cutoff } = await loadSplitSessions(args.string('data'), args.number('holdout'));
  if (label === 'oracle') {
    if (!carriesOracleScore(trainAll)) {
      throw new UsageError(`--label oracle needs a log whose every score is the simulator's oracle (ranking:simulate --log-oracle-score, model_version "${SIM_ORACLE_SCORE_POLICY}")`);
    }
    step('DIAGNOSTIC: learning the simulator\'s hidden join probability (--label oracle); the model is a measurement, never one to ship');
  }
  const validationShare = args.number('validation');
  // Validation is the latest part of the training period, so it never overlaps the holdout.
  const { train: trainPeriod, holdout: validation } =
    validationShare > 0 ? timeSplit(trainAll, validationShare) : { train: trainAll, holdout: [] as typeof trainAll };
  const trainShare = args.number('train-share');
  const train = sampleShare(trainPeriod, trainShare, new Random(options.seed));
  if (trainShare < 1) step(`Training on ${train.length} of ${trainPeriod.length} training sessions (--train-share ${trainShare})`);
  if (validation.length > 0) step(`Early stopping on the last ${Math.round(validationShare * 100)}% of training sessions (${validation.length} sessions)`);

  const featureBar = progressBar('Extracting features', train.length + validation.length + holdout.length);
  const trainSet = buildDataset(train, (done) => featureBar.update(done));
  const validationSet = buildDataset(validation, (done) => featureBar.update(train.length + done));
  const holdoutSet = buildDataset(holdout, (done) => featureBar.update(train.length + validation.length + done));
  featureBar.stop();

  const positionBias = label === 'oracle' ? 'none' : args.choice('position-bias', POSITION_BIAS);
  // Estimated from the exploration rows of the training part only (estimatePropensities ignores the rest).
  const examination = positionBias !== 'none' ? estimatePropensities(trainSet) : undefined;
  const explored = trainSet.exploration.reduce((sum, flag) => sum + flag, 0);
  if (examination) {
    const correction = positionBias === 'ips' ? 'inverse-propensity-weighted labels, joined / examination' : 'examination x model (position-based click model)';
    step(`Examination by position (${explored} exploration rows of ${trainSet.rows}): ${Array.from(examination, (value) => value.toFixed(2)).join(' ')}; correction: ${correction}`);
  }
  const standard = standardisation(trainSet);
  const batches = Math.ceil(trainSet.rows / options.batchSize);
  const trainBar = progressBar('Training (tfjs cpu)', options.epochs * batches);
  const validate =
    validationSet.rows > 0
      ? (weights: MlpWeights): number => summariseMetrics(validationSet, mlpForward(weights, validationSet.features, validationSet.rows))['ndcg@10']
      : undefined;
  const trained = await trainMlp(
    trainSet,
    standard,
    { ...options, label, ...(examination ? { examination, correction: positionBias === 'ips' ? ('ips' as const) : ('factor' as const) } : {}) },
    (epoch, batch, _batches, loss) => {
      trainBar.update(epoch * batches + batch + 1, { detail: `epoch ${epoch + 1} loss ${loss.toFixed(4)}` });
    },
    validate,
  );
  trainBar.stop();
  step(`Loss by epoch: ${trained.lossByEpoch.map((loss) => loss.toFixed(4)).join(' → ')}`);
  if (trained.validationByEpoch.length > 0) {
    step(
      `Validation NDCG@10 by epoch: ${trained.validationByEpoch.map((value) => value.toFixed(4)).join(' → ')}; keeping epoch ${trained.bestEpoch + 1}`,
    );
  }

  const holdoutScores = mlpForward(trained.weights, holdoutSet.features, holdoutSet.rows);
  const metrics = summariseMetrics(holdoutSet, holdoutScores);
  step(`Holdout: NDCG@10 ${metrics['ndcg@10'].toFixed(4)}, recall@10 ${metrics['recall@10'].toFixed(4)}, MRR ${metrics.mrr.toFixed(4)}`);

  const digest = createHash('sha256');
  for (const layer of trained.weights.layers) digest.update(new Uint8Array(layer.weights.buffer));
  const kind = label === 'oracle' ? 'rt-diagnostic-oracle-mlp' : 'rt-mlp';
  const modelVersion = args.optionalString('model-version') ?? `${kind}-${hidden.join('x') || 'logistic'}-s${options.seed}-${digest.digest('hex').slice(0, 8)}`;
  const bytes = encodeMlpAsOnnx(
    trained.weights,
    modelMetadataProps({
      modelVersion,
      trainedAt: args.optionalString('trained-at') ?? new Date().toISOString(),
      metrics: {
        'ndcg@10': round(metrics['ndcg@10']),
        'recall@10': round(metrics['recall@10']),
        mrr: round(metrics.mrr),
        holdout_sessions: metrics.sessions,
        train_rows: trainSet.rows,
        validation_rows: validationSet.rows,
        best_epoch: trained.bestEpoch + 1,
      },
    }),
  );
  const out = args.string('out');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, bytes);

  // Prove the file scores like tfjs before anyone ships it.
  const scorer = await loadOnnxScorer(out);
  const sample = Math.min(holdoutSet.rows, 4096);
  const onnxScores = await scorer.score(holdoutSet.features, sample);
  const tfScores = predictWithTf(trained, holdoutSet.features, sample);
  let maxDiff = 0;
  for (let i = 0; i < sample; i++) maxDiff = Math.max(maxDiff, Math.abs((onnxScores[i] ?? 0) - (tfScores[i] ?? 0)));
  await scorer.close();
  if (maxDiff > 1e-4) throw new Error(`ONNX and tfjs disagree by ${maxDiff} on the holdout batch`);

  process.stdout.write(
    `${JSON.stringify({ out, modelVersion, bytes: bytes.length, cutoff, trainRows: trainSet.rows, validationRows: validationSet.rows, bestEpoch: trained.bestEpoch + 1, holdoutRows: holdoutSet.rows, metrics, onnxVsTfjsMaxAbsDiff: maxDiff }, null, 2)}\n`,
  );
});

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
