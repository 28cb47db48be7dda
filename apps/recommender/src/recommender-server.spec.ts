import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { Seniority } from '@roundtable/domain';
import { MODEL_METADATA_KEYS, type RankCandidate, type RankRequest, type RankResponse } from '@roundtable/ranking';
import pino from 'pino';

import { REPO_ROOT } from './config';
import { readMetadataProps, withMetadataProps } from './model/onnx-model-file';
import { startRecommender, type RunningRecommender } from './recommender-server';
import { eventually } from './eventually.test-helper';

const SHIPPED_MODEL = join(REPO_ROOT, 'apps/recommender/models/default.onnx');
const NOW = '2026-03-02T12:00:00.000Z';

/** Replaces the model file the way deployments do: write elsewhere, then rename over it. */
function deployModel(path: string, bytes: Uint8Array): void {
  const staging = `${path}.staging`;
  writeFileSync(staging, bytes);
  renameSync(staging, path);
}

function person(id: string, displayName: string, extra: Partial<RankCandidate['host']> = {}): RankCandidate['host'] {
  return { id, displayName, skills: [], industry: null, seniority: null, followerCount: 10, ...extra };
}

const request: RankRequest = {
  now: NOW,
  limit: 2,
  requestId: 'req-1',
  viewer: {
    id: 'viewer',
    skills: ['Kubernetes', 'Go', 'Terraform'],
    interests: ['cloud-infrastructure', 'devops'],
    industry: 'software',
    seniority: Seniority.Senior,
    followingIds: ['ada', 'grace', 'linus'],
    groupIds: ['platform-guild'],
    history: [{ topicSlug: 'devops', seconds: 7200, joins: 6 }],
  },
  candidates: [
    {
      id: 'unrelated',
      title: 'Brand storytelling',
      topics: ['brand-strategy'],
      status: 'SCHEDULED',
      startedAt: null,
      scheduledFor: '2026-03-03T08:00:00.000Z',
      groupId: null,
      groupName: null,
      host: person('x', 'Xavier', { skills: ['Storytelling'], industry: 'media' }),
      stage: [],
      listenerCount: 0,
    },
    {
      id: 'platform',
      title: 'Kubernetes at scale',
      topics: ['cloud-infrastructure', 'devops'],
      status: 'LIVE',
      startedAt: '2026-03-02T11:50:00.000Z',
      scheduledFor: null,
      groupId: 'platform-guild',
      groupName: 'Platform guild',
      host: person('ada', 'Ada Lovelace', { skills: ['k8s', 'golang'], industry: 'software', seniority: Seniority.Director, followerCount: 900 }),
      stage: [person('grace', 'Grace Hopper', { skills: ['Terraform'], industry: 'software' })],
      listenerCount: 340,
      followedListenerIds: ['linus'],
    },
    {
      id: 'middling',
      title: 'Marketing ops',
      topics: ['marketing'],
      status: 'LIVE',
      startedAt: '2026-03-02T11:00:00.000Z',
      scheduledFor: null,
      groupId: null,
      groupName: null,
      host: person('y', 'Yara', { industry: 'retail' }),
      stage: [],
      listenerCount: 12,
    },
  ],
};

