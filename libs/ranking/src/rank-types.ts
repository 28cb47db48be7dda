import type { Seniority } from '@roundtable/domain';

/** Listening the viewer did recently in rooms tagged with one topic (from the interaction log). */
export interface RankHistoryEntry {
  /** Topic slug from the domain taxonomy. */
  readonly topicSlug: string;
  /** Seconds listened in rooms with this topic over the history window. */
  readonly seconds: number;
  /** Number of rooms with this topic the viewer joined over the history window. */
  readonly joins: number;
}

/** The viewer a list is ranked for, as raw entities (the recommender derives every feature itself). */
export interface RankViewer {
  readonly id: string;
  /** Free-text skills as stored on the profile; normalised with the domain's `skillKey`. */
  readonly skills: readonly string[];
  /** Topic slugs the viewer follows. */
  readonly interests: readonly string[];
  /** Industry slug, or null when the profile does not say. */
  readonly industry: string | null;
  readonly seniority: Seniority | null;
  /** Profile ids the viewer follows. */
  readonly followingIds: readonly string[];
  /** Group ids the viewer is a member of. */
  readonly groupIds: readonly string[];
  /** Recent listening by topic. */
  readonly history: readonly RankHistoryEntry[];
}

/** A person on a room's stage (the host is one too). */
export interface RankPerson {
  readonly id: string;
  readonly displayName: string;
  readonly skills: readonly string[];
  readonly industry: string | null;
  readonly seniority: Seniority | null;
  readonly followerCount: number;
}

/** Lifecycle states a candidate may be in; ended rooms are never candidates. */
export type RankCandidateStatus = 'LIVE' | 'SCHEDULED';

/** A room the viewer may join, as raw entities. */
export interface RankCandidate {
  readonly id: string;
  readonly title: string;
  /** Topic slugs the room is tagged with. */
  readonly topics: readonly string[];
  readonly status: RankCandidateStatus;
  /** ISO timestamp; set for LIVE rooms. */
  readonly startedAt: string | null;
  /** ISO timestamp; set for SCHEDULED rooms. */
  readonly scheduledFor: string | null;
  readonly groupId: string | null;
  readonly groupName: string | null;
  readonly host: RankPerson;
  /** Speakers on stage other than the host (the host may be repeated; it is ignored). */
  readonly stage: readonly RankPerson[];
  /** Current listeners (0 for scheduled rooms). */
  readonly listenerCount: number;
  /** Ids of current listeners the viewer follows; the API fills it. */
  readonly followedListenerIds?: readonly string[];
  /**
   * Display names for {@link followedListenerIds}, same order, when the caller has them. Reasons
   * name a single followed listener ("Ada Lovelace, whom you follow, is listening"); features
   * never read it.
   */
  readonly followedListenerNames?: readonly string[];
}

/** Body of `POST /v1/rank`. */
export interface RankRequest {
  readonly viewer: RankViewer;
  readonly candidates: readonly RankCandidate[];
  /** ISO timestamp the request is ranked at, so ranking is reproducible. */
  readonly now: string;
  /** How many items to return; default {@link DEFAULT_RANK_LIMIT}. */
  readonly limit?: number;
  /** Correlates the response with impression logs. */
  readonly requestId?: string;
}

/** One ranked room. */
export interface RankedItem {
  readonly roomId: string;
  /** Model score (a join probability for shipped models); higher is better. */
  readonly score: number;
  /** Human-readable reasons, most important first (may be empty). */
  readonly reasons: readonly string[];
}

/** Response of `POST /v1/rank`: best first. */
export interface RankResponse {
  /** The model that scored the list, or {@link HEURISTIC_MODEL_VERSION} for the fallback. */
  readonly modelVersion: string;
  readonly items: readonly RankedItem[];
}

/** Items returned when a request does not say. */
export const DEFAULT_RANK_LIMIT = 20;

/** `modelVersion` of responses produced by {@link heuristicRank}. */
export const HEURISTIC_MODEL_VERSION = 'fallback:heuristic';
