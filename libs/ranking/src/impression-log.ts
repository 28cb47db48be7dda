import type { RankCandidate, RankViewer } from './rank-types';

/** What the viewer did with one impression. */
export interface ImpressionOutcome {
  /** Joined the room (for a scheduled room: joined once it went live). */
  readonly joined: boolean;
  readonly secondsListened: number;
  readonly raisedHand: boolean;
  readonly spoke: boolean;
  /**
   * The viewer said "Not interested" after this list was served: they hid the room, its host or
   * one of its topics (`hideRecommendation`). A negative signal: the gain is 0 even if they had
   * joined. Absent (simulated logs) means false.
   */
  readonly hidden?: boolean;
}

/**
 * One JSONL line of the training log: one served impression with its outcome. The API's
 * `ranking:export` and the simulator both write exactly this shape; the trainer reads it.
 * `viewer` and `candidate` are the raw entities as they were sent to `POST /v1/rank`, so the
 * trainer extracts features with the same code the service uses.
 */
export interface ImpressionLogRecord {
  /** Request id shared by every impression of one served list (a "session"). */
  readonly requestId: string;
  /** ISO timestamp the list was served at (the `now` of the rank request). */
  readonly at: string;
  readonly viewer: RankViewer;
  readonly candidate: RankCandidate;
  /** 0-based position in the served list. */
  readonly position: number;
  /** Score the serving model gave. */
  readonly score: number;
  /** Model that served the list (e.g. "fallback:heuristic"). */
  readonly modelVersion: string;
  readonly outcome: ImpressionOutcome;
  /**
   * Probability the logging policy put this candidate at this position (see exploration.ts):
   * 1/N in the exploration slice (a uniform shuffle of the model's top N), 1 in the model's own
   * order. Absent in logs written before the slice existed.
   */
  readonly propensity?: number;
  /** True when the impression was served by the exploration slice (absent in older logs). */
  readonly exploration?: boolean;
}

/** Alias used by the training tools: every logged impression is a training example. */
export type TrainingExample = ImpressionLogRecord;

/** Listening this long counts as a strong join in the graded relevance. */
export const ENGAGED_SECONDS = 300;

/**
 * Graded relevance for ranking metrics: 0 not joined (or hidden: "Not interested"), 1 joined,
 * 2 joined and engaged (listened five minutes, raised a hand or spoke).
 */
export function impressionGain(outcome: ImpressionOutcome): number {
  if (impressionLabel(outcome) === 0) return 0;
  return outcome.secondsListened >= ENGAGED_SECONDS || outcome.raisedHand || outcome.spoke ? 2 : 1;
}

/**
 * The training label of an impression: 1 when the viewer joined and did not later hide the room
 * (its host or a topic of it: "Not interested"), 0 otherwise. A hide is a negative signal even
 * after a join, as in {@link impressionGain}.
 */
export function impressionLabel(outcome: ImpressionOutcome): 0 | 1 {
  return outcome.joined && outcome.hidden !== true ? 1 : 0;
}

/** The impressions of one served list, in served order. */
export interface ImpressionSession {
  readonly requestId: string;
  readonly at: string;
  readonly records: readonly ImpressionLogRecord[];
}

/** Groups records by request id (position order within each), sessions ordered by time then id. */
export function groupSessions(records: readonly ImpressionLogRecord[]): ImpressionSession[] {
  const byRequest = new Map<string, ImpressionLogRecord[]>();
  for (const record of records) {
    const list = byRequest.get(record.requestId);
    if (list) list.push(record);
    else byRequest.set(record.requestId, [record]);
  }
  return [...byRequest.entries()]
    .map(([requestId, list]) => {
      const sorted = [...list].sort((a, b) => a.position - b.position);
      return { requestId, at: sorted[0]?.at ?? '', records: sorted };
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.requestId < b.requestId ? -1 : 1));
}

/**
 * Splits sessions by time: the last `holdoutFraction` of sessions (by served time) is the
 * holdout, so evaluation never sees the future in training. Train and evaluate share this
 * function so they agree on the cut.
 */
export function timeSplit(
  sessions: readonly ImpressionSession[],
  holdoutFraction: number,
): { train: ImpressionSession[]; holdout: ImpressionSession[]; cutoff: string } {
  if (!(holdoutFraction >= 0 && holdoutFraction < 1)) {
    throw new RangeError(`holdoutFraction must be in [0, 1), got ${holdoutFraction}`);
  }
  const cut = Math.floor(sessions.length * (1 - holdoutFraction));
  const train = sessions.slice(0, cut);
  const holdout = sessions.slice(cut);
  return { train, holdout, cutoff: holdout[0]?.at ?? '' };
}

/** Runtime check for one parsed JSONL line; returns a reason when the line is not a record. */
export function impressionRecordProblem(value: unknown): string | null {
  if (!isObject(value)) return 'not an object';
  for (const key of ['requestId', 'at', 'modelVersion'] as const) {
    if (typeof value[key] !== 'string') return `${key} must be a string`;
  }
  for (const key of ['position', 'score'] as const) {
    if (typeof value[key] !== 'number') return `${key} must be a number`;
  }
  if (value['propensity'] !== undefined) {
    const propensity = value['propensity'];
    if (typeof propensity !== 'number' || !(propensity > 0 && propensity <= 1)) return 'propensity must be a number in (0, 1]';
  }
  if (value['exploration'] !== undefined && typeof value['exploration'] !== 'boolean') return 'exploration must be a boolean';
  if (!isObject(value['viewer'])) return 'viewer must be an object';
  if (!isObject(value['candidate'])) return 'candidate must be an object';
  const outcome = value['outcome'];
  if (!isObject(outcome) || typeof outcome['joined'] !== 'boolean') return 'outcome.joined must be a boolean';
  if (outcome['hidden'] !== undefined && typeof outcome['hidden'] !== 'boolean') return 'outcome.hidden must be a boolean when present';
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
