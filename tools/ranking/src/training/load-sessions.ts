import { groupSessions, timeSplit, type ImpressionSession } from '@roundtable/ranking';

import { step } from '../cli/progress';
import { readImpressionLog } from '../jsonl';
import type { Random } from '../random';

/** Reads a JSONL log and splits it by time exactly the way train and evaluate both must. */
export async function loadSplitSessions(
  path: string,
  holdoutFraction: number,
): Promise<{ train: ImpressionSession[]; holdout: ImpressionSession[]; cutoff: string; records: number }> {
  step(`Reading ${path}`);
  const records = await readImpressionLog(path);
  const sessions = groupSessions(records);
  const split = timeSplit(sessions, holdoutFraction);
  step(
    `${records.length} impressions in ${sessions.length} sessions; holdout is the last ${Math.round(holdoutFraction * 100)}% ` +
      `(${split.holdout.length} sessions from ${split.cutoff})`,
  );
  return { ...split, records: records.length };
}


/**
 * `round(share × n)` of the sessions, drawn without replacement with `random`, in their original
 * (time) order: training on less of one period, for a learning curve on one holdout. `share` 1
 * returns every session, and draws nothing.
 * @throws RangeError when `share` is not in (0, 1].
 */
export function sampleShare<T>(sessions: readonly T[], share: number, random: Random): T[] {
  if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], got ${share}`);
  if (share === 1) return [...sessions];
  const keep = Math.round(share * sessions.length);
  // A partial Fisher–Yates shuffle of the indexes picks `keep` of them; sorting restores time order.
  const indexes = sessions.map((_, index) => index);
  for (let i = 0; i < keep; i += 1) {
    const j = random.int(i, indexes.length - 1);
    [indexes[i], indexes[j]] = [indexes[j] as number, indexes[i] as number];
  }
  return indexes
    .slice(0, keep)
    .sort((a, b) => a - b)
    .map((index) => sessions[index] as T);
}
