import { randomUUID } from 'node:crypto';

import { hiddenItemsOf, type HiddenKind, impressionRecordProblem, MAX_HIDDEN_RECOMMENDATIONS, withoutHiddenRooms } from '@roundtable/ranking';
import fc from 'fast-check';

import { exportImpressions } from '../src/recommendations/impression-export';
import { closedPort } from './support/ports';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';

// Issue 19: "Not interested", the feed modes and the transparency page's data, on real PostgreSQL.

const RECOMMENDED = `query($first: Int) { recommendedRooms(first: $first) { mode modelVersion items { score reasons room { id title } } } }`;
const HIDE = `mutation($input: HideRecommendationInput!) { hideRecommendation(input: $input) { kind createdAt cursor room { id } host { id } topic { slug } } }`;
const UNHIDE = `mutation($input: HideRecommendationInput!) { unhideRecommendation(input: $input) }`;
const HIDDEN = `query($first: Int, $after: String) { viewerHiddenRecommendations(first: $first, after: $after) { kind cursor room { id } host { id } topic { slug } } }`;

interface Recommended {
  recommendedRooms: { mode: string; modelVersion: string; items: { score: number; reasons: string[]; room: { id: string; title: string } }[] };
}
interface Hidden {
  kind: string;
  cursor: string;
  room: { id: string } | null;
  host: { id: string } | null;
  topic: { slug: string } | null;
}

const HOSTS = ['hana', 'hugo', 'hiro'] as const;
const TOPICS = ['devops', 'marketing', 'leadership', 'machine-learning', 'cloud-infrastructure'] as const;

