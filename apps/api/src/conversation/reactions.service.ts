import type { EntityManager } from '@mikro-orm/postgresql';
import { RoomOperation } from '@roundtable/domain';

import type { PerAccountLimit, PerAccountLimiter } from '../admission/per-account-limiter';
import type { AuthenticatedViewer } from '../auth/authenticator';
import { parseUuid } from '../common/ids';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import type { ConversationFeed, Reaction } from './conversation-feed';
import type { ReactionTally } from './reaction-tally';

/** The window of REACTIONS_PER_10S, in ms. */
export const REACTION_WINDOW_MS = 10_000;

/** Each person's reactions per {@link REACTION_WINDOW_MS} (REACTIONS_PER_10S), for `RateLimits.perAccount`. */
export function reactionRateLimit(perWindow: number): PerAccountLimit {
  // Never shown: reactions over the rate are dropped, not refused.
  return { name: 'reactions', points: perWindow, windowMs: REACTION_WINDOW_MS, refusal: () => 'Too many reactions' };
}

export interface ReactionsDeps {
  readonly access: RoomAccessPolicy;
  readonly feed: ConversationFeed;
  /** Counts each person's reactions (`reactionRateLimit`: REACTIONS_PER_10S per {@link REACTION_WINDOW_MS}). */
  readonly limiter: PerAccountLimiter;
  /** The durable count per room and kind (`room_reaction_counts`), for host insights. */
  readonly tally: ReactionTally;
}

/**
 * `react`: a reaction is counted into its room's next tick, never one frame per tap. Each person's
 * reactions beyond their rate are dropped and not counted, without an error (the contract's
 * "dropped, not refused": a client tapping fast is not misbehaving). The rate is counted where the
 * API's budgets are (Redis when there is one: once for every instance a person reaches).
 */
export class ReactionsService {
  constructor(private readonly deps: ReactionsDeps) {}

  /**
   * Counts one reaction of the viewer in the room's next tick.
   * @returns true when counted; false when dropped (the viewer is over REACTIONS_PER_10S).
   * @throws DomainError as the access policy's REACT refuses (ROOM_NOT_FOUND, BANNED,
   *   NOT_A_PARTICIPANT, ROOM_NOT_LIVE, ...), whatever the rate; BAD_USER_INPUT for a roomId that is not a UUID.
   */
  async react(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, reaction: Reaction): Promise<boolean> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    await this.deps.access.require(em, viewer, roomId, RoomOperation.React);
    if (!(await this.deps.limiter.tryConsume(viewer.profileId))) return false;
    this.deps.feed.record(roomId, { kind: 'reaction', reaction, profileId: viewer.profileId });
    this.deps.tally.add(roomId, reaction);
    return true;
  }
}
