// Host insights (issue 19): figures computed by a job per room and refresh window, read in one
// statement, seen by the host and moderators only (null for everyone else), never per join, and
// an attacker's differencing test. Real PostgreSQL, pg-boss and HTTP. Waiting a window is done by
// moving the room's stored times back by one window ("ageing" it), the same as waiting W seconds.
import { sql, tracedStatements } from './support/graphql-helpers';
import { pollUntil } from './support/poll';
import { asNamedProfiles, useTestApi } from './support/test-api';

const W = 60;
const K = 5;

const INSIGHTS_FIELDS = `uniqueListeners peakListeners medianListenSeconds
  byIndustry { label listeners share } bySeniority { label listeners share }
  timeline { at listeners } questionsAsked questionsAnswered chatMessages reactions { reaction count }
  minimumGroupSize computedAt nextRefreshAt`;
const INSIGHTS = `query($r: ID!) { room(id: $r) { id insights { ${INSIGHTS_FIELDS} } } }`;

interface Group {
  label: string;
  listeners: number;
  share: number;
}
interface Insights {
  uniqueListeners: number;
  peakListeners: number;
  medianListenSeconds: number | null;
  byIndustry: Group[];
  bySeniority: Group[];
  timeline: { at: string; listeners: number }[];
  questionsAsked: number;
  questionsAnswered: number;
  chatMessages: number;
  reactions: { reaction: string; count: number }[];
  minimumGroupSize: number;
  computedAt: string;
  nextRefreshAt: string | null;
}

