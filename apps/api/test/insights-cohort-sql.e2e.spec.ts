// Host insights (issue 19): the job's one aggregate statement (COMPUTE_WINDOW_SQL) counts the
// groups by the domain's cohort rule (`countCohorts`, the rule the no-differencing property is
// proved on), checked differentially: random listeners join over several windows (some leave and
// come back later, some go up to the stage and back), with random industries and seniorities, and
// the statement's groups must equal the rule's on the same listeners, for both dimensions. Real
// PostgreSQL, the real API for the joins; waiting a window is done by moving the room's stored
// times back by one window, as room-insights.e2e does.
import { countCohorts, type ListenerCohortKey } from '@roundtable/domain';
import { seededUniform } from '@roundtable/ranking';

import { COMPUTE_WINDOW_SQL } from '../src/insights/insights.queries';
import { sql } from './support/graphql-helpers';
import { asNamedProfiles, useTestApi } from './support/test-api';

const W = 60;
const K = 3;
const INDUSTRIES = ['banking', 'healthcare', 'software', null] as const;
const SENIORITIES = ['SENIOR', 'MANAGER', 'DIRECTOR', null] as const;

const byLabel = (groups: readonly { label: string; listeners: number }[]) => [...groups].sort((a, b) => a.label.localeCompare(b.label));

describe('host insights: the window statement counts cohorts as the domain rule does (issue 19)', () => {
  const api = useTestApi({ INSIGHTS_REFRESH_SECONDS: String(W), INSIGHTS_MINIMUM_GROUP_SIZE: '5' });
  const { ok } = asNamedProfiles(() => api);
  beforeAll(() => api.api.server.services.insights.stopSweeps());
  beforeEach(() => api.clear());

  async function age(roomId: string): Promise<void> {
    const back = `interval '${W} seconds'`;
    await sql(api, `update rooms set started_at = started_at - ${back}, created_at = created_at - ${back} where id = ?`, [roomId]);
    await sql(api, `update room_events set at = at - ${back} where room_id = ?`, [roomId]);
  }

  it.each([1, 2, 3])('seed %i: by industry and by seniority, cohorts below k left out, rejoiners and stage trips counted from their first window', async (seed) => {
    // The same seed, the same rooms.
    const random = seededUniform(seed);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const host = `cs${seed}-host`;
    const roomId = ((await ok(host, `mutation { createRoom(input: { title: "Cohorts" }) { id } }`, {}))['createRoom'] as { id: string }).id;
    const people = Array.from({ length: 30 }, (_, i) => ({ id: `cs${seed}-p${i}`, industry: pick(INDUSTRIES), seniority: pick(SENIORITIES) }));
    const firstWindow = new Map<string, number>();
    const inRoom = new Set<string>();
    const windows = 4;
    for (let window = 0; window < windows; window += 1) {
      for (const person of people) {
        const roll = random();
        if (!inRoom.has(person.id) && roll < 0.35) {
          await ok(person.id, `mutation($r: ID!) { joinRoom(roomId: $r) { participant { id } } }`, { r: roomId });
          inRoom.add(person.id);
          if (!firstWindow.has(person.id)) firstWindow.set(person.id, window);
        } else if (inRoom.has(person.id) && roll > 0.85) {
          await ok(person.id, `mutation($r: ID!) { leaveRoom(roomId: $r) { id } }`, { r: roomId });
          inRoom.delete(person.id);
        } else if (inRoom.has(person.id) && roll < 0.05) {
          // Up to the stage and back: not listening meanwhile, still the same first window.
          await ok(host, `mutation($r: ID!, $p: ID!) { inviteToStage(roomId: $r, profileId: $p) { id } }`, { r: roomId, p: person.id });
          await ok(person.id, `mutation($r: ID!) { acceptStageInvite(roomId: $r) { role } }`, { r: roomId });
          await ok(host, `mutation($r: ID!, $p: ID!) { moveToAudience(roomId: $r, profileId: $p) { id } }`, { r: roomId, p: person.id });
        }
      }
      if (window < windows - 1) await age(roomId);
    }
    for (const person of people) {
      await sql(api, `update profiles set industry = ?, seniority = ? where id = ?`, [person.industry, person.seniority, person.id]);
    }
    const listeners = people.filter((person) => firstWindow.has(person.id));
    expect(listeners.length).toBeGreaterThan(10);
    const keys = (dimension: 'industry' | 'seniority'): ListenerCohortKey[] =>
      listeners.map((person) => ({ group: person[dimension], firstWindow: firstWindow.get(person.id) as number }));

    const now = new Date();
    const [row] = await sql<{ unique_listeners: number; by_industry: { label: string; listeners: number }[]; by_seniority: { label: string; listeners: number }[] }>(
      api,
      COMPUTE_WINDOW_SQL,
      [roomId, now.toISOString(), new Date(now.getTime() - W * 1000).toISOString(), W, K],
    );
    expect(row?.unique_listeners).toBe(listeners.length);
    expect(byLabel(row?.by_industry ?? [])).toEqual(byLabel(countCohorts(keys('industry'), K)));
    expect(byLabel(row?.by_seniority ?? [])).toEqual(byLabel(countCohorts(keys('seniority'), K)));
    // The rule left something out in this room (a cohort below k), or the comparison proves less.
    const everyone = (dimension: 'industry' | 'seniority') => keys(dimension).filter((key) => key.group !== null).length;
    const counted = (groups: readonly { listeners: number }[]) => groups.reduce((sum, group) => sum + group.listeners, 0);
    expect(counted(row?.by_industry ?? []) + counted(row?.by_seniority ?? [])).toBeLessThan(everyone('industry') + everyone('seniority'));
  });
});
