import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { impressionRecordProblem } from '@roundtable/ranking';

import { exportImpressions } from '../src/recommendations/impression-export';
import { closedPort } from './support/ports';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';

const RECOMMENDED = `query($first: Int) { recommendedRooms(first: $first) { modelVersion items { score reasons room { id title status } } } }`;

interface Recommended {
  recommendedRooms: { modelVersion: string; items: { score: number; reasons: string[]; room: { id: string; title: string; status: string } }[] };
}

describe('recommendedRooms', () => {
  let api: TestApi;
  let viewer: string;
  let host: string;
  let other: string;

  beforeAll(async () => {
    // A port nothing listens on: the recommender is "down".
    api = await startTestApi({ RECOMMENDER_URL: `http://127.0.0.1:${await closedPort()}`, RECOMMENDER_TIMEOUT_MS: '200' });
  });
  afterAll(async () => {
    await api.stop();
  });
  beforeEach(async () => {
    await api.clear();
    [viewer, host, other] = await Promise.all([
      tokenFor('viewer', { name: 'Vera Viewer' }),
      tokenFor('host', { name: 'Hugo Host' }),
      tokenFor('other', { name: 'Otto Other' }),
    ]);
    await api.request(
      `mutation { updateViewerProfile(input: { skills: ["Kubernetes", "Go"], interests: ["cloud-infrastructure"], industry: "software", seniority: SENIOR }) { id } }`,
      {},
      viewer,
    );
    await api.request(`mutation { updateViewerProfile(input: { skills: ["Kubernetes", "Terraform"], industry: "software" }) { id } }`, {}, host);
  });

  async function createRoom(token: string, input: Record<string, unknown>): Promise<string> {
    const created = await api.request<{ createRoom: { id: string } }>(
      `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`,
      { input },
      token,
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createRoom.id;
  }

  it('ranks only the rooms the viewer may join, falls back to the heuristic when the recommender is down, and logs impressions', async () => {
    const matching = await createRoom(host, { title: 'Kubernetes at scale', topics: ['cloud-infrastructure'] });
    const unrelated = await createRoom(other, { title: 'Brand storytelling', topics: ['marketing'] });
    const soon = await createRoom(host, { title: 'Terraform office hours', topics: ['cloud-infrastructure'], scheduledFor: new Date(Date.now() + 3_600_000).toISOString() });
    await createRoom(host, { title: 'Far future', topics: ['cloud-infrastructure'], scheduledFor: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    const ended = await createRoom(other, { title: 'Already over', topics: ['cloud-infrastructure'] });
    await api.request(`mutation($id: ID!) { endRoom(roomId: $id) { id } }`, { id: ended }, other);
    await createRoom(other, { title: 'Private chat room', visibility: 'PRIVATE' });
    const banned = await createRoom(other, { title: 'Banned here', topics: ['cloud-infrastructure'] });
    await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: banned }, viewer);
    await api.request(`mutation($id: ID!) { removeParticipant(roomId: $id, profileId: "viewer", ban: true) { id } }`, { id: banned }, other);

    const response = await api.request<Recommended>(RECOMMENDED, { first: 10 }, viewer);
    expect(response.errors).toBeUndefined();
    const { modelVersion, items } = response.data!.recommendedRooms;
    expect(modelVersion).toBe('fallback:heuristic');
    expect(items.map((item) => item.room.id).sort()).toEqual([matching, unrelated, soon].sort());
    const position = (id: string) => items.findIndex((item) => item.room.id === id);
    expect(position(matching)).toBeLessThan(position(unrelated));
    for (const item of items) {
      expect(item.reasons.length).toBeGreaterThan(0);
      expect(Number.isFinite(item.score)).toBe(true);
    }

    const logged = await api.api.db.orm.em
      .fork()
      .getConnection()
      .execute<{ position: number; room_id: string; model_version: string }[]>(`select position, room_id, model_version from ranking_impressions order by position`);
    expect(logged.map((row) => row.position)).toEqual(items.map((_, index) => index));
    expect(logged.map((row) => row.room_id)).toEqual(items.map((item) => item.room.id));
    expect(new Set(logged.map((row) => row.model_version))).toEqual(new Set(['fallback:heuristic']));
  });

  // The kind: an assertion on a ranked order meeting the exploration slice's random order (5% of
  // answers by default). A CI run failed once on the position check above. Suites start with the
  // slice off (test-api.ts); forty answers would meet it with a chance of 1 - 0.95^40 = 87% were it on.
  it('exploration slice off in suites: forty answers all come in the ranked order, none logged as explored', async () => {
    const matching = await createRoom(host, { title: 'Kubernetes at scale', topics: ['cloud-infrastructure'] });
    const unrelated = await createRoom(other, { title: 'Brand storytelling', topics: ['marketing'] });
    const orders = new Set<string>();
    for (let answer = 0; answer < 40; answer += 1) {
      const response = await api.request<Recommended>(RECOMMENDED, { first: 10 }, viewer);
      expect(response.errors).toBeUndefined();
      orders.add(response.data!.recommendedRooms.items.map((item) => item.room.id).join(','));
    }
    expect([...orders]).toEqual([`${matching},${unrelated}`]);
    const logged = await api.api.db.orm.em
      .fork()
      .getConnection()
      .execute<{ explored: number; total: number }[]>(`select count(*) filter (where exploration)::int as explored, count(*)::int as total from ranking_impressions`);
    expect(logged[0]).toEqual({ explored: 0, total: 80 });
  });

  it('exports served impressions with their outcomes as valid training records', async () => {
    const room = await createRoom(host, { title: 'Kubernetes at scale', topics: ['cloud-infrastructure'] });
    await createRoom(other, { title: 'Brand storytelling', topics: ['marketing'] });
    const served = await api.request<Recommended>(RECOMMENDED, { first: 5 }, viewer);
    expect(served.data!.recommendedRooms.items).toHaveLength(2);

    await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: room }, viewer);
    await api.request(`mutation($id: ID!) { raiseHand(roomId: $id, question: "Autoscaling?") { id } }`, { id: room }, viewer);
    await api.request(`mutation($id: ID!) { leaveRoom(roomId: $id) { id } }`, { id: room }, viewer);

    const records = [];
    for await (const record of exportImpressions(api.api.db.orm.em.fork(), { since: new Date(Date.now() - 3_600_000), until: null })) {
      records.push(record);
    }
    expect(records).toHaveLength(2);
    for (const record of records) expect(impressionRecordProblem(JSON.parse(JSON.stringify(record)))).toBeNull();
    const joined = records.find((record) => record.candidate.id === room)!;
    expect(joined.outcome).toMatchObject({ joined: true, raisedHand: true, spoke: false });
    expect(joined.outcome.secondsListened).toBeGreaterThanOrEqual(0);
    expect(joined.viewer.skills).toEqual(['Kubernetes', 'Go']);
    const skipped = records.find((record) => record.candidate.id !== room)!;
    expect(skipped.outcome).toEqual({ joined: false, secondsListened: 0, raisedHand: false, spoke: false, hidden: false });
  });

  it('requires sign-in and validates first', async () => {
    expect((await api.request(RECOMMENDED, {}, null)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await api.request(RECOMMENDED, { first: -1 }, viewer)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('recommendedRooms with the real recommender process', () => {
  const root = resolve(__dirname, '..', '..', '..');
  const entry = join(root, 'dist', 'apps', 'recommender', 'main.js');
  let recommender: ChildProcess;
  let api: TestApi;
  let recommenderUrl: string;

  beforeAll(async () => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does)`);
    const port = await closedPort();
    recommender = spawn(process.execPath, [entry], {
      cwd: root,
      env: { ...process.env, RECOMMENDER_PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const url = `http://127.0.0.1:${port}`;
    // Bounded wait for the process to listen (model load included), not a timing assertion.
    for (let attempt = 0; ; attempt += 1) {
      if (recommender.exitCode !== null) throw new Error(`recommender exited with ${recommender.exitCode}`);
      const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
      if (healthy) break;
      if (attempt > 150) throw new Error('recommender did not become healthy');
      await new Promise((done) => setTimeout(done, 200));
    }
    recommenderUrl = url;
    api = await startTestApi({ RECOMMENDER_URL: url, RECOMMENDER_TIMEOUT_MS: '10000' });
  });
  afterAll(async () => {
    await api?.stop();
    recommender?.kill('SIGTERM');
  });

  it('ranks with the shipped ONNX model and explains each pick from it', async () => {
    await api.clear();
    const viewer = await tokenFor('viewer', { name: 'Vera Viewer' });
    const ada = await tokenFor('ada', { name: 'Ada Lovelace' });
    const other = await tokenFor('other', { name: 'Otto Other' });
    await api.request(
      `mutation { updateViewerProfile(input: { skills: ["Kubernetes", "Go"], interests: ["cloud-infrastructure"], industry: "software" }) { id } }`,
      {},
      viewer,
    );
    await api.request(`mutation { updateViewerProfile(input: { skills: ["Kubernetes", "Go"], industry: "software" }) { id } }`, {}, ada);
    await api.request(`mutation { follow(profileId: "ada") { id } }`, {}, viewer);
    const create = async (token: string, title: string, topics: string[]) =>
      (await api.request<{ createRoom: { id: string } }>(`mutation($t: String!, $topics: [String!]!) { createRoom(input: { title: $t, topics: $topics }) { id } }`, { t: title, topics }, token)).data!
        .createRoom.id;
    const kubernetes = await create(ada, 'Kubernetes at scale', ['cloud-infrastructure']);
    await create(other, 'Brand storytelling', ['marketing']);

    const response = await api.request<Recommended>(RECOMMENDED, { first: 5 }, viewer);
    expect(response.errors).toBeUndefined();
    const { modelVersion, items } = response.data!.recommendedRooms;
    expect(modelVersion).not.toBe('fallback:heuristic');
    expect(modelVersion.length).toBeGreaterThan(0);
    expect(items.map((item) => item.room.id)[0]).toBe(kubernetes);
    // The same kind with the model: its first pick holds on every answer (the slice is off).
    for (let answer = 0; answer < 20; answer += 1) {
      const again = await api.request<Recommended>(RECOMMENDED, { first: 5 }, viewer);
      expect(again.data!.recommendedRooms.items.map((item) => item.room.id)[0]).toBe(kubernetes);
    }
    const reasons = items[0]!.reasons.join(' | ');
    expect(reasons).toMatch(/Ada Lovelace|Kubernetes|Cloud Infrastructure/);
  });

  it("rankingTransparency (no sign-in) gives the served model's parameters with the importances the recommender measured", async () => {
    const served = (await (await fetch(`${recommenderUrl}/v1/transparency`)).json()) as {
      modelVersion: string;
      parameters: { name: string; importance: number }[];
    };
    const response = await api.request<{
      rankingTransparency: { modelVersion: string; parameters: { name: string; description: string; importance: number }[]; explanation: string; options: string[] };
    }>(`{ rankingTransparency { modelVersion parameters { name description importance } explanation options } }`, {}, null);
    expect(response.errors).toBeUndefined();
    const transparency = response.data!.rankingTransparency;
    expect(transparency.modelVersion).toBe(served.modelVersion);
    expect(transparency.options).toEqual(['PERSONALISED', 'NOT_PERSONALISED']);
    const byName = new Map(served.parameters.map((parameter) => [parameter.name, parameter.importance]));
    expect(transparency.parameters).toHaveLength(served.parameters.length);
    for (const parameter of transparency.parameters) expect(parameter.importance).toBe(byName.get(parameter.name));
    expect(transparency.parameters.reduce((sum, parameter) => sum + parameter.importance, 0)).toBeCloseTo(1, 6);
    // Largest first, in plain words.
    expect(transparency.parameters.map((parameter) => parameter.importance)).toEqual([...transparency.parameters.map((parameter) => parameter.importance)].sort((a, b) => b - a));
    expect(transparency.explanation).toContain(served.modelVersion);
    expect(transparency.explanation).not.toMatch(/unavailable/);
  });
});
