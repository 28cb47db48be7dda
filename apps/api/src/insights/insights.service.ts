import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type CountedGroup,
  foldInsightGroups,
  type InsightGroupFigure,
  industryGroupLabel,
  RoomOperation,
  RoomStatus,
  seniorityGroupLabel,
  shownMedianSeconds,
  windowEndsBy,
  windowStartOf,
} from '@roundtable/domain';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { leanQuery } from '../database/lean-rows';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import { COMPUTE_WINDOW_SQL, DUE_ROOMS_SQL, INSERT_WINDOW_SQL, READ_INSIGHTS_COLUMNS, ROOM_PROGRESS_SQL } from './insights.queries';

/** The pg-boss queue of insight refreshes: one job per room at a time (singleton key: the room id). */
export const ROOM_INSIGHTS_QUEUE = 'room-insights';

/** How often each instance looks for rooms whose insights are due, in ms (well under the 60 s shortest window). */
export const INSIGHTS_SWEEP_MS = 15_000;

/** The host insights' settings (README "Host insights"; validated by the configuration). */
export interface InsightsSettings {
  /** The refresh window W, in seconds (at least 60). */
  readonly refreshSeconds: number;
  /** k: the smallest group shown (at least 5). */
  readonly minimumGroupSize: number;
}

/** Where refresh jobs go: the API's one pg-boss (`MediaOutbox`). */
export interface InsightsJobQueue {
  ensureStatelyQueue(name: string): Promise<void>;
  send(queue: string, data: object, singletonKey: string): Promise<void>;
  work<T extends object>(queue: string, handle: (data: T) => Promise<void>): Promise<unknown>;
}

export interface InsightsDeps {
  readonly access: RoomAccessPolicy;
  /** A fresh EntityManager for work outside a request (jobs, sweeps). */
  readonly fork: () => EntityManager;
  readonly queue: () => InsightsJobQueue;
  readonly logger: Logger;
  readonly settings: InsightsSettings;
}

/** `RoomInsights` as resolvers return it. */
export interface RoomInsightsRecord {
  readonly uniqueListeners: number;
  readonly peakListeners: number;
  readonly medianListenSeconds: number | null;
  readonly byIndustry: readonly InsightGroupFigure[];
  readonly bySeniority: readonly InsightGroupFigure[];
  readonly timeline: readonly { readonly at: Date; readonly listeners: number }[];
  readonly questionsAsked: number;
  readonly questionsAnswered: number;
  readonly chatMessages: number;
  readonly reactions: readonly { readonly reaction: string; readonly count: number }[];
  readonly minimumGroupSize: number;
  readonly computedAt: Date;
  readonly nextRefreshAt: Date | null;
}

interface StoredGroup {
  readonly label: string;
  readonly listeners: number;
}

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const parsedJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

/**
 * HOST INSIGHTS (issue 19; README "Host insights"): the figures are computed by a pg-boss job per
 * room and refresh window — one aggregate statement per window — and stored in `room_insights`;
 * `Room.insights` only reads the newest row (one statement for every room of a request, with the
 * viewer's relation, decided by the access policy's SEE_INSIGHTS). Nothing is computed on the
 * read path, so figures change once per window while the room is LIVE, never per join.
 */