describe('recommendation controls (issue 19)', () => {
  let api: TestApi;
  let viewer: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // Nothing listens: PERSONALISED lists come from the fallback heuristic (the recommender is "down").
    api = await startTestApi({ RECOMMENDER_URL: `http://127.0.0.1:${await closedPort()}`, RECOMMENDER_TIMEOUT_MS: '200', RATE_LIMIT_EXPENSIVE_READS: '100000' });
  });
  afterAll(async () => {
    await api.stop();
  });
  beforeEach(async () => {
    await api.clear();
    viewer = await tokenFor('viewer', { name: 'Vera Viewer' });
    for (const host of HOSTS) tokens[host] = await tokenFor(host, { name: `Host ${host}` });
  });

  const sql = <T>(statement: string, params: unknown[] = []) => api.api.db.orm.em.fork().getConnection().execute<T[]>(statement, params);
  const codeOf = (response: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.['code'];

  async function createRoom(token: string, input: Record<string, unknown>): Promise<string> {
    const created = await api.request<{ createRoom: { id: string } }>(`mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`, { input }, token);
    expect(created.errors).toBeUndefined();
    return created.data!.createRoom.id;
  }

  async function recommended(token: string, first = 100): Promise<Recommended['recommendedRooms']> {
    const response = await api.request<Recommended>(RECOMMENDED, { first }, token);
    expect(response.errors).toBeUndefined();
    return response.data!.recommendedRooms;
  }

  async function setMode(token: string, mode: 'PERSONALISED' | 'NOT_PERSONALISED'): Promise<void> {
    const response = await api.request<{ setFeedMode: string }>(`mutation($mode: FeedMode!) { setFeedMode(mode: $mode) }`, { mode }, token);
    expect(response.data?.setFeedMode).toBe(mode);
  }

  it('property: over random hides and random candidate sets, no hidden room is ever served and no other room is lost, in both modes', async () => {
    // Twelve public rooms, each with a host and one or two topics.
    const rooms: { id: string; hostId: string; topics: string[] }[] = [];
    for (let index = 0; index < 12; index += 1) {
      const hostId = HOSTS[index % HOSTS.length]!;
      const topics = [...new Set([TOPICS[index % TOPICS.length]!, TOPICS[(index * 3 + 1) % TOPICS.length]!])].slice(0, 1 + (index % 2));
      rooms.push({ id: await createRoom(tokens[hostId]!, { title: `Room ${index}`, topics }), hostId, topics });
    }
    const hideArb = fc.oneof(
      fc.record({ kind: fc.constant<HiddenKind>('ROOM'), value: fc.constantFrom(...rooms.map((room) => room.id)) }),
      fc.record({ kind: fc.constant<HiddenKind>('HOST'), value: fc.constantFrom(...HOSTS) }),
      fc.record({ kind: fc.constant<HiddenKind>('TOPIC'), value: fc.constantFrom(...TOPICS) }),
    );
    const inputOf = (item: { kind: HiddenKind; value: string }) =>
      item.kind === 'ROOM' ? { roomId: item.value } : item.kind === 'HOST' ? { hostId: item.value } : { topicSlug: item.value };

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ hide: fc.boolean(), item: hideArb }), { maxLength: 6 }),
        fc.subarray(rooms.map((room) => room.id)),
        fc.integer({ min: 1, max: 14 }),
        async (actions, outOfWindow, first) => {
          await sql(`delete from hidden_recommendations`);
          // A random candidate set: the other rooms move a few days out (no longer candidates).
          await sql(`update rooms set status = 'LIVE', scheduled_for = null`);
          if (outOfWindow.length > 0) await sql(`update rooms set status = 'SCHEDULED', scheduled_for = now() + interval '3 days' where id = any(?::uuid[])`, [`{${outOfWindow.join(',')}}`]);
          const left = new Map<string, { kind: HiddenKind; value: string }>();
          for (const { hide, item } of actions) {
            const response = await api.request(hide ? HIDE : UNHIDE, { input: inputOf(item) }, viewer);
            expect(response.errors).toBeUndefined();
            if (hide) left.set(`${item.kind}:${item.value}`, item);
            else left.delete(`${item.kind}:${item.value}`);
          }
          const candidates = rooms.filter((room) => !outOfWindow.includes(room.id));
          const expected = new Set(withoutHiddenRooms(hiddenItemsOf(left.values()), candidates).map((room) => room.id));
          for (const mode of ['PERSONALISED', 'NOT_PERSONALISED'] as const) {
            await setMode(viewer, mode);
            const all = await recommended(viewer, 100);
            expect(all.mode).toBe(mode);
            expect(new Set(all.items.map((item) => item.room.id))).toEqual(expected);
            // The filter is in the candidate query: a limit still fills up with rooms that may be shown.
            const page = await recommended(viewer, first);
            expect(page.items).toHaveLength(Math.min(first, expected.size));
            for (const item of page.items) expect(expected.has(item.room.id)).toBe(true);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it('NOT_PERSONALISED: two viewers who differ only in profile data get the same list — groups and follows by start time, then popular public rooms', async () => {
    const [ann, bob] = await Promise.all([tokenFor('ann', { name: 'Ann' }), tokenFor('bob', { name: 'Bob' })]);
    await api.request(`mutation { updateViewerProfile(input: { skills: ["Kubernetes", "Go"], interests: ["cloud-infrastructure", "devops"], industry: "software", seniority: SENIOR }) { id } }`, {}, ann);
    await api.request(`mutation { updateViewerProfile(input: { skills: ["Brand strategy"], interests: ["marketing"], industry: "retail", seniority: ENTRY }) { id } }`, {}, bob);
    const group = (await api.request<{ createGroup: { id: string } }>(`mutation { createGroup(input: { name: "Platform guild", joinPolicy: OPEN }) { id } }`, {}, tokens['hiro']!)).data!.createGroup.id;
    const followedLive = await createRoom(tokens['hana']!, { title: 'Hana live', topics: ['marketing'] });
    for (const token of [ann, bob]) {
      expect((await api.request(`mutation { follow(profileId: "hana") { id } }`, {}, token)).errors).toBeUndefined();
      expect((await api.request(`mutation($g: ID!) { joinGroup(groupId: $g) { id } }`, { g: group }, token)).errors).toBeUndefined();
    }
    const followedSoon = await createRoom(tokens['hana']!, { title: 'Hana soon', topics: ['devops'], scheduledFor: new Date(Date.now() + 3_600_000).toISOString() });
    const groupRoom = await createRoom(tokens['hiro']!, { title: 'Guild room', topics: ['leadership'], visibility: 'GROUP', groupId: group });
    const quiet = await createRoom(tokens['hugo']!, { title: 'Quiet DevOps', topics: ['devops', 'cloud-infrastructure'] });
    const busy = await createRoom(tokens['hugo']!, { title: 'Busy marketing', topics: ['marketing'] });
    await sql(`update room_streams set listener_count = 40 where room_id = ?`, [busy]);
    // Different listening history: Ann listened to DevOps, Bob to marketing.
    await sql(
      `insert into room_interactions (profile_id, room_id, first_joined_at, last_joined_at, seconds_listened) values ('ann', ?, now(), now(), 3600), ('bob', ?, now(), now(), 3600)`,
      [quiet, busy],
    );
    for (const token of [ann, bob]) await setMode(token, 'NOT_PERSONALISED');

    const annList = await recommended(ann);
    const bobList = await recommended(bob);
    expect(annList.mode).toBe('NOT_PERSONALISED');
    expect(annList.modelVersion).toMatch(/^not-personalised:/);
    const view = (list: Recommended['recommendedRooms']) => list.items.map((item) => ({ id: item.room.id, score: item.score, reasons: item.reasons }));
    expect(view(bobList)).toEqual(view(annList));
    // Hana's and the guild's rooms by start time (the two live ones first, in the order they started), then popularity.
    expect(annList.items.map((item) => item.room.id)).toEqual([followedLive, groupRoom, followedSoon, busy, quiet]);
    // No impressions are logged for a list made without profiling.
    expect(await sql(`select count(*)::int as n from ranking_impressions`)).toEqual([{ n: 0 }]);

    // The PERSONALISED lists of the same two viewers do differ (the profile is what the model reads).
    for (const token of [ann, bob]) await setMode(token, 'PERSONALISED');
    const [annPersonal, bobPersonal] = [await recommended(ann), await recommended(bob)];
    expect(annPersonal.mode).toBe('PERSONALISED');
    expect(annPersonal.items.map((item) => item.room.id)).not.toEqual(bobPersonal.items.map((item) => item.room.id));
  });

  it('costs the same SQL statements with 0 or 500 hidden items and 3 or 30 rooms, in both modes (the filter is part of the candidate query)', async () => {
    await api.request(`{ viewerFeedMode }`, {}, viewer);
    const statementsOf = async (first: number) => {
      const traced: string[] = [];
      // Only this request's statements: background work (the staff directory's refresh, the
      // notification fan-out jobs the rooms' creation enqueued) runs without a request id.
      const stop = api.api.db.onQuery((statement, requestId) => {
        if (requestId !== null) traced.push(statement);
      });
      try {
        await recommended(viewer, first);
      } finally {
        stop();
      }
      return traced.filter((statement) => !/^\s*(begin|commit|rollback)\b/i.test(statement) && !/\bstaff_roles\b/.test(statement)).length;
    };
    const counts: Record<string, number> = {};
    for (let index = 0; index < 3; index += 1) await createRoom(tokens[HOSTS[index]!]!, { title: `Room ${index}`, topics: ['devops'] });
    for (const mode of ['PERSONALISED', 'NOT_PERSONALISED'] as const) {
      await setMode(viewer, mode);
      counts[`${mode} 3 rooms, none hidden`] = await statementsOf(20);
    }
    for (let index = 3; index < 30; index += 1) await createRoom(tokens[HOSTS[index % 3]!]!, { title: `Room ${index}`, topics: [TOPICS[index % TOPICS.length]!] });
    await sql(`insert into profiles (id, display_name, created_at, updated_at) select 'cap-' || g, 'Cap ' || g, now(), now() from generate_series(1, ?) g`, [MAX_HIDDEN_RECOMMENDATIONS]);
    await sql(`insert into hidden_recommendations (profile_id, kind, host_id) select 'viewer', 'HOST', 'cap-' || g from generate_series(1, ?) g`, [MAX_HIDDEN_RECOMMENDATIONS]);
    for (const mode of ['PERSONALISED', 'NOT_PERSONALISED'] as const) {
      await setMode(viewer, mode);
      counts[`${mode} 30 rooms, 500 hidden`] = await statementsOf(20);
    }
    expect(counts['PERSONALISED 30 rooms, 500 hidden']).toBe(counts['PERSONALISED 3 rooms, none hidden']);
    expect(counts['NOT_PERSONALISED 30 rooms, 500 hidden']).toBe(counts['NOT_PERSONALISED 3 rooms, none hidden']);
    // NOT_PERSONALISED: the mode, the list, the rooms.
    expect(counts['NOT_PERSONALISED 3 rooms, none hidden']).toBeLessThanOrEqual(3);
  });

  it('the feed mode persists, PERSONALISED until chosen', async () => {
    const mode = async () => (await api.request<{ viewerFeedMode: string }>(`{ viewerFeedMode }`, {}, viewer)).data!.viewerFeedMode;
    expect(await mode()).toBe('PERSONALISED');
    await setMode(viewer, 'NOT_PERSONALISED');
    expect(await mode()).toBe('NOT_PERSONALISED');
    expect(await sql(`select feed_mode from feed_settings where profile_id = 'viewer'`)).toEqual([{ feed_mode: 'NOT_PERSONALISED' }]);
    await setMode(viewer, 'PERSONALISED');
    expect(await mode()).toBe('PERSONALISED');
    expect(codeOf(await api.request(`{ viewerFeedMode }`, {}, null))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.request(`mutation { setFeedMode(mode: NOT_PERSONALISED) }`, {}, null))).toBe('UNAUTHENTICATED');
  });

  it('bad input is refused with contract codes and changes nothing; hiding is idempotent; the list pages; unhide says whether it did anything', async () => {
    const room = await createRoom(tokens['hana']!, { title: 'Hana live', topics: ['devops'] });
    const privateRoom = await createRoom(tokens['hugo']!, { title: 'Private', visibility: 'PRIVATE' });
    const refusals: [Record<string, unknown>, string, string | undefined][] = [
      [{}, 'BAD_USER_INPUT', 'input'],
      [{ roomId: room, topicSlug: 'devops' }, 'BAD_USER_INPUT', 'input'],
      [{ roomId: null, hostId: null, topicSlug: null }, 'BAD_USER_INPUT', 'input'],
      [{ topicSlug: 'not-a-topic' }, 'BAD_USER_INPUT', 'topicSlug'],
      [{ roomId: 'not-a-uuid' }, 'BAD_USER_INPUT', 'roomId'],
      [{ roomId: randomUUID() }, 'NOT_FOUND', undefined],
      [{ roomId: privateRoom }, 'NOT_FOUND', undefined],
      [{ hostId: 'nobody-here' }, 'NOT_FOUND', undefined],
    ];
    for (const [input, code, field] of refusals) {
      for (const operation of [HIDE, UNHIDE]) {
        const response = await api.request(operation, { input }, viewer);
        expect({ input, code: codeOf(response), field: response.errors?.[0]?.extensions?.['field'] }).toEqual({ input, code, field });
        expect(JSON.stringify(response.errors)).not.toMatch(/select|hidden_recommendations|stack/i);
      }
    }
    expect(codeOf(await api.request(HIDE, { input: { topicSlug: 'devops' } }, null))).toBe('UNAUTHENTICATED');
    expect(await sql(`select count(*)::int as n from hidden_recommendations`)).toEqual([{ n: 0 }]);

    const first = await api.request<{ hideRecommendation: Hidden & { createdAt: string } }>(HIDE, { input: { roomId: room } }, viewer);
    const again = await api.request<{ hideRecommendation: Hidden & { createdAt: string } }>(HIDE, { input: { roomId: room } }, viewer);
    expect(again.data!.hideRecommendation).toEqual(first.data!.hideRecommendation);
    expect(first.data!.hideRecommendation).toMatchObject({ kind: 'ROOM', room: { id: room }, host: null, topic: null });
    await api.request(HIDE, { input: { hostId: 'hugo' } }, viewer);
    await api.request(HIDE, { input: { topicSlug: 'marketing' } }, viewer);
    expect(await sql(`select count(*)::int as n from hidden_recommendations`)).toEqual([{ n: 3 }]);

    // Newest first, two per page.
    const page1 = (await api.request<{ viewerHiddenRecommendations: Hidden[] }>(HIDDEN, { first: 2 }, viewer)).data!.viewerHiddenRecommendations;
    expect(page1.map((item) => item.kind)).toEqual(['TOPIC', 'HOST']);
    expect(page1[0]!.topic).toEqual({ slug: 'marketing' });
    expect(page1[1]!.host).toEqual({ id: 'hugo' });
    const page2 = (await api.request<{ viewerHiddenRecommendations: Hidden[] }>(HIDDEN, { first: 2, after: page1[1]!.cursor }, viewer)).data!.viewerHiddenRecommendations;
    expect(page2.map((item) => item.kind)).toEqual(['ROOM']);
    expect(codeOf(await api.request(HIDDEN, { after: 'nonsense' }, viewer))).toBe('BAD_USER_INPUT');

    expect((await api.request<{ unhideRecommendation: boolean }>(UNHIDE, { input: { roomId: room } }, viewer)).data!.unhideRecommendation).toBe(true);
    expect((await api.request<{ unhideRecommendation: boolean }>(UNHIDE, { input: { roomId: room } }, viewer)).data!.unhideRecommendation).toBe(false);
    // Another viewer's hides are theirs alone.
    const other = await tokenFor('other', { name: 'Otto' });
    expect((await api.request<{ viewerHiddenRecommendations: Hidden[] }>(HIDDEN, {}, other)).data!.viewerHiddenRecommendations).toEqual([]);
  });

  it(`keeps at most ${MAX_HIDDEN_RECOMMENDATIONS} hidden items per person (CONFLICT beyond), also under concurrent hides`, async () => {
    await api.request(`{ viewerFeedMode }`, {}, viewer); // the viewer's profile exists from the first request
    await sql(
      `insert into profiles (id, display_name, created_at, updated_at) select 'cap-' || g, 'Cap ' || g, now(), now() from generate_series(1, ?) g`,
      [MAX_HIDDEN_RECOMMENDATIONS - 1],
    );
    await sql(`insert into hidden_recommendations (profile_id, kind, host_id) select 'viewer', 'HOST', 'cap-' || g from generate_series(1, ?) g`, [MAX_HIDDEN_RECOMMENDATIONS - 1]);
    // Two hides at once with room for one: exactly one wins.
    const answers = await Promise.all(['devops', 'marketing'].map((topicSlug) => api.request(HIDE, { input: { topicSlug } }, viewer)));
    expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', undefined].sort());
    const refused = answers.find((answer) => codeOf(answer) === 'CONFLICT')!;
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', limit: MAX_HIDDEN_RECOMMENDATIONS });
    expect(await sql(`select count(*)::int as n from hidden_recommendations where profile_id = 'viewer'`)).toEqual([{ n: MAX_HIDDEN_RECOMMENDATIONS }]);
    // Hiding what is already hidden is still fine at the cap; unhiding makes room.
    expect(codeOf(await api.request(HIDE, { input: { hostId: 'cap-1' } }, viewer))).toBeUndefined();
    await api.request(UNHIDE, { input: { hostId: 'cap-1' } }, viewer);
    expect(codeOf(await api.request(HIDE, { input: { topicSlug: 'leadership' } }, viewer))).toBeUndefined();
  });

  it('hidden items reach the impression log as negatives, and ranking:export writes them as outcome.hidden', async () => {
    const devops = await createRoom(tokens['hana']!, { title: 'DevOps live', topics: ['devops'] });
    const marketing = await createRoom(tokens['hugo']!, { title: 'Marketing live', topics: ['marketing'] });
    expect((await recommended(viewer, 10)).items).toHaveLength(2);
    await api.request(HIDE, { input: { topicSlug: 'devops' } }, viewer);
    // Unhiding later keeps what the viewer said then.
    await api.request(UNHIDE, { input: { topicSlug: 'devops' } }, viewer);
    const records = [];
    for await (const record of exportImpressions(api.api.db.orm.em.fork(), { since: new Date(Date.now() - 3_600_000), until: null })) records.push(record);
    expect(records).toHaveLength(2);
    for (const record of records) expect(impressionRecordProblem(JSON.parse(JSON.stringify(record)))).toBeNull();
    expect(records.find((record) => record.candidate.id === devops)!.outcome.hidden).toBe(true);
    expect(records.find((record) => record.candidate.id === marketing)!.outcome.hidden).toBe(false);
  });

  it('rankingTransparency needs no sign-in and, with the recommender down, describes the fallback formula and says so', async () => {
    const response = await api.request<{ rankingTransparency: { modelVersion: string; parameters: { name: string; importance: number }[]; explanation: string; options: string[] } }>(
      `{ rankingTransparency { modelVersion parameters { name importance } explanation options } }`,
      {},
      null,
    );
    expect(response.errors).toBeUndefined();
    const transparency = response.data!.rankingTransparency;
    expect(transparency.modelVersion).toBe('fallback:heuristic');
    expect(transparency.explanation).toMatch(/unavailable/);
    expect(transparency.options).toEqual(['PERSONALISED', 'NOT_PERSONALISED']);
    expect(transparency.parameters.reduce((sum, parameter) => sum + parameter.importance, 0)).toBeCloseTo(1, 6);
    // The formula never reads industry, career level, timing or history: those weigh exactly 0.
    const zero = transparency.parameters.filter((parameter) => parameter.importance === 0).map((parameter) => parameter.name).sort();
    expect(zero).toEqual(['Career level', 'Timing', 'Your industry', 'Your listening history']);
  });
});