describe('recommender over HTTP', () => {
  let dir: string;
  let modelPath: string;
  let server: RunningRecommender;
  let shippedVersion: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'recommender-'));
    modelPath = join(dir, 'model.onnx');
    copyFileSync(SHIPPED_MODEL, modelPath);
    shippedVersion = readMetadataProps(readFileSync(modelPath))[MODEL_METADATA_KEYS.modelVersion] ?? '';
    const logs = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString());
        callback();
      },
    });
    server = await startRecommender({
      port: 0,
      host: '127.0.0.1',
      modelPath,
      modelPollMs: 50,
      reloadDebounceMs: 50,
      logger: pino({ level: 'info' }, logs),
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function rank(body: unknown): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${server.url}/v1/rank`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  }

  async function healthVersion(): Promise<string> {
    const response = await fetch(`${server.url}/healthz`);
    return ((await response.json()) as { modelVersion: string }).modelVersion;
  }

  it('ranks best first with model reasons and the model version', async () => {
    const { status, json } = await rank(request);
    expect(status).toBe(200);
    const body = json as RankResponse;
    expect(body.modelVersion).toBe(shippedVersion);
    expect(body.items).toHaveLength(2);
    expect(body.items[0]?.roomId).toBe('platform');
    expect(body.items[0]?.score).toBeGreaterThan(body.items[1]?.score ?? 1);
    const reasons = body.items[0]?.reasons ?? [];
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.length).toBeLessThanOrEqual(3);
    // Every reason names concrete evidence from the request.
    const known = [
      'Hosted by someone you follow: Ada Lovelace',
      'In your group: Platform guild',
      'About topics you follow: Cloud Infrastructure, DevOps',
      'Matches your skills: Kubernetes, Go, Terraform',
      'Live now · 340 listening',
      'Popular: 340 listening',
      'On stage: Grace Hopper, whom you follow',
      '1 person you follow is listening',
      'You often listen to: DevOps',
      'Speakers from your industry: Software',
      'Hosted by a Director-level professional',
    ];
    for (const reason of reasons) expect(known).toContain(reason);
  });

  it('answers concurrent requests identically through the ranking slots', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => rank(request)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const bodies = new Set(responses.map((response) => JSON.stringify(response.json)));
    expect(bodies.size).toBe(1);
  });

  it('rejects malformed requests with the path of the problem', async () => {
    const { status, json } = await rank({ ...request, candidates: [{ id: 'x' }] });
    expect(status).toBe(400);
    expect(json).toEqual({ error: 'invalid_request', message: '$.candidates[0].status must be LIVE or SCHEDULED' });
    const broken = await fetch(`${server.url}/v1/rank`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"viewer":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: 'invalid_request', message: 'Body is not valid JSON' });
  });

  it('reports health and Prometheus metrics', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', modelVersion: shippedVersion, featureSpec: 'rt-features-v3' });

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(`recommender_model_info{model_version="${shippedVersion}"`);
    expect(metrics).toMatch(/recommender_http_requests_total\{method="POST",route="\/v1\/rank",status="200"\} [1-9]/);
    expect(metrics).toMatch(/recommender_inference_duration_seconds_count [1-9]/);
    expect(metrics).toMatch(/recommender_candidates_per_request_sum [1-9]/);
    expect(metrics).toContain('recommender_rank_stage_duration_seconds_bucket');
    expect(metrics).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('refuses a model with another feature spec and keeps serving the previous one', async () => {
    const shipped = readFileSync(SHIPPED_MODEL);
    deployModel(modelPath, withMetadataProps(shipped, { [MODEL_METADATA_KEYS.featureSpecVersion]: 'rt-features-v0', [MODEL_METADATA_KEYS.modelVersion]: 'stale-spec' }));
    await eventually(async () => (logLines.some((line) => line.includes('Refusing model')) ? true : undefined), 'the refusal to be logged');
    const refusal = logLines.find((line) => line.includes('Refusing model')) ?? '';
    expect(refusal).toContain('feature spec version \\"rt-features-v0\\" differs from \\"rt-features-v3\\"');
    expect(refusal).toContain(`still serving ${shippedVersion}`);
    expect(await healthVersion()).toBe(shippedVersion);
    const { json } = await rank(request);
    expect((json as RankResponse).modelVersion).toBe(shippedVersion);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/recommender_model_loads_total\{result="rejected"\} 1/);
  });

  it('reloads when the model file changes', async () => {
    const shipped = readFileSync(SHIPPED_MODEL);
    deployModel(modelPath, withMetadataProps(shipped, { [MODEL_METADATA_KEYS.modelVersion]: 'reloaded-v2' }));
    await eventually(async () => ((await healthVersion()) === 'reloaded-v2' ? true : undefined), 'the new model version');
    const { json } = await rank(request);
    expect((json as RankResponse).modelVersion).toBe('reloaded-v2');
  });
});

describe('recommender without a valid model', () => {
  it('starts, reports no model on /healthz and answers 503 so the API falls back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recommender-bad-'));
    const modelPath = join(dir, 'model.onnx');
    writeFileSync(modelPath, withMetadataProps(readFileSync(SHIPPED_MODEL), { [MODEL_METADATA_KEYS.featureNames]: '["only_one"]' }));
    const server = await startRecommender({ port: 0, host: '127.0.0.1', modelPath, watchModel: false, logger: pino({ level: 'silent' }) });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
      const response = await fetch(`${server.url}/v1/rank`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      expect(response.status).toBe(503);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kind: an operations endpoint answers anyone — the recommender /metrics', () => {
  const token = 'rec-metrics-9f3Kq2LmZx7Vb1Nw8Tr4Yh6Pd0Sj5Gc';
  let server: RunningRecommender;

  beforeAll(async () => {
    server = await startRecommender({ port: 0, host: '127.0.0.1', modelPath: SHIPPED_MODEL, watchModel: false, metricsToken: token, logger: pino({ level: 'silent' }) });
  });

  afterAll(async () => {
    await server.close();
  });

  it('the given case: with METRICS_TOKEN, a scrape without the token gets 401 and no metrics', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await response.text()).not.toContain('recommender_');
  });

  it('variant: a wrong token gets 401; the right one gets the metrics', async () => {
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('recommender_http_requests_total');
    // The ranking endpoint is not behind the metrics token.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