export class InsightsService {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: InsightsDeps) {}

  /** Creates the queue, starts this instance's worker and its sweep timer (every {@link INSIGHTS_SWEEP_MS}). */
  async start(options: { sweeps?: boolean } = {}): Promise<void> {
    const queue = this.deps.queue();
    await queue.ensureStatelyQueue(ROOM_INSIGHTS_QUEUE);
    await queue.work<{ roomId: string }>(ROOM_INSIGHTS_QUEUE, async ({ roomId }) => {
      await this.refreshRoom(this.deps.fork(), roomId, new Date());
    });
    if (options.sweeps === false) return;
    this.timer = setInterval(() => {
      this.sweep(new Date()).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not look for due room insights'));
    }, INSIGHTS_SWEEP_MS);
    this.timer.unref();
  }

  /** Stops the sweep timer (tests that decide when windows are computed; shutdown). */
  stopSweeps(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Sends one refresh job per room whose insights are due at `now` (every instance sweeps; the
   * queue keeps one job per room). One statement.
   * @returns the rooms asked for.
   */
  async sweep(now: Date): Promise<string[]> {
    const rows = await leanQuery(this.deps.fork(), DUE_ROOMS_SQL, [this.deps.settings.refreshSeconds, now, now]);
    const roomIds = rows.map((row) => row['id'] as string);
    const queue = this.deps.queue();
    for (const roomId of roomIds) await queue.send(ROOM_INSIGHTS_QUEUE, { roomId }, roomId);
    return roomIds;
  }

  /**
   * The job: writes every window of the room that is over by `now` and not written yet, oldest
   * first — each one aggregate statement and one insert — and, once the room has ended, its last
   * window as final. Idempotent: a window already written is not computed again.
   * @returns the window ends written.
   */
  async refreshRoom(em: EntityManager, roomId: string, now: Date): Promise<Date[]> {
    const [progress] = await leanQuery(em, ROOM_PROGRESS_SQL, [roomId]);
    if (!progress || progress['started_at'] === null || progress['final'] === true) return [];
    const startedAt = date(progress['started_at']);
    const lastEnd = progress['last_end'] === null ? null : date(progress['last_end']);
    const { refreshSeconds } = this.deps.settings;
    const status = progress['status'] as RoomStatus;
    const endedAt = status === RoomStatus.Ended && progress['ended_at'] !== null ? date(progress['ended_at']) : null;
    if (status !== RoomStatus.Live && !endedAt) return [];
    const whole = windowEndsBy(startedAt, endedAt ?? now, refreshSeconds).filter((end) => !lastEnd || end > lastEnd);
    const windows = whole.filter((end) => !endedAt || end < endedAt).map((end) => ({ end, final: false }));
    if (endedAt) windows.push({ end: endedAt, final: true });
    for (const window of windows) await this.computeWindow(em, roomId, startedAt, window.end, window.final);
    return windows.map((window) => window.end);
  }

  private async computeWindow(em: EntityManager, roomId: string, startedAt: Date, end: Date, final: boolean): Promise<void> {
    const { refreshSeconds, minimumGroupSize: k } = this.deps.settings;
    const windowStart = windowStartOf(startedAt, end, refreshSeconds);
    const [row] = await leanQuery(em, COMPUTE_WINDOW_SQL, [roomId, end, windowStart, refreshSeconds, k]);
    if (!row) return;
    const unique = Number(row['unique_listeners']);
    const fold = (groups: unknown, label: (value: string) => string): StoredGroup[] =>
      foldInsightGroups(
        parsedJson<CountedGroup[]>(groups).map((group) => ({ label: label(group.label), listeners: Number(group.listeners) })),
        unique,
        k,
      ).map(({ label: shown, listeners }) => ({ label: shown, listeners }));
    const median = row['median_seconds'] === null ? null : Number(row['median_seconds']);
    await em.execute(INSERT_WINDOW_SQL, [
      roomId,
      windowStart,
      end,
      final,
      Number(row['window_listeners']),
      unique,
      Number(row['peak_listeners']),
      shownMedianSeconds(median, unique, k),
      JSON.stringify(fold(row['by_industry'], industryGroupLabel)),
      JSON.stringify(fold(row['by_seniority'], seniorityGroupLabel)),
      Number(row['questions_asked']),
      Number(row['questions_answered']),
      Number(row['chat_messages']),
      JSON.stringify(parsedJson<{ reaction: string; count: number | string }[]>(row['reactions']).map((r) => ({ reaction: r.reaction, count: Number(r.count) }))),
      k,
      refreshSeconds,
    ]);
  }

  /**
   * `Room.insights` for many rooms of one request: ONE statement reads the viewer's relation to
   * each room and its newest figures; the access policy's SEE_INSIGHTS decides. Null for a room
   * the viewer may not see insights of, and for a room with no figures yet (it has not gone live).
   * @param roomIds ids of rooms the request already read (lower-case UUIDs).
   */
  async readMany(em: EntityManager, viewer: AuthenticatedViewer, roomIds: readonly string[]): Promise<(RoomInsightsRecord | null)[]> {
    const rows = await this.deps.access.relationsToRooms(em, viewer, roomIds, { columns: READ_INSIGHTS_COLUMNS, params: [] });
    return roomIds.map((roomId) => {
      const read = rows.get(roomId);
      if (!read || !this.deps.access.decide(RoomOperation.SeeInsights, read.found.relation).allowed) return null;
      return insightsRecord(read.row);
    });
  }
}

function insightsRecord(row: Record<string, unknown>): RoomInsightsRecord | null {
  const latest = parsedJson<Record<string, unknown> | null>(row['insights_latest']);
  if (!latest) return null;
  const unique = Number(latest['unique_listeners']);
  const groups = (value: unknown): InsightGroupFigure[] =>
    parsedJson<StoredGroup[]>(value).map((group) => ({ label: group.label, listeners: group.listeners, share: unique === 0 ? 0 : group.listeners / unique }));
  const windowEnd = date(latest['window_end']);
  const timeline = parsedJson<[string, number][] | null>(row['insights_timeline']) ?? [];
  return {
    uniqueListeners: unique,
    peakListeners: Number(latest['peak_listeners']),
    medianListenSeconds: latest['median_listen_seconds'] === null ? null : Number(latest['median_listen_seconds']),
    byIndustry: groups(latest['by_industry']),
    bySeniority: groups(latest['by_seniority']),
    timeline: timeline.map(([at, listeners]) => ({ at: date(at), listeners: Number(listeners) })),
    questionsAsked: Number(latest['questions_asked']),
    questionsAnswered: Number(latest['questions_answered']),
    chatMessages: Number(latest['chat_messages']),
    reactions: parsedJson<{ reaction: string; count: number }[]>(latest['reactions']),
    minimumGroupSize: Number(latest['minimum_group_size']),
    computedAt: windowEnd,
    nextRefreshAt: latest['final'] === true ? null : new Date(windowEnd.getTime() + Number(latest['refresh_seconds']) * 1000),
  };
}
