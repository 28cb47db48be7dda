import { groupSessions, timeSplit, type ImpressionSession } from '@roundtable/ranking';

import { step } from '../cli/progress';
import { readImpressionLog } from '../jsonl';

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

