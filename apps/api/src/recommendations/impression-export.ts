import { type EntityManager } from '@mikro-orm/postgresql';
import type { ImpressionLogRecord, RankCandidate, RankViewer } from '@roundtable/ranking';

export interface ExportWindow {
  readonly since: Date;
  readonly until: Date | null;
}

interface ExportRow {
  id: string;
  request_id: string;
  served_at: Date;
  viewer: RankViewer;
  candidate: RankCandidate;
  position: number;
  score: number;
  model_version: string;
  propensity: number | null;
  exploration: boolean;
  joined: boolean;
  seconds_listened: number | null;
  raised_hand: boolean | null;
  spoke: boolean | null;
  hidden: boolean;
}

const BATCH = 2000;

export async function countImpressions(em: EntityManager, window: ExportWindow): Promise<number> {
  const rows = await em.execute<{ count: string }[]>(
    `select count(*) from ranking_impressions where served_at >= ? and (?::timestamptz is null or served_at < ?)`,
    [window.since, window.until, window.until],
  );
  return Number(rows[0]?.count ?? 0);
}

/**
 * Streams served impressions with their outcomes as training records (the shape libs/ranking
 * defines and the trainer reads), oldest first, in keyset batches so exports of any size run
 * in constant memory. An outcome counts when the viewer joined the room after the list was served;
 * `outcome.hidden` is true when the viewer hid the room, its host or one of its topics after it
 * was served (`ranking_impressions.hidden_at`).
 */
export async function* exportImpressions(em: EntityManager, window: ExportWindow): AsyncGenerator<ImpressionLogRecord> {
  let afterId = '0';
  for (;;) {
    const rows = await em.execute<ExportRow[]>(
      `select i.id, i.request_id, i.served_at, i.viewer, i.candidate, i.position, i.score, i.model_version, i.propensity, i.exploration,
              (ri.profile_id is not null) as joined, ri.seconds_listened, ri.raised_hand, ri.spoke,
              (i.hidden_at is not null) as hidden
         from ranking_impressions i
         left join room_interactions ri
           on ri.profile_id = i.viewer_id and ri.room_id = i.room_id and ri.last_joined_at >= i.served_at
        where i.id > ? and i.served_at >= ? and (?::timestamptz is null or i.served_at < ?)
        order by i.id
        limit ?`,
      [afterId, window.since, window.until, window.until, BATCH],
    );
    for (const row of rows) {
      yield {
        requestId: row.request_id,
        at: new Date(row.served_at).toISOString(),
        viewer: row.viewer,
        candidate: row.candidate,
        position: row.position,
        score: row.score,
        modelVersion: row.model_version,
        // Rows from before the exploration slice were all served in the model's order.
        propensity: row.propensity ?? 1,
        exploration: row.exploration,
        outcome: {
          joined: row.joined,
          secondsListened: row.seconds_listened ?? 0,
          raisedHand: row.raised_hand ?? false,
          spoke: row.spoke ?? false,
          // "Not interested" after this list was served: a negative (hidden_at, issue 19).
          hidden: row.hidden,
        },
      };
    }
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    afterId = String(last.id);
  }
}
