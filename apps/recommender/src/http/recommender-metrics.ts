import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The recommender's Prometheus metrics, in a registry of their own so servers in one process do not collide. */
export class RecommenderMetrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'recommender_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly requestDuration = new Histogram({
    name: 'recommender_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly stageDuration = new Histogram({
    name: 'recommender_rank_stage_duration_seconds',
    help: 'Time per ranking stage: extract (features), score (ONNX incl. occlusion), explain (reasons)',
    labelNames: ['stage'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5],
    registers: [this.registry],
  });

  readonly inferenceDuration = new Histogram({
    name: 'recommender_inference_duration_seconds',
    help: 'Duration of one ONNX run (one bounded batch)',
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05],
    registers: [this.registry],
  });

  readonly candidates = new Histogram({
    name: 'recommender_candidates_per_request',
    help: 'Candidates received per rank request',
    buckets: [1, 10, 50, 100, 250, 500, 1000, 2000, 5000, 10000],
    registers: [this.registry],
  });

  readonly modelInfo = new Gauge({
    name: 'recommender_model_info',
    help: 'The served model (value 1 on the current model labels)',
    labelNames: ['model_version', 'feature_spec', 'trained_at'] as const,
    registers: [this.registry],
  });

  readonly modelLoads = new Counter({
    name: 'recommender_model_loads_total',
    help: 'Model load attempts by result (loaded, rejected for contract, failed to read/parse)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Default metrics include nodejs_eventloop_lag_* from monitorEventLoopDelay.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  setModel(modelVersion: string, featureSpec: string, trainedAt: string): void {
    this.modelInfo.reset();
    this.modelInfo.set({ model_version: modelVersion, feature_spec: featureSpec, trained_at: trainedAt }, 1);
  }
}