describe('host insights (issue 19)', () => {
  const api = useTestApi({ INSIGHTS_REFRESH_SECONDS: String(W), INSIGHTS_MINIMUM_GROUP_SIZE: String(K), QUESTIONS_PER_MINUTE: '100' });
  const { as, ok } = asNamedProfiles(() => api);
  beforeAll(() => api.api.server.services.insights.stopSweeps());
  beforeEach(() => api.clear());

  const services = () => api.api.server.services;

  async function liveRoom(host: string): Promise<string> {
    const created = await ok(host, `mutation { createRoom(input: { title: "Insights room" }) { id } }`, {});
    return (created['createRoom'] as { id: string }).id;
  }

  async function join(roomId: string, ids: readonly string[], industry: string | null, seniority: string | null = null): Promise<void> {
    for (const id of ids) await ok(id, `mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId });
    await sql(api, `update profiles set industry = ?, seniority = ? where id in (select jsonb_array_elements_text(?::jsonb))`, [industry, seniority, JSON.stringify(ids)]);
  }

  async function leave(roomId: string, id: string): Promise<void> {
    await ok(id, `mutation($r: ID!) { leaveRoom(roomId: $r) { id } }`, { r: roomId });
  }

  /** Moves every stored time of the room back by one window: as if W seconds had passed. */
  async function age(roomId: string): Promise<void> {
    const back = `interval '${W} seconds'`;
    await sql(api, `update rooms set started_at = started_at - ${back}, ended_at = ended_at - ${back}, created_at = created_at - ${back} where id = ?`, [roomId]);
    await sql(api, `update room_events set at = at - ${back} where room_id = ?`, [roomId]);
    await sql(api, `update participants set joined_at = joined_at - ${back}, left_at = left_at - ${back}, stage_since = stage_since - ${back} where room_id = ?`, [roomId]);
    await sql(api, `update room_insights set window_start = window_start - ${back}, window_end = window_end - ${back} where room_id = ?`, [roomId]);
    await sql(api, `update room_questions set created_at = created_at - ${back}, answered_at = answered_at - ${back} where room_id = ?`, [roomId]);
    await sql(api, `update chat_messages set created_at = created_at - ${back}, deleted_at = deleted_at - ${back} where room_id = ?`, [roomId]);
  }

  /** The job of the room, as pg-boss runs it: every window over by now. */
  async function refresh(roomId: string): Promise<number> {
    return (await services().insights.refreshRoom(api.api.db.orm.em.fork(), roomId, new Date())).length;
  }

  async function insightsAs(viewer: string, roomId: string): Promise<Insights | null> {
    const response = await as(viewer, INSIGHTS, { r: roomId });
    expect(response.errors).toBeUndefined();
    return ((response.data as { room: { insights: Insights | null } }).room.insights) ?? null;
  }

  const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  const groups = (list: Group[]) => list.map(({ label, listeners }) => ({ label, listeners }));

  it('the host and moderators read the figures; listeners and strangers read null, never an error', async () => {
    const roomId = await liveRoom('in-host');
    await join(roomId, ['in-mod', 'in-speaker'], null);
    await ok('in-host', `mutation($r: ID!, $p: ID!) { inviteToStage(roomId: $r, profileId: $p) { id } }`, { r: roomId, p: 'in-mod' });
    await ok('in-mod', `mutation($r: ID!) { acceptStageInvite(roomId: $r) { role } }`, { r: roomId });
    await ok('in-host', `mutation($r: ID!, $p: ID!) { setModerator(roomId: $r, profileId: $p, moderator: true) { role } }`, { r: roomId, p: 'in-mod' });
    await join(roomId, ids('in-l', 6), 'software', 'SENIOR');
    // No figures before the first window is over: null for everyone.
    expect(await insightsAs('in-host', roomId)).toBeNull();
    await age(roomId);
    expect(await refresh(roomId)).toBe(1);

    const host = await insightsAs('in-host', roomId);
    expect(host).toMatchObject({ uniqueListeners: 8, minimumGroupSize: K, nextRefreshAt: expect.any(String) });
    expect(await insightsAs('in-mod', roomId)).toEqual(host);
    expect(await insightsAs('in-l-1', roomId)).toBeNull();
    expect(await insightsAs('in-stranger', roomId)).toBeNull();
    // A moderator made a speaker again reads null from then on, as does one who left.
    await ok('in-host', `mutation($r: ID!, $p: ID!) { setModerator(roomId: $r, profileId: $p, moderator: false) { role } }`, { r: roomId, p: 'in-mod' });
    expect(await insightsAs('in-mod', roomId)).toBeNull();
    expect(await insightsAs('in-host', roomId)).toEqual(host);
  });

  it('counts listeners from the event log: the host and stage time excluded, a listener who went up still counted; groups from k; final once ended', async () => {
    const roomId = await liveRoom('fi-host');
    await join(roomId, ids('fi-soft', 6), 'software', 'SENIOR');
    await join(roomId, ids('fi-bank', 3), 'banking', 'ENTRY');
    await join(roomId, ['fi-none'], null);
    // fi-soft-1 goes up to the stage: still a listener for the time they listened.
    await ok('fi-host', `mutation($r: ID!, $p: ID!) { inviteToStage(roomId: $r, profileId: $p) { id } }`, { r: roomId, p: 'fi-soft-1' });
    await ok('fi-soft-1', `mutation($r: ID!) { acceptStageInvite(roomId: $r) { role } }`, { r: roomId });
    await leave(roomId, 'fi-bank-3');
    const asked = await ok('fi-bank-1', `mutation($r: ID!) { askQuestion(input: { roomId: $r, text: "What is next?" }) { id } }`, { r: roomId });
    await ok('fi-bank-2', `mutation($r: ID!) { askQuestion(input: { roomId: $r, text: "And after that?" }) { id } }`, { r: roomId });
    await ok('fi-host', `mutation($q: ID!) { markQuestionAnswered(questionId: $q) { status } }`, { q: (asked['askQuestion'] as { id: string }).id });
    await ok('fi-soft-2', `mutation($r: ID!) { sendChatMessage(roomId: $r, text: "hello") { id } }`, { r: roomId });
    for (const id of ['fi-soft-3', 'fi-soft-4', 'fi-soft-5']) await ok(id, `mutation($r: ID!) { react(roomId: $r, reaction: CLAP) }`, { r: roomId });
    await ok('fi-soft-3', `mutation($r: ID!) { react(roomId: $r, reaction: HEART) }`, { r: roomId });
    await services().reactionTally.flush();
    await age(roomId);
    expect(await refresh(roomId)).toBe(1);

    const live = (await insightsAs('fi-host', roomId)) as Insights;
    expect(live).toMatchObject({
      uniqueListeners: 10,
      peakListeners: 10,
      questionsAsked: 2,
      questionsAnswered: 1,
      chatMessages: 1,
      reactions: [
        { reaction: 'CLAP', count: 3 },
        { reaction: 'HEART', count: 1 },
      ],
    });
    expect(live.medianListenSeconds).toEqual(expect.any(Number));
    // Six software people arrived in one window (a cohort of at least k); the three bankers and the
    // one without an industry are Other (4, below k), so the smallest named group is merged into it.
    expect(groups(live.byIndustry)).toEqual([{ label: 'Other', listeners: 10 }]);
    expect(groups(live.bySeniority)).toEqual([{ label: 'Other', listeners: 10 }]);
    expect(live.timeline).toEqual([{ at: expect.any(String), listeners: 10 }]);
    expect(Date.parse(live.nextRefreshAt as string) - Date.parse(live.computedAt)).toBe(W * 1000);

    await join(roomId, ids('fi-bank-late', 5), 'banking', 'ENTRY');
    await ok('fi-host', `mutation($r: ID!) { endRoom(roomId: $r) { status } }`, { r: roomId });
    expect(await refresh(roomId)).toBe(1);
    const final = (await insightsAs('fi-host', roomId)) as Insights;
    expect(final.nextRefreshAt).toBeNull();
    expect(final.uniqueListeners).toBe(15);
    // The five late bankers came together: a cohort of k. The three early ones stay in Other.
    // The five late bankers came together (a cohort of k) but the rest, Other (three early bankers
    // and one without an industry), is below k: the smallest named group is merged into it.
    expect(groups(final.byIndustry)).toEqual([
      { label: 'Software', listeners: 6 },
      { label: 'Other', listeners: 9 },
    ]);
    expect(final.byIndustry.reduce((sum, group) => sum + group.listeners, 0)).toBe(15);
    expect(final.timeline).toHaveLength(2);
    // Final: nothing is computed again, and the host still reads them after the room ended.
    await age(roomId);
    expect(await refresh(roomId)).toBe(0);
    expect((await insightsAs('fi-host', roomId))?.uniqueListeners).toBe(15);
  });

  it('ATTACKER: a host who watches while one known person joins or leaves learns nothing of their group, within a window or across two', async () => {
    // Two identical rooms; the known person is a banker in one and in retail in the other. A naive
    // implementation (every group of at least k, recounted each window, or per join) shows
    // Banking 5 against Banking absent: the figures would tell the two apart.
    async function scenario(prefix: string, knownIndustry: string) {
      const roomId = await liveRoom(`${prefix}-host`);
      await join(roomId, ids(`${prefix}-soft`, 6), 'software', 'MID');
      await join(roomId, ids(`${prefix}-bank`, 4), 'banking', 'MID');
      await join(roomId, ids(`${prefix}-retail`, 2), 'retail', 'MID');
      await age(roomId);
      await refresh(roomId);
      const before = (await insightsAs(`${prefix}-host`, roomId)) as Insights;

      // The known person joins. Within the window, nothing changes: not the figures, not the time.
      await join(roomId, [`${prefix}-known`], knownIndustry, 'DIRECTOR');
      expect(await refresh(roomId)).toBe(0);
      expect(await insightsAs(`${prefix}-host`, roomId)).toEqual(before);

      // The next window: the figures move, the same whatever the person's group.
      await age(roomId);
      await refresh(roomId);
      const after = (await insightsAs(`${prefix}-host`, roomId)) as Insights;

      // They leave: cumulative groups do not move on a leave.
      await leave(roomId, `${prefix}-known`);
      await age(roomId);
      await refresh(roomId);
      const left = (await insightsAs(`${prefix}-host`, roomId)) as Insights;
      return { before, after, left };
    }
    const asBanker = await scenario('ab', 'banking');
    const asRetail = await scenario('ar', 'retail');

    expect(groups(asBanker.before.byIndustry)).toEqual([
      { label: 'Software', listeners: 6 },
      { label: 'Other', listeners: 6 },
    ]);
    for (const moment of ['after', 'left'] as const) {
      expect(groups(asBanker[moment].byIndustry)).toEqual(groups(asRetail[moment].byIndustry));
      expect(groups(asBanker[moment].bySeniority)).toEqual(groups(asRetail[moment].bySeniority));
    }
    // Banking never appears (a naive count would show Banking 5 the moment the person joined), and
    // no named group moved by exactly one: only Other, which takes a lone arrival of any group.
    expect(asBanker.after.byIndustry.map((group) => group.label)).not.toContain('Banking');
    const named = (list: Group[]) => list.filter((group) => group.label !== 'Other');
    expect(groups(named(asBanker.after.byIndustry))).toEqual(groups(named(asBanker.before.byIndustry)));
    expect(asBanker.after.uniqueListeners).toBe(asBanker.before.uniqueListeners + 1);
    expect(groups(asBanker.left.byIndustry)).toEqual(groups(asBanker.after.byIndustry));

    // With others: five bankers arrive together in one window: Banking shows them (a cohort of k).
    const roomId = await liveRoom('ac-host');
    await join(roomId, ids('ac-soft', 6), 'software', 'MID');
    await age(roomId);
    await refresh(roomId);
    await join(roomId, ids('ac-bank', 5), 'banking', 'MID');
    await age(roomId);
    await refresh(roomId);
    expect(groups(((await insightsAs('ac-host', roomId)) as Insights).byIndustry)).toEqual([
      { label: 'Software', listeners: 6 },
      { label: 'Banking', listeners: 5 },
    ]);
  });

  it('reading Room.insights is one SQL statement for every room of the request; computing a window is one aggregate statement', async () => {
    const rooms: string[] = [];
    for (const host of ['sq-a', 'sq-b', 'sq-c']) {
      const roomId = await liveRoom(host);
      await join(roomId, ids(`${host}-l`, 3), 'software');
      rooms.push(roomId);
    }
    const computing: string[] = [];
    const stop = api.api.db.onQuery((statement) => computing.push(statement));
    try {
      for (const roomId of rooms) {
        await age(roomId);
        computing.length = 0;
        expect(await refresh(roomId)).toBe(1);
        expect(computing.filter((statement) => statement.includes('percentile_cont'))).toHaveLength(1);
        // The room's progress, the aggregate, the insert: nothing per listener.
        expect(computing).toHaveLength(3);
      }
    } finally {
      stop();
    }
    // The host of the first room lists all three: one statement decides and reads every room's insights.
    const query = `query { rooms(first: 10) { edges { node { id insights { uniqueListeners timeline { listeners } byIndustry { label } } } } } }`;
    const { token } = asNamedProfiles(() => api);
    const { data, statements } = await tracedStatements<{ rooms: { edges: { node: { id: string; insights: { uniqueListeners: number } | null } }[] } }>(
      api,
      query,
      {},
      await token('sq-a'),
    );
    const byRoom = new Map(data.rooms.edges.map(({ node }) => [node.id, node.insights]));
    expect(byRoom.get(rooms[0] as string)?.uniqueListeners).toBe(3);
    expect(byRoom.get(rooms[1] as string)).toBeNull();
    expect(byRoom.get(rooms[2] as string)).toBeNull();
    expect(statements.filter((statement) => statement.includes('room_insights'))).toHaveLength(1);
  });

  it('the job runs through pg-boss: a sweep finds the due room and a worker writes its window', async () => {
    const roomId = await liveRoom('pb-host');
    await join(roomId, ids('pb-l', 2), null);
    expect(await services().insights.sweep(new Date())).toEqual([]);
    await age(roomId);
    expect(await services().insights.sweep(new Date())).toEqual([roomId]);
    const written = await pollUntil(
      async () => (await sql<{ n: number }>(api, `select count(*)::int as n from room_insights where room_id = ?`, [roomId]))[0]?.n ?? 0,
      (n) => n >= 1,
    );
    expect(written).toBe(1);
    expect((await insightsAs('pb-host', roomId))?.uniqueListeners).toBe(2);
  });
});
