// The ranking loop on real logs, end to end: seed, serve recommendedRooms with the exploration
// slice on (real GraphQL, PostgreSQL and recommender process), export the impressions with
// ranking:export, train on them with ranking:train, evaluate with ranking:evaluate on the slice,
// and deploy the new model by renaming it over MODEL_PATH: the recommender hot-reloads it and the
// API's answers name the new model version.
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { impressionRecordProblem, type ImpressionLogRecord } from '@roundtable/ranking';

import { type ChildUnderTest, freePort, REPO_ROOT, spawnNode } from './support/api-process';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';
import { workerDatabaseUrl } from './support/test-database';

jest.setTimeout(240_000);

const DIST = join(REPO_ROOT, 'dist');
const RECOMMENDER = join(DIST, 'apps', 'recommender', 'main.js');
const EXPORT = join(DIST, 'apps', 'api', 'cli', 'ranking-export.js');
const TRAIN = join(DIST, 'tools', 'ranking', 'train.js');
const EVALUATE = join(DIST, 'tools', 'ranking', 'evaluate.js');
const SHIPPED = join(REPO_ROOT, 'apps', 'recommender', 'models', 'default.onnx');

const RECOMMENDED = `query { recommendedRooms(first: 6) { modelVersion items { room { id topics { slug } } } } }`;
interface Recommended {
  recommendedRooms: { modelVersion: string; items: { room: { id: string; topics: { slug: string }[] } }[] };
}

/** Runs a CLI to completion; fails with its output when it exits non-zero. */
async function run(entry: string, args: string[], env: Record<string, string | undefined> = {}): Promise<string> {
  const cli = spawnNode(entry, args, { LOG_LEVEL: 'silent', ...env });
  let timer: NodeJS.Timeout | undefined;
  const exit = await Promise.race([cli.exited, new Promise<string>((done) => (timer = setTimeout(() => done('timeout'), 180_000)))]);
  clearTimeout(timer);
  if (exit !== 0) {
    if (exit === 'timeout') await cli.stop('SIGKILL', 5_000).catch(() => undefined);
    throw new Error(`${entry} ${args.join(' ')} ended with ${exit}:\n${cli.output()}`);
  }
  return cli.output();
}

async function health(url: string): Promise<{ status: string; modelVersion?: string }> {
  return fetch(`${url}/healthz`).then(
    (response) => response.json() as Promise<{ status: string; modelVersion?: string }>,
    () => ({ status: 'down' }),
  );
}

