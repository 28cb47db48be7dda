// Per-request overhead (issue 9): a repeated document is parsed, validated, planned and priced
// once, not per request. Counted from /metrics (roundtable_graphql_document_work_total), never timed.
import { tokenFor, useTestApi } from './support/test-api';

const ROOM_PAGE_QUERY = `query($id: ID!) { room(id: $id) { stage { profile { displayName headline } } audience(first: 50) { edges { node { profile { displayName } } } } } }`;
const PRICED_BY_VARIABLES = `query($rooms: Int, $listeners: Int) { rooms(first: $rooms) { edges { node { audience(first: $listeners) { edges { node { id } } } } } } }`;

type Work = Record<string, number>;

describe('per-document work is done once per document', () => {
  const api = useTestApi();
  let viewer: string;

  beforeEach(async () => {
    await api.clear();
    viewer = await tokenFor('work-viewer', { name: 'Work Counter' });
  });

  /** The document-work counters, by step, as /metrics serves them. */
  async function work(): Promise<Work> {
    const text = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'))).text();
    const counts: Work = {};
    for (const match of text.matchAll(/^roundtable_graphql_document_work_total\{step="([a-z-]+)"\} (\d+)$/gm)) {
      counts[match[1] as string] = Number(match[2]);
    }
    return counts;
  }

  const added = (before: Work, after: Work): Work =>
    Object.fromEntries(Object.entries(after).map(([step, count]) => [step, count - (before[step] ?? 0)]).filter(([, delta]) => delta !== 0));

  async function room(title: string): Promise<string> {
    const response = await api.request<{ createRoom: { id: string } }>(`mutation($t: String!) { createRoom(input: { title: $t }) { id } }`, { t: title }, viewer);
    expect(response.errors).toBeUndefined();
    return (response.data as { createRoom: { id: string } }).createRoom.id;
  }

  it('the room page query, repeated for two rooms: parsed, validated, planned and priced on its first request only', async () => {
    const [first, second] = [await room('Work A'), await room('Work B')];
    const before = await work();
    const answer = await api.request(ROOM_PAGE_QUERY, { id: first }, viewer);
    expect(answer.errors).toBeUndefined();
    const afterFirst = await work();
    // The first request does each step once (Apollo parses and validates on HTTP).
    expect(added(before, afterFirst)).toEqual({ parse: 1, 'apollo-parse': 1, 'apollo-validate': 1, 'argument-plan': 1, cost: 1 });

    for (const id of [first, second, first, second, first]) {
      const response = await api.request<{ room: { stage: unknown[] } | null }>(ROOM_PAGE_QUERY, { id }, viewer);
      expect(response.errors).toBeUndefined();
      expect(response.data?.room?.stage).toHaveLength(1);
    }
    // The room id is no cost variable: five more requests, two rooms, no step again.
    expect(added(afterFirst, await work())).toEqual({});
  });

  it('a cost read from variables: priced once per value, and the limit still applies to each value', async () => {
    await room('Priced');
    const before = await work();
    for (let i = 0; i < 3; i += 1) {
      const cheap = await api.request(PRICED_BY_VARIABLES, { rooms: 2, listeners: 3 }, viewer);
      expect(cheap.errors).toBeUndefined();
    }
    expect(added(before, await work())).toMatchObject({ cost: 1, 'argument-plan': 1 });

    // Same document, other values: priced again, and over QUERY_MAX_COST (5000) it is refused,
    // the cheap cost known for the other values notwithstanding.
    const between = await work();
    for (let i = 0; i < 2; i += 1) {
      const costly = await api.request(PRICED_BY_VARIABLES, { rooms: 100, listeners: 100 }, viewer);
      expect(costly.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' } });
    }
    expect(added(between, await work())).toEqual({ cost: 1 });
    // A variable left out (its default, 50 listeners per room) is not the same as one sent.
    const defaulted = await api.request(PRICED_BY_VARIABLES, { rooms: 100 }, viewer);
    expect(defaulted.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' } });
  });

  it('bad variables are still refused as BAD_VARIABLES on a document whose cost is known', async () => {
    await room('Bad variables');
    expect((await api.request(PRICED_BY_VARIABLES, { rooms: 2, listeners: 3 }, viewer)).errors).toBeUndefined();
    const bad = await api.request(PRICED_BY_VARIABLES, { rooms: 'two', listeners: 3 }, viewer);
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_VARIABLES' } });
    const tooMany = await api.request(PRICED_BY_VARIABLES, { rooms: 2, listeners: 101 }, viewer);
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });
});
