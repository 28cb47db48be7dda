import { groupSessions, impressionRecordProblem, type ImpressionLogRecord } from '@roundtable/ranking';

import { Random } from '../random';
import { examinationProbability, simulateSessions, type OracleHiddenPart, type PreferenceModel, type SessionOptions } from './sessions';
import { buildWorld } from './world';

async function run(seed: number, preferences: PreferenceModel = 'v2', oracle: Partial<SessionOptions> = {}): Promise<ImpressionLogRecord[]> {
  const random = new Random(seed);
  const world = buildWorld(random, { profiles: 120, rooms: 150, days: 2, startIso: '2026-01-05T00:00:00.000Z' });
  const records: ImpressionLogRecord[] = [];
  const options: SessionOptions = { sessions: 80, listSize: 10, historyDays: 14, seed, logOracleScore: false, preferences, ...oracle };
  await simulateSessions(world, random, options, async (batch) => {
    records.push(...batch);
  });
  return records;
}

describe('synthetic world simulation', () => {
  it('is deterministic for a seed and differs across seeds', async () => {
    const a = JSON.stringify(await run(11));
    expect(JSON.stringify(await run(11))).toBe(a);
    expect(JSON.stringify(await run(12))).not.toBe(a);
  });

  it('writes valid impression records: lists in position order, candidates live or upcoming', async () => {
    const records = await run(13);
    expect(records.length).toBeGreaterThan(200);
    for (const record of records) {
      expect(impressionRecordProblem(JSON.parse(JSON.stringify(record)))).toBeNull();
      const { candidate, at } = record;
      if (candidate.status === 'LIVE') expect(Date.parse(candidate.startedAt ?? '')).toBeLessThanOrEqual(Date.parse(at));
      else expect(Date.parse(candidate.scheduledFor ?? '') - Date.parse(at)).toBeLessThanOrEqual(86_400_000);
      expect(candidate.host.id).not.toBe(record.viewer.id);
    }
    for (const session of groupSessions(records)) {
      expect(session.records.map((record) => record.position)).toEqual(session.records.map((_, index) => index));
    }
    expect(records.some((record) => record.outcome.joined)).toBe(true);
  });

  it('keeps the v1 preference model reproducible and distinct from v2 (same world and lists, other joins)', async () => {
    const v1 = await run(14, 'v1');
    const v2 = await run(14, 'v2');
    expect(JSON.stringify(await run(14, 'v1'))).toBe(JSON.stringify(v1));
    const firstList = (records: ImpressionLogRecord[]): string[] =>
      records.filter((record) => record.requestId === records[0]?.requestId).map((record) => record.candidate.id);
    expect(firstList(v1)).toEqual(firstList(v2));
    expect(JSON.stringify(v1.map((record) => record.outcome))).not.toBe(JSON.stringify(v2.map((record) => record.outcome)));
  });

  it('scores the oracle without a hidden part on the same draws: same lists and outcomes, other scores', async () => {
    const full = await run(15, 'v2', { logOracleScore: true });
    const withoutPart = async (parts: readonly OracleHiddenPart[]) => run(15, 'v2', { logOracleScore: true, oracleWithout: parts });
    const strip = (records: ImpressionLogRecord[]): string => JSON.stringify(records.map((record) => ({ ...record, score: 0 })));
    const cases: readonly (readonly OracleHiddenPart[])[] = [['quality'], ['taste'], ['quality', 'taste']];
    for (const parts of cases) {
      const records = await withoutPart(parts);
      expect(strip(records)).toBe(strip(full));
      const changed = records.filter((record, index) => Math.abs(record.score - (full[index]?.score ?? 0)) > 1e-9).length;
      // Every room has a quality, so every score moves without it; a taste multiplies topic fit
      // and following the host, which most (not all) candidates have.
      expect(changed).toBeGreaterThan(records.length * (parts.includes('quality') ? 0.99 : 0.5));
      for (const record of records) expect(record.score).toBeGreaterThan(0);
    }
    // Without any part left out, the score is the oracle's as before.
    expect(JSON.stringify(await withoutPart([]))).toBe(JSON.stringify(full));
  });

  it('models position bias as decreasing examination', () => {
    expect(examinationProbability(0)).toBe(1);
    expect(examinationProbability(5)).toBeLessThan(examinationProbability(1));
  });
});
