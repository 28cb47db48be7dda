import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';

import {
  FEATURE_DIM,
  type GroupImportance,
  MODEL_IO,
  ModelContractError,
  occlusionImportance,
  parseModelMetadata,
  type ModelMetadata,
  transparencyReferenceFeatures,
} from '@roundtable/ranking';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { Logger } from 'pino';

import { readMetadataProps } from './onnx-model-file';

/** A model ready to score, with the number of requests currently using it. */
export interface LoadedModel {
  readonly metadata: ModelMetadata;
  readonly session: InferenceSession;
  readonly loadedAt: string;
  inFlight: number;
  retired: boolean;
  /**
   * How much each feature group weighs in THIS model (mean occlusion effect over the fixed
   * reference set, normalised to sum to 1), measured when the model loaded, before it served.
   */
  readonly transparency: ModelTransparency;
}

/** The served model's parameter importances (`GET /v1/transparency`). */
export interface ModelTransparency {
  readonly computedAt: string;
  /** Reference (viewer, room) pairs the importances were measured over. */
  readonly referenceRows: number;
  readonly groups: readonly GroupImportance[];
}

/** The fixed reference set, extracted once per process (it never changes). */
let referenceFeatures: Float32Array | null = null;

export type ModelLoadResult = 'loaded' | 'rejected' | 'failed' | 'unchanged';

export interface ModelStoreOptions {
  readonly modelPath: string;
  readonly intraOpNumThreads: number;
  readonly batchRows: number;
  readonly pollMs: number;
  readonly debounceMs: number;
  readonly logger: Logger;
  readonly onLoad?: (result: ModelLoadResult, model: LoadedModel | null) => void;
  readonly onInference?: (seconds: number, rows: number) => void;
}

/**
 * Owns the served model: loads it, refuses models that break the contract (keeping the previous
 * one), reloads when the file changes, and scores in bounded batches. onnxruntime-node runs
 * synchronously on the calling thread, so each batch is capped at `batchRows` rows and batches
 * run in separate macrotasks: the event loop is never held for more than one batch.
 */
export class ModelStore {
  private current: LoadedModel | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  private reloading: Promise<ModelLoadResult> | null = null;
  private listener: ((current: Stats, previous: Stats) => void) | null = null;

  constructor(private readonly options: ModelStoreOptions) {}

  get model(): LoadedModel | null {
    return this.current;
  }

  /** Loads the file at modelPath; on any problem logs it and keeps serving the previous model. */
  async load(): Promise<ModelLoadResult> {
    // Serialise loads so two quick file changes cannot race each other into the slot.
    const previous = this.reloading ?? Promise.resolve<ModelLoadResult>('unchanged');
    const next = previous.then(() => this.loadNow());
    this.reloading = next;
    return next;
  }

