import { impressionGain, impressionLabel, impressionRecordProblem } from './impression-log';

describe('impression log: hidden items are negatives', () => {
  const outcome = { joined: true, secondsListened: 600, raisedHand: false, spoke: false };

  it('gives a hidden impression no gain, even when the viewer had joined', () => {
    expect(impressionGain(outcome)).toBe(2);
    expect(impressionGain({ ...outcome, hidden: false })).toBe(2);
    expect(impressionGain({ ...outcome, hidden: true })).toBe(0);
  });

  it('labels a hidden impression 0 for training, even when the viewer had joined', () => {
    expect(impressionLabel(outcome)).toBe(1);
    expect(impressionLabel({ ...outcome, hidden: false })).toBe(1);
    expect(impressionLabel({ ...outcome, hidden: true })).toBe(0);
    expect(impressionLabel({ ...outcome, joined: false })).toBe(0);
    expect(impressionLabel({ ...outcome, joined: false, hidden: true })).toBe(0);
  });

  it('accepts records with and without outcome.hidden, and refuses a non-boolean one', () => {
    const record = { requestId: 'r', at: '2026-12-09T10:00:00.000Z', modelVersion: 'm', position: 0, score: 0.5, viewer: {}, candidate: {}, outcome };
    expect(impressionRecordProblem(record)).toBeNull();
    expect(impressionRecordProblem({ ...record, outcome: { ...outcome, hidden: true } })).toBeNull();
    expect(impressionRecordProblem({ ...record, outcome: { ...outcome, hidden: 'yes' } })).toBe('outcome.hidden must be a boolean when present');
  });
});