/** Bounded wait for a condition the recommender reaches asynchronously (start-up, reload); not a timing assertion. */
async function until(what: string, check: () => Promise<boolean>, attempts = 300): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('the ranking loop on real logs', () => {
  let dir: string;
  let modelPath: string;
  let recommender: ChildUnderTest;
  let recommenderUrl: string;
  let api: TestApi;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-loop-'));
    modelPath = join(dir, 'serving.onnx');
    copyFileSync(SHIPPED, modelPath);
    const port = await freePort();
    recommenderUrl = `http://127.0.0.1:${port}`;
    recommender = spawnNode(RECOMMENDER, [], {
      RECOMMENDER_PORT: String(port),
      MODEL_PATH: modelPath,
      RECOMMENDER_MODEL_POLL_MS: '100',
      RECOMMENDER_RELOAD_DEBOUNCE_MS: '50',
      LOG_LEVEL: 'warn',
    });
    await until('the recommender to serve a model', async () => (await health(recommenderUrl)).status === 'ok');
    api = await startTestApi({
      RECOMMENDER_URL: recommenderUrl,
      RECOMMENDER_TIMEOUT_MS: '10000',
      RATE_LIMIT_EXPENSIVE_READS: '100000',
      RANKING_EXPLORATION_PERCENT: '50',
      RANKING_EXPLORATION_TOP_N: '4',
      RANKING_EXPLORATION_SEED: '19',
    });
    await api.clear();
  });
  afterAll(async () => {
    await api?.stop();
    await recommender?.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves with the slice, exports, trains, evaluates on the slice, and hot-reloads the new model', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    // Seed: two hosts with rooms on six topics, four viewers with different interests.
    const hosts = await Promise.all([tokenFor('loop-host-a', { name: 'Ada Host' }), tokenFor('loop-host-b', { name: 'Bob Host' })]);
    await api.request(`mutation { updateViewerProfile(input: { skills: ["Kubernetes", "Go"], industry: "software", seniority: SENIOR }) { id } }`, {}, hosts[0]);
    await api.request(`mutation { updateViewerProfile(input: { skills: ["Brand Strategy"], industry: "marketing-and-advertising" }) { id } }`, {}, hosts[1]);
    const topics = ['cloud-infrastructure', 'devops', 'marketing', 'leadership', 'machine-learning', 'career-growth', 'cybersecurity', 'product-management'];
    for (const [index, topic] of topics.entries()) {
      const created = await api.request(`mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, { input: { title: `Loop room ${index}`, topics: [topic] } }, hosts[index % 2]);
      expect(created.errors).toBeUndefined();
    }
    const viewers: { token: string; likes: string[] }[] = [];
    for (const [index, likes] of [['cloud-infrastructure', 'devops'], ['marketing', 'leadership'], ['machine-learning', 'cybersecurity'], ['career-growth', 'product-management']].entries()) {
      const token = await tokenFor(`loop-viewer-${index}`, { name: `Viewer ${index}` });
      await api.request(`mutation($interests: [String!]!) { updateViewerProfile(input: { interests: $interests }) { id } }`, { interests: [likes[0]] }, token);
      viewers.push({ token, likes });
    }

    // Serve: each viewer opens the feed and joins the first room they like within the top three (position bias).
    const initialVersion = (await health(recommenderUrl)).modelVersion;
    expect(initialVersion).toBeTruthy();
    // The transparency page describes the served model (and caches it: see after the reload).
    const TRANSPARENCY = `query { rankingTransparency { modelVersion } }`;
    const transparencyVersion = async () => (await api.request<{ rankingTransparency: { modelVersion: string } }>(TRANSPARENCY)).data?.rankingTransparency.modelVersion;
    expect(await transparencyVersion()).toBe(initialVersion);
    for (let round = 0; round < 8; round++) {
      for (const viewer of viewers) {
        const answer = await api.request<Recommended>(RECOMMENDED, {}, viewer.token);
        expect(answer.errors).toBeUndefined();
        expect(answer.data!.recommendedRooms.modelVersion).toBe(initialVersion);
        const liked = answer.data!.recommendedRooms.items.slice(0, 3).find((item) => item.room.topics.some((topic) => viewer.likes.includes(topic.slug)));
        if (!liked) continue;
        const joined = await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: liked.room.id }, viewer.token);
        expect(joined.errors).toBeUndefined();
        await api.request(`mutation($id: ID!) { leaveRoom(roomId: $id) { id } }`, { id: liked.room.id }, viewer.token);
      }
    }

    // Export.
    const log = join(dir, 'impressions.jsonl');
    await run(EXPORT, ['--since', since, '--out', log], { DATABASE_URL: await workerDatabaseUrl() });
    const records = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ImpressionLogRecord);
    expect(records).toHaveLength(8 * viewers.length * 6);
    for (const record of records) expect(impressionRecordProblem(record)).toBeNull();
    const explored = records.filter((record) => record.exploration);
    expect(explored.length).toBeGreaterThan(0);
    expect(explored.length).toBeLessThan(records.length);
    for (const record of explored) expect(record.propensity).toBeCloseTo(1 / 4, 12);
    for (const record of records.filter((entry) => !entry.exploration)) expect(record.propensity).toBe(1);
    expect(records.some((record) => record.outcome.joined)).toBe(true);

    // Train on the export with inverse-propensity weighting (examination estimated from its exploration rows).
    const version = `rt-loop-e2e-${Date.now()}`;
    const trained = join(dir, 'trained.onnx');
    const trainOutput = await run(TRAIN, [
      '--data', log, '--out', trained, '--model-version', version, '--epochs', '3', '--hidden', '8',
      '--batch-size', '32', '--validation', '0', '--holdout', '0.3', '--seed', '5', '--position-bias', 'ips',
    ]);
    expect(trainOutput).toMatch(/Examination by position \(\d+ exploration rows of \d+\): [\d. ]+; correction: inverse-propensity-weighted labels/);

    // Evaluate on the exploration slice of the holdout only.
    const json = join(dir, 'evaluation.json');
    const evaluation = await run(EVALUATE, [
      '--data', log, '--model', trained, '--shipped', SHIPPED, '--holdout', '0.3', '--out-json', json, '--out-html', join(dir, 'evaluation.html'),
    ]);
    expect(evaluation).toMatch(/Exploration slice: \d+ sessions/);
    expect(evaluation).toContain('cannot be checked, this log has no oracle score');
    const summary = JSON.parse(readFileSync(json, 'utf8')) as {
      explorationSliceSessions: number;
      holdoutSessions: number;
      candidate: string;
      quality: { ratio: number | null };
      models: { name: string; 'dcg@10_ips'?: { snips: number; snipsCi95: [number, number] } }[];
    };
    expect(summary.candidate).toBe(version);
    expect(summary.explorationSliceSessions).toBeGreaterThan(0);
    expect(summary.explorationSliceSessions).toBeLessThan(summary.holdoutSessions);
    expect(summary.quality.ratio).toBeNull();
    const candidate = summary.models.find((model) => model.name === `candidate (${version})`);
    expect(candidate?.['dcg@10_ips']?.snipsCi95[0]).toBeLessThanOrEqual(candidate?.['dcg@10_ips']?.snips ?? Number.NaN);

    // Deploy the way deployments do (write beside, rename over): the recommender hot-reloads it.
    const staging = join(dir, 'staging.onnx');
    copyFileSync(trained, staging);
    renameSync(staging, modelPath);
    await until('the recommender to reload the trained model', async () => (await health(recommenderUrl)).modelVersion === version);
    const after = await api.request<Recommended>(RECOMMENDED, {}, viewers[0]!.token);
    expect(after.errors).toBeUndefined();
    expect(after.data!.recommendedRooms.modelVersion).toBe(version);
    expect(version).not.toBe(initialVersion);
    // Within its cache's minute, the transparency page follows the list: once a list names the new
    // model, the page describes it, not the model it cached before the reload.
    expect(await transparencyVersion()).toBe(version);
  });
});
