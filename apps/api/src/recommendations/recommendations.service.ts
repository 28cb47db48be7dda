import { randomInt, randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import { isSeniority, ParticipantRole, type Seniority, STAGE_ROLES } from '@roundtable/domain';
import {
  deterministicPlacement,
  explorationPlacement,
  heuristicRank,
  seededUniform,
  type ServedPlacement,
  type RankCandidate,
  type RankPerson,
  type RankRequest,
  type RankResponse,
  type RankViewer,
} from '@roundtable/ranking';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { ProfileEntity } from '../profiles/profile.entity';
import { RoomEntity } from '../rooms/room.entity';
import { roomsViewerMayJoinSql } from '../rooms/room-visibility';
import { FeedMode, roomsNotHiddenSql } from './recommendation-controls.service';

export interface RecommendationsSettings {
  readonly recommenderUrl: string;
  readonly timeoutMs: number;
  readonly maxCandidates: number;
  /** The exploration slice (see libs/ranking exploration.ts); absent: never explore. */
  readonly exploration?: ExplorationSettings;
}

/** Which share of answers explore, over how many of the model's top candidates. */
export interface ExplorationSettings {
  /** Share of `recommendedRooms` answers, in [0, 1], that serve a uniformly random order of the top N. */
  readonly share: number;
  /** How many of the model's top candidates the slice shuffles (>= 2). */
  readonly topN: number;
  /** Seed of the generator that picks the answers and the orders (tests); absent: random per process. */
  readonly seed?: number;
}

export interface Recommendation {
  readonly room: RoomEntity;
  readonly score: number;
  readonly reasons: readonly string[];
  /** Probability the serving policy put this room at its position (1 in the model's order, 1/N when explored). */
  readonly propensity: number;
  /** Served by the exploration slice. */
  readonly exploration: boolean;
}

export interface Recommendations {
  readonly requestId: string;
  readonly modelVersion: string;
  readonly items: readonly Recommendation[];
  /** The feed mode that made the list. */
  readonly mode: FeedMode;
}

/** `modelVersion` of NOT_PERSONALISED lists: no model, no profiling (see `recommendNotPersonalised`). */
export const NOT_PERSONALISED_VERSION = 'not-personalised:groups-follows-by-start-then-popular-v1';

/** Scheduled rooms starting within this window are candidates too. */
export const UPCOMING_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Listening history the viewer features look back over. */
const HISTORY_DAYS = 30;

/** A PostgreSQL array literal bound as one parameter (`= any(?::uuid[])`), not thousands of them. */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
const textArray = (values: readonly string[]) => `{${values.map((value) => `"${value.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;

/**
 * `recommendedRooms`: gathers the viewer and the rooms they may join as raw entities, asks the
 * recommender to rank them, falls back to the documented heuristic when it is down or slow, and
 * logs every served list as impressions for training.
 */
export class RecommendationsService {
  private readonly random: () => number;

  /** @param servedModel told the model of every personalised list ranked (the transparency cache follows it). */
  constructor(
    private readonly settings: RecommendationsSettings,
    private readonly logger: Logger,
    private readonly servedModel: (modelVersion: string) => void = () => undefined,
  ) {
    this.random = seededUniform(settings.exploration?.seed ?? randomInt(2 ** 32));
  }

  async recommend(em: EntityManager, viewer: AuthenticatedViewer, first: number, now = new Date(), mode = FeedMode.Personalised): Promise<Recommendations> {
    // The mode switch: NOT_PERSONALISED never reads the profile, the history or the model.
    if (mode === FeedMode.NotPersonalised) return this.recommendNotPersonalised(em, viewer, first, now);
    const requestId = randomUUID();
    const rankViewer = await this.loadViewer(em, viewer.profileId);
    const candidates = await this.loadCandidates(em, rankViewer, now);
    const exploration = this.settings.exploration;
    // The exploration slice: one draw per answer, so the share holds over answers, not time.
    const explore = exploration !== undefined && exploration.share > 0 && this.random() < exploration.share;
    const limit = explore && exploration ? Math.max(first, exploration.topN) : first;
    const request: RankRequest = { viewer: rankViewer, candidates, now: now.toISOString(), limit, requestId };
    const ranked = await this.rank(request);
    this.servedModel(ranked.modelVersion);
    // Only the ranked few become entities; hydrating thousands of candidates costs more than ranking them.
    const rankedIds = ranked.items.map((item) => item.roomId);
    const rooms = new Map((await em.find(RoomEntity, { id: { $in: rankedIds } })).map((room) => [room.id, room]));
    const inModelOrder = ranked.items.flatMap((item) => {
      const room = rooms.get(item.roomId);
      return room ? [{ room, score: item.score, reasons: item.reasons }] : [];
    });
    const items = this.place(inModelOrder, explore ? exploration?.topN : undefined).slice(0, first);
    await this.logImpressions(em, request, ranked.modelVersion, items, candidates, now);
    return { requestId, modelVersion: ranked.modelVersion, items, mode: FeedMode.Personalised };
  }

  /**
   * NOT_PERSONALISED (DSA Art. 38): no profiling — no skills, interests, industry, seniority or
   * listening history is read. The rooms the viewer may join (LIVE, or SCHEDULED within 24 hours)
   * of their groups and of the people they follow, by start time (earliest first: live rooms, then
   * the soonest), then the most popular PUBLIC rooms (most listeners first); ties by room id. Hidden
   * items are filtered in the same statement. Score: 1 for the first item down to 1/n for the last.
   * Not logged as impressions: the viewer chose to be left out of profiling, training included.
   */
  private async recommendNotPersonalised(em: EntityManager, viewer: AuthenticatedViewer, first: number, now: Date): Promise<Recommendations> {
    const mayJoin = roomsViewerMayJoinSql(viewer.profileId, now);
    const notHidden = roomsNotHiddenSql(viewer.profileId);
    const rows = await em.execute<{ id: string; in_group: boolean; followed: boolean; listeners: number; status: string }[]>(
      `select * from (
         select r.id, r.status, r.started_at, r.scheduled_for,
                coalesce(s.listener_count, 0)::int as listeners, r.visibility,
                (r.group_id is not null and exists (select 1 from group_members gm where gm.group_id = r.group_id and gm.profile_id = ?)) as in_group,
                exists (select 1 from follows f where f.follower_id = ? and f.followee_id = r.host_id) as followed
           from rooms r left join room_streams s on s.room_id = r.id
          where (r.status = 'LIVE' or (r.status = 'SCHEDULED' and r.scheduled_for <= ?))
            and ${mayJoin.sql}
            and ${notHidden.sql}
            and not exists (select 1 from participants p where p.room_id = r.id and p.profile_id = ? and p.left_at is null)
       ) c
       where c.in_group or c.followed or c.visibility = 'PUBLIC'
       order by (c.in_group or c.followed) desc,
                case when c.in_group or c.followed then coalesce(c.started_at, c.scheduled_for) end asc,
                c.listeners desc, c.id
       limit ?`,
      [viewer.profileId, viewer.profileId, new Date(now.getTime() + UPCOMING_WINDOW_MS), ...mayJoin.params, ...notHidden.params, viewer.profileId, first],
    );
    const rooms = new Map((await em.find(RoomEntity, { id: { $in: rows.map((row) => row.id) } })).map((room) => [room.id, room]));
    const items = rows.flatMap((row, position): Recommendation[] => {
      const room = rooms.get(row.id);
      if (!room) return [];
      const reasons = [
        ...(row.in_group ? ['In one of your groups'] : []),
        ...(row.followed ? ['Hosted by someone you follow'] : []),
        ...(!row.in_group && !row.followed ? [`Popular: ${row.listeners} listening`] : []),
        row.status === 'LIVE' ? 'Live now' : 'Starts soon',
      ];
      // Not ranked by the model and not logged as impressions: no exploration, propensity 1.
      return [{ room, score: 1 - position / rows.length, reasons, propensity: 1, exploration: false }];
    });
    return { requestId: randomUUID(), modelVersion: NOT_PERSONALISED_VERSION, items, mode: FeedMode.NotPersonalised };
  }

  /**
   * The one exploration step between ranking and serving: the model's order (propensity 1), or,
   * for the slice, its top N shuffled uniformly (propensity 1/N each; see libs/ranking).
   */
  private place(ranked: readonly Omit<Recommendation, 'propensity' | 'exploration'>[], topN: number | undefined): Recommendation[] {
    const placed: ServedPlacement<Omit<Recommendation, 'propensity' | 'exploration'>>[] =
      topN === undefined ? deterministicPlacement(ranked) : explorationPlacement(ranked, topN, this.random);
    return placed.map(({ item, propensity, exploration }) => ({ ...item, propensity, exploration }));
  }

  private async rank(request: RankRequest): Promise<RankResponse> {
    try {
      const response = await fetch(new URL('/v1/rank', this.settings.recommenderUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (!response.ok) throw new Error(`recommender answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
      const body = (await response.json()) as RankResponse;
      if (typeof body.modelVersion !== 'string' || !Array.isArray(body.items)) throw new Error('recommender answered an unexpected body');
      return body;
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.logger.warn(
        { rankingRequestId: request.requestId, recommenderUrl: this.settings.recommenderUrl, reason },
        'recommender unavailable; ranking with the fallback heuristic',
      );
      return heuristicRank(request);
    }
  }

  private async loadViewer(em: EntityManager, profileId: string): Promise<RankViewer> {
    const [profile, following, groups, history] = await Promise.all([
      em.findOne(ProfileEntity, { id: profileId }),
      em.execute<{ id: string }[]>(`select followee_id as id from follows where follower_id = ? limit 5000`, [profileId]),
      em.execute<{ id: string }[]>(`select group_id as id from group_members where profile_id = ?`, [profileId]),
      em.execute<{ topic: string; seconds: string; joins: string }[]>(
        `select t.topic, sum(ri.seconds_listened) as seconds, count(*) as joins
           from room_interactions ri join rooms r on r.id = ri.room_id, unnest(r.topics) as t(topic)
          where ri.profile_id = ? and ri.last_joined_at > now() - make_interval(days => ?)
          group by t.topic`,
        [profileId, HISTORY_DAYS],
      ),
    ]);
    return {
      id: profileId,
      skills: profile?.skills ?? [],
      interests: profile?.interests ?? [],
      industry: profile?.industry ?? null,
      seniority: seniorityOf(profile?.seniority ?? null),
      followingIds: following.map((row) => row.id),
      groupIds: groups.map((row) => row.id),
      history: history.map((row) => ({ topicSlug: row.topic, seconds: Number(row.seconds), joins: Number(row.joins) })),
    };
  }

  /** LIVE rooms and rooms starting within 24 hours that the viewer may join, as raw entities. */
  private async loadCandidates(em: EntityManager, viewer: RankViewer, now: Date): Promise<RankCandidate[]> {
    // The access policy's JOIN, standing rules (belongs, not banned, not blocked by the host, not suspended).
    const mayJoin = roomsViewerMayJoinSql(viewer.id, now);
    // "Not interested": hidden rooms, hosts and topics are never candidates (so limits stay right).
    const notHidden = roomsNotHiddenSql(viewer.id);
    const rows = await em.execute<CandidateRoomRow[]>(
      `select r.id, r.title, r.topics, r.status, r.started_at, r.scheduled_for, r.group_id, r.host_id from rooms r
        where (r.status = 'LIVE' or (r.status = 'SCHEDULED' and r.scheduled_for <= ?))
          and ${mayJoin.sql}
          and ${notHidden.sql}
          and not exists (select 1 from participants p where p.room_id = r.id and p.profile_id = ? and p.left_at is null)
        order by (r.status = 'LIVE') desc, coalesce(r.started_at, r.scheduled_for) desc, r.id
        limit ?`,
      [new Date(now.getTime() + UPCOMING_WINDOW_MS), ...mayJoin.params, ...notHidden.params, viewer.id, this.settings.maxCandidates],
    );
    if (rows.length === 0) return [];
    const ids = uuidArray(rows.map((row) => row.id));
    const [stage, counts, followed, groups] = await Promise.all([
      em.execute<{ room_id: string; profile_id: string }[]>(
        `select room_id, profile_id from participants
          where room_id = any(?::uuid[]) and left_at is null and role in (${[...STAGE_ROLES].map(() => '?').join(', ')})
          order by stage_since, id`,
        [ids, ...STAGE_ROLES],
      ),
      // The listener counters the command pipeline keeps on the room's stream row.
      em.execute<{ room_id: string; listeners: string }[]>(`select room_id, listener_count as listeners from room_streams where room_id = any(?::uuid[])`, [ids]),
      em.execute<{ room_id: string; profile_id: string; display_name: string }[]>(
        `select p.room_id, p.profile_id, pr.display_name from participants p
           join follows f on f.followee_id = p.profile_id and f.follower_id = ?
           join profiles pr on pr.id = p.profile_id
          where p.room_id = any(?::uuid[]) and p.left_at is null and p.role = ?`,
        [viewer.id, ids, ParticipantRole.Listener],
      ),
      em.execute<{ id: string; name: string }[]>(
        `select g.id, g.name from groups g where g.id in (select group_id from rooms where id = any(?::uuid[]) and group_id is not null)`,
        [ids],
      ),
    ]);
    const personIds = new Set<string>(rows.map((room) => room.host_id));
    for (const row of stage) personIds.add(row.profile_id);
    const people = new Map(
      (
        await em.execute<PersonRow[]>(
          `select id, display_name, skills, industry, seniority, follower_count from profiles where id = any(?::text[])`,
          [textArray([...personIds])],
        )
      ).map((row) => [row.id, toRankPerson(row)]),
    );
    const stageByRoom = groupBy(stage, (row) => row.room_id);
    const followedByRoom = groupBy(followed, (row) => row.room_id);
    const listeners = new Map(counts.map((row) => [row.room_id, Number(row.listeners)]));
    const groupNames = new Map(groups.map((row) => [row.id, row.name]));
    return rows.flatMap((room): RankCandidate[] => {
      const host = people.get(room.host_id);
      if (!host) return [];
      const followedHere = followedByRoom.get(room.id) ?? [];
      return [
        {
          id: room.id,
          title: room.title,
          topics: room.topics,
          status: room.status === 'LIVE' ? 'LIVE' : 'SCHEDULED',
          startedAt: room.started_at ? new Date(room.started_at).toISOString() : null,
          scheduledFor: room.scheduled_for ? new Date(room.scheduled_for).toISOString() : null,
          groupId: room.group_id,
          groupName: room.group_id ? groupNames.get(room.group_id) ?? null : null,
          host,
          stage: (stageByRoom.get(room.id) ?? []).flatMap((row) => people.get(row.profile_id) ?? []),
          listenerCount: listeners.get(room.id) ?? 0,
          followedListenerIds: followedHere.map((row) => row.profile_id),
          followedListenerNames: followedHere.map((row) => row.display_name),
        },
      ];
    });
  }

  private async logImpressions(
    em: EntityManager,
    request: RankRequest,
    modelVersion: string,
    items: readonly Recommendation[],
    candidates: readonly RankCandidate[],
    now: Date,
  ): Promise<void> {
    if (items.length === 0) return;
    const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
    const values: unknown[] = [];
    items.forEach((item, position) => {
      values.push(
        request.requestId,
        now,
        request.viewer.id,
        item.room.id,
        position,
        item.score,
        modelVersion,
        JSON.stringify(request.viewer),
        JSON.stringify(byId.get(item.room.id) ?? null),
        item.propensity,
        item.exploration,
      );
    });
    try {
      await em.execute(
        `insert into ranking_impressions (request_id, served_at, viewer_id, room_id, position, score, model_version, viewer, candidate, propensity, exploration)
         values ${items.map(() => '(?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)').join(', ')}`,
        values,
      );
    } catch (error) {
      // Losing a log line must never cost the viewer their recommendations.
      this.logger.error({ err: error, rankingRequestId: request.requestId }, 'logging impressions failed');
    }
  }
}

function seniorityOf(value: string | null): Seniority | null {
  return value && isSeniority(value) ? value : null;
}

interface CandidateRoomRow {
  id: string;
  title: string;
  topics: string[];
  status: string;
  started_at: Date | string | null;
  scheduled_for: Date | string | null;
  group_id: string | null;
  host_id: string;
}

interface PersonRow {
  id: string;
  display_name: string;
  skills: string[];
  industry: string | null;
  seniority: string | null;
  follower_count: number;
}

function toRankPerson(row: PersonRow): RankPerson {
  return {
    id: row.id,
    displayName: row.display_name,
    skills: row.skills,
    industry: row.industry,
    seniority: seniorityOf(row.seniority),
    followerCount: row.follower_count,
  };
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row));
    if (list) list.push(row);
    else map.set(keyOf(row), [row]);
  }
  return map;
}
