import {
  type ImpressionLogRecord,
  extractFeatureBatch,
  FEATURE_DIM,
  impressionGain,
  impressionLabel,
  prepareViewer,
  type ImpressionSession,
} from '@roundtable/ranking';

/** Feature matrix, labels and session boundaries of a set of logged sessions. */
export interface Dataset {
  readonly rows: number;
  /** [rows * FEATURE_DIM], row-major, extracted with the serving code. */
  readonly features: Float32Array;
  /** 1 when the impression was joined and not hidden later (impressionLabel: a hide is a negative). */
  readonly labels: Float32Array;
  /** Graded relevance (see impressionGain) for ranking metrics. */
  readonly gains: Float32Array;
  /** Score the serving policy logged for the impression. */
  readonly loggedScores: Float32Array;
  /** Position the impression was served at. */
  readonly positions: Int32Array;
  /** Row where session i starts; sessionStarts[sessions] === rows. */
  readonly sessionStarts: Int32Array;
  /** 1 when the impression was placed by an exploration slice (a uniformly random order). */
  readonly exploration: Uint8Array;
  /** Probability the logging policy put the impression at its position (1/N explored, 1 otherwise). */
  readonly loggingPropensities: Float32Array;
}

/** The simulator's logging policy: every list in a uniformly random order (see simulation/sessions.ts). */
const SIMULATOR_POLICY_PREFIX = 'sim:uniform-random';

/**
 * Whether an impression was placed by a uniformly random order. Logs with the `exploration`
 * field say so; older simulator logs without it were random throughout; older API logs without
 * it were all served in the model's order.
 */
export function isExplorationRecord(record: ImpressionLogRecord): boolean {
  return record.exploration ?? record.modelVersion.startsWith(SIMULATOR_POLICY_PREFIX);
}

/** The logging propensity of an impression (see {@link Dataset.loggingPropensities}). */
export function loggingPropensity(record: ImpressionLogRecord, listSize: number): number {
  if (record.propensity !== undefined) return record.propensity;
  return isExplorationRecord(record) ? 1 / Math.max(1, listSize) : 1;
}

/**
 * Keeps only the impressions of the exploration slice (sessions without any are dropped): the
 * only part of a log where position is independent of relevance, so the only part an off-policy
 * estimate may use.
 */
export function explorationSlice(sessions: readonly ImpressionSession[]): ImpressionSession[] {
  return sessions.flatMap((session) => {
    const records = session.records.filter(isExplorationRecord);
    return records.length > 0 ? [{ ...session, records }] : [];
  });
}

/**
 * Extracts features for every logged impression with libs/ranking's extraction, the same code
 * the recommender runs, so there is no train/serve skew.
 */
export function buildDataset(sessions: readonly ImpressionSession[], onSession?: (done: number) => void): Dataset {
  const rows = sessions.reduce((sum, session) => sum + session.records.length, 0);
  const features = new Float32Array(rows * FEATURE_DIM);
  const labels = new Float32Array(rows);
  const gains = new Float32Array(rows);
  const positions = new Int32Array(rows);
  const loggedScores = new Float32Array(rows);
  const sessionStarts = new Int32Array(sessions.length + 1);
  const exploration = new Uint8Array(rows);
  const loggingPropensities = new Float32Array(rows);
  let row = 0;
  sessions.forEach((session, index) => {
    sessionStarts[index] = row;
    const first = session.records[0];
    if (!first) return;
    // Every impression of a served list shares the viewer and `now`, so prepare them once.
    const context = prepareViewer(first.viewer);
    extractFeatureBatch(
      context,
      session.records.map((record) => record.candidate),
      session.at,
      features.subarray(row * FEATURE_DIM, (row + session.records.length) * FEATURE_DIM),
    );
    for (const record of session.records) {
      labels[row] = impressionLabel(record.outcome);
      gains[row] = impressionGain(record.outcome);
      positions[row] = record.position;
      loggedScores[row] = record.score;
      exploration[row] = isExplorationRecord(record) ? 1 : 0;
      loggingPropensities[row] = loggingPropensity(record, session.records.length);
      row += 1;
    }
    onSession?.(index + 1);
  });
  sessionStarts[sessions.length] = row;
  return { rows, features, labels, gains, positions, loggedScores, sessionStarts, exploration, loggingPropensities };
}

/** Per-column mean and 1/std over the rows (std floored so constant columns do not explode). */
export function standardisation(dataset: Dataset): { mean: Float32Array; scale: Float32Array } {
  const mean = new Float64Array(FEATURE_DIM);
  const squares = new Float64Array(FEATURE_DIM);
  for (let row = 0; row < dataset.rows; row++) {
    for (let column = 0; column < FEATURE_DIM; column++) {
      const value = dataset.features[row * FEATURE_DIM + column] ?? 0;
      mean[column] = (mean[column] ?? 0) + value;
      squares[column] = (squares[column] ?? 0) + value * value;
    }
  }
  const scale = new Float32Array(FEATURE_DIM);
  const meanOut = new Float32Array(FEATURE_DIM);
  for (let column = 0; column < FEATURE_DIM; column++) {
    const m = (mean[column] ?? 0) / Math.max(1, dataset.rows);
    const variance = Math.max(0, (squares[column] ?? 0) / Math.max(1, dataset.rows) - m * m);
    meanOut[column] = m;
    scale[column] = 1 / Math.max(Math.sqrt(variance), 1e-3);
  }
  return { mean: meanOut, scale };
}