  private async loadNow(): Promise<ModelLoadResult> {
    const { modelPath, logger } = this.options;
    let bytes: Buffer;
    let metadata: ModelMetadata;
    try {
      bytes = await readFile(modelPath);
      metadata = parseModelMetadata(readMetadataProps(bytes));
    } catch (error) {
      const result: ModelLoadResult = error instanceof ModelContractError ? 'rejected' : 'failed';
      logger.error(
        { err: error, modelPath, keeping: this.current?.metadata.modelVersion ?? null },
        `Refusing model at ${modelPath}: ${error instanceof Error ? error.message : String(error)}; ` +
          (this.current ? `still serving ${this.current.metadata.modelVersion}` : 'no model is being served'),
      );
      this.options.onLoad?.(result, this.current);
      return result;
    }
    let session: InferenceSession;
    try {
      session = await InferenceSession.create(bytes, {
        intraOpNumThreads: this.options.intraOpNumThreads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
      if (!session.inputNames.includes(MODEL_IO.input) || !session.outputNames.includes(MODEL_IO.output)) {
        await session.release();
        throw new Error(`model must have input "${MODEL_IO.input}" and output "${MODEL_IO.output}"`);
      }
    } catch (error) {
      logger.error({ err: error, modelPath }, `Refusing model at ${modelPath}: onnxruntime could not load it`);
      this.options.onLoad?.('failed', this.current);
      return 'failed';
    }
    let transparency: ModelTransparency;
    try {
      transparency = await this.measureImportance(session);
    } catch (error) {
      await session.release();
      logger.error({ err: error, modelPath }, `Refusing model at ${modelPath}: scoring the transparency reference set failed`);
      this.options.onLoad?.('failed', this.current);
      return 'failed';
    }
    const loaded: LoadedModel = { metadata, session, loadedAt: new Date().toISOString(), inFlight: 0, retired: false, transparency };
    const old = this.current;
    this.current = loaded;
    if (old) this.retire(old);
    logger.info(
      { modelVersion: metadata.modelVersion, trainedAt: metadata.trainedAt, featureSpec: metadata.featureSpecVersion, metrics: metadata.metrics, modelPath },
      `Serving model ${metadata.modelVersion}`,
    );
    this.options.onLoad?.('loaded', loaded);
    return 'loaded';
  }

  /** Occlusion importance of each feature group for a freshly loaded session (see {@link LoadedModel.transparency}). */
  private async measureImportance(session: InferenceSession): Promise<ModelTransparency> {
    referenceFeatures ??= transparencyReferenceFeatures();
    const rows = referenceFeatures.length / FEATURE_DIM;
    const groups = await occlusionImportance(
      referenceFeatures,
      rows,
      async (features, count) => {
        const output = await session.run({ [MODEL_IO.input]: new Tensor('float32', features, [count, FEATURE_DIM]) });
        const result = output[MODEL_IO.output];
        if (!result || result.data.length !== count) throw new Error(`model returned ${result?.data.length ?? 0} scores for ${count} rows`);
        return result.data as Float32Array;
      },
      this.options.batchRows,
    );
    return { computedAt: new Date().toISOString(), referenceRows: rows, groups };
  }

  /** Starts polling the model file; a change is reloaded after the debounce period. */
  watch(): void {
    if (this.listener) return;
    // watchFile polls stat(), which also sees files replaced by rename (how models get deployed),
    // unlike fs.watch on some filesystems.
    this.listener = (current: Stats, previous: Stats) => {
      if (current.mtimeMs === previous.mtimeMs && current.size === previous.size && current.ino === previous.ino) return;
      if (current.nlink === 0) return; // deleted: keep serving what we have
      if (this.reloadTimer) clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => {
        this.reloadTimer = null;
        void this.load();
      }, this.options.debounceMs);
    };
    watchFile(this.options.modelPath, { interval: this.options.pollMs, persistent: false }, this.listener);
  }

  /** Marks the model as used by one more request; pair with {@link release}. */
  acquire(): LoadedModel | null {
    const model = this.current;
    if (model) model.inFlight += 1;
    return model;
  }

  release(model: LoadedModel): void {
    model.inFlight -= 1;
    if (model.retired && model.inFlight === 0) void model.session.release();
  }

  /** Scores rows with `model` in batches of at most batchRows rows. */
  async score(model: LoadedModel, features: Float32Array, rows: number): Promise<Float32Array> {
    const scores = new Float32Array(rows);
    for (let from = 0; from < rows; from += this.options.batchRows) {
      const count = Math.min(this.options.batchRows, rows - from);
      const input = new Tensor('float32', features.subarray(from * FEATURE_DIM, (from + count) * FEATURE_DIM), [count, FEATURE_DIM]);
      const started = process.hrtime.bigint();
      // session.run defers the synchronous native run to its own setImmediate, so consecutive
      // batches are separate macrotasks and other requests interleave between them.
      const output = await model.session.run({ [MODEL_IO.input]: input });
      this.options.onInference?.(Number(process.hrtime.bigint() - started) / 1e9, count);
      const result = output[MODEL_IO.output];
      if (!result || result.data.length !== count) throw new Error(`model returned ${result?.data.length ?? 0} scores for ${count} rows`);
      scores.set(result.data as Float32Array, from);
    }
    return scores;
  }

  async close(): Promise<void> {
    // Remove only our listener: another server in this process may watch the same file.
    if (this.listener) unwatchFile(this.options.modelPath, this.listener);
    this.listener = null;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    await this.reloading?.catch(() => undefined);
    if (this.current) this.retire(this.current);
    this.current = null;
  }

  private retire(model: LoadedModel): void {
    model.retired = true;
    if (model.inFlight === 0) void model.session.release();
  }
}
