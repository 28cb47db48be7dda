import { groupSessions, type ImpressionLogRecord } from '@roundtable/ranking';

import { Random } from '../random';
import { simulateSessions } from '../simulation/sessions';
import { buildWorld } from '../simulation/world';
import { buildDataset } from './dataset';

async function simulatedRecords(seed: number): Promise<ImpressionLogRecord[]> {
  const random = new Random(seed);
  const world = buildWorld(random, { profiles: 120, rooms: 150, days: 2, startIso: '2026-01-05T00:00:00.000Z' });
  const records: ImpressionLogRecord[] = [];
  await simulateSessions(world, random, { sessions: 120, listSize: 10, historyDays: 14, seed, logOracleScore: false }, async (batch) => {
    records.push(...batch);
  });
  return records;
}

describe('buildDataset: hidden items are negative training signals', () => {
  it('labels a joined impression 1, and the same impression 0 once the viewer hid it ("Not interested"); gains follow', async () => {
    const records = await simulatedRecords(11);
    const joined = records.filter((record) => record.outcome.joined);
    expect(joined.length).toBeGreaterThan(3);
    // Every other joined impression hidden afterwards, as ranking:export writes it.
    const hiddenIds = new Set(joined.filter((_, i) => i % 2 === 0).map((record) => `${record.requestId}:${record.position}`));
    const withHides = records.map((record) =>
      hiddenIds.has(`${record.requestId}:${record.position}`) ? { ...record, outcome: { ...record.outcome, hidden: true } } : record,
    );
    const plain = buildDataset(groupSessions(records));
    const hidden = buildDataset(groupSessions(withHides));
    expect(hidden.rows).toBe(plain.rows);
    let flipped = 0;
    let kept = 0;
    groupSessions(withHides).forEach((session, index) => {
      session.records.forEach((record, offset) => {
        const row = (plain.sessionStarts[index] ?? 0) + offset;
        const isHidden = record.outcome.hidden === true;
        expect(hidden.labels[row]).toBe(record.outcome.joined && !isHidden ? 1 : 0);
        if (isHidden) {
          expect([plain.labels[row], hidden.labels[row], hidden.gains[row]]).toEqual([1, 0, 0]);
          flipped += 1;
        } else {
          expect([hidden.labels[row], hidden.gains[row]]).toEqual([plain.labels[row], plain.gains[row]]);
          kept += 1;
        }
      });
    });
    expect(flipped).toBe(hiddenIds.size);
    expect(kept).toBe(records.length - hiddenIds.size);
    // The features are the same rows: only the labels changed.
    expect(hidden.features).toEqual(plain.features);
  });
});
