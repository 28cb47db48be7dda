import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { bearerTokenCheck } from '@roundtable/config';
import { parseRankRequest, RANKING_PARAMETER_TEXTS, rankCandidates } from '@roundtable/ranking';
import express, { type NextFunction, type Request, type Response } from 'express';
import pino, { type Logger } from 'pino';

import { loadRecommenderConfig, validateConfig, type RecommenderConfig } from './config';
import { ConcurrencyLimiter } from './http/concurrency-limiter';
import { RecommenderMetrics } from './http/recommender-metrics';
import { ModelStore } from './model/model-store';

/** In-process start options: any config field overrides the environment. */
export interface RecommenderOptions extends Partial<RecommenderConfig> {
  /** Defaults to a pino logger at `logLevel`. */
  readonly logger?: Logger;
  /** Watch MODEL_PATH and reload on change (default true). */
  readonly watchModel?: boolean;
}

/** A running recommender. */
export interface RunningRecommender {
  /** Base URL, e.g. http://127.0.0.1:4100 */
  readonly url: string;
  readonly port: number;
  readonly store: ModelStore;
  readonly metrics: RecommenderMetrics;
  close(): Promise<void>;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Builds the express app and model store without listening, for callers that mount it
 * themselves. Most callers want {@link startRecommender}.
 */
export async function createRecommenderServer(options: RecommenderOptions = {}): Promise<{
  app: express.Express;
  store: ModelStore;
  metrics: RecommenderMetrics;
  config: RecommenderConfig;
  logger: Logger;
}> {
  const { logger: givenLogger, watchModel = true, ...overrides } = options;
  const config: RecommenderConfig = { ...loadRecommenderConfig(), ...overrides };
  validateConfig(config);
  const logger = givenLogger ?? pino({ name: 'recommender', level: config.logLevel });
  const metrics = new RecommenderMetrics();
  const store = new ModelStore({
    modelPath: config.modelPath,
    intraOpNumThreads: config.intraOpNumThreads,
    batchRows: config.batchRows,
    pollMs: config.modelPollMs,
    debounceMs: config.reloadDebounceMs,
    logger,
    onLoad: (result, model) => {
      metrics.modelLoads.inc({ result });
      if (result === 'loaded' && model) {
        metrics.setModel(model.metadata.modelVersion, model.metadata.featureSpecVersion, model.metadata.trainedAt);
      }
    },
    onInference: (seconds) => metrics.inferenceDuration.observe(seconds),
  });
  await store.load();
  if (watchModel) store.watch();

  const app = express();
  app.disable('x-powered-by');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const stop = metrics.requestDuration.startTimer();
    res.on('finish', () => {
      const route = typeof req.route?.path === 'string' ? req.route.path : 'unmatched';
      stop({ route });
      metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });
  const rankSlots = new ConcurrencyLimiter(config.maxConcurrentRanks);

  app.get('/healthz', (_req, res) => {
    const model = store.model;
    if (!model) {
      res.status(503).json({ status: 'no-model', modelPath: config.modelPath });
      return;
    }
    res.json({
      status: 'ok',
      modelVersion: model.metadata.modelVersion,
      featureSpec: model.metadata.featureSpecVersion,
      trainedAt: model.metadata.trainedAt,
      loadedAt: model.loadedAt,
    });
  });

  // Transparency (DSA Art. 27): the served model's main parameters with their measured weight,
  // recomputed whenever a model loads (hot reload included).
  app.get('/v1/transparency', (_req, res) => {
    const model = store.model;
    if (!model) {
      res.status(503).json({ error: 'no_model', message: 'No valid model is loaded' });
      return;
    }
    res.json({
      modelVersion: model.metadata.modelVersion,
      featureSpec: model.metadata.featureSpecVersion,
      trainedAt: model.metadata.trainedAt,
      computedAt: model.transparency.computedAt,
      referenceRows: model.transparency.referenceRows,
      method: 'occlusion',
      parameters: model.transparency.groups.map((entry) => ({
        group: entry.group,
        name: RANKING_PARAMETER_TEXTS[entry.group].name,
        description: RANKING_PARAMETER_TEXTS[entry.group].description,
        importance: entry.importance,
        meanAbsoluteEffect: entry.meanAbsoluteEffect,
      })),
    });
  });

  // With METRICS_TOKEN, only `Authorization: Bearer <METRICS_TOKEN>` is answered (as on the API).
  const metricsAuthorized = config.metricsToken === null ? null : bearerTokenCheck(config.metricsToken);
  app.get('/metrics', async (req, res) => {
    if (metricsAuthorized && !metricsAuthorized(req.headers.authorization)) {
      res.status(401).setHeader('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>\n');
      return;
    }
    res.set('cache-control', 'no-store');
    res.set('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });

  // The body stays a raw Buffer until a ranking slot is free; JSON.parse happens inside the slot
  // (see ConcurrencyLimiter for why).
  app.post('/v1/rank', express.raw({ type: () => true, limit: config.bodyLimit }), async (req, res) => {
    if (!store.model) {
      res.status(503).json({ error: 'no_model', message: 'No valid model is loaded' });
      return;
    }
    const raw: unknown = req.body;
    const body = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    await rankSlots.run(async () => {
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8')) as unknown;
      } catch {
        res.status(400).json({ error: 'invalid_request', message: 'Body is not valid JSON' });
        return;
      }
      // Parsing and validating a 10,000-candidate body are each tens of milliseconds: let other
      // requests' I/O through in between.
      await yieldToEventLoop();
      const parsed = parseRankRequest(json, config.maxCandidates);
      if (!parsed.ok) {
        res.status(400).json({ error: 'invalid_request', message: parsed.error });
        return;
      }
      await yieldToEventLoop();
      const model = store.acquire();
      if (!model) {
        res.status(503).json({ error: 'no_model', message: 'No valid model is loaded' });
        return;
      }
      try {
        metrics.candidates.observe(parsed.request.candidates.length);
        const response = await rankCandidates(parsed.request, (features, rows) => store.score(model, features, rows), {
          modelVersion: model.metadata.modelVersion,
          yieldControl: yieldToEventLoop,
          extractionChunk: 500,
          clock: () => performance.now(),
          onStage: (stage, milliseconds) => metrics.stageDuration.observe({ stage }, milliseconds / 1000),
        });
        res.json(response);
      } finally {
        store.release(model);
      }
    });
  });

  // Express 5 forwards async errors here; body-parser errors carry a 4xx status.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
    if (status >= 500) logger.error({ err: error, path: req.path }, 'Unhandled error');
    res.status(status).json({ error: status >= 500 ? 'internal' : 'bad_request', message: status >= 500 ? 'Internal error' : String((error as Error).message) });
  });

  return { app, store, metrics, config, logger };
}

/** Starts the recommender and resolves once it listens. `port: 0` picks a free port. */
export async function startRecommender(options: RecommenderOptions = {}): Promise<RunningRecommender> {
  const { app, store, metrics, config, logger } = await createRecommenderServer(options);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, modelPath: config.modelPath }, `Recommender listening on ${url}`);
  return {
    url,
    port,
    store,
    metrics,
    async close() {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      // Keep-alive clients (the API's pool) would otherwise hold close() open indefinitely.
      server.closeAllConnections();
      await closed;
      await store.close();
    },
  };
}
