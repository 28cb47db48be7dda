import type { EntityManager } from '@mikro-orm/postgresql';
import { RoomOperation } from '@roundtable/domain';

import { PerAccountLimiter } from '../admission/per-account-limiter';
import type { AuthenticatedViewer } from '../auth/authenticator';
import { parseUuid } from '../common/ids';
import type { RoomAccessPolicy } from '../rooms/access/room-access.policy';
import type { ConversationFeed, Reaction } from './conversation-feed';
import type { ReactionTally } from './reaction-tally';

/** The window of REACTIONS_PER_10S, in ms. */
export const REACTION_WINDOW_MS = 10_000;

export interface ReactionsDeps {
  readonly access: RoomAccessPolicy;
  readonly feed: ConversationFeed;
  /** Reactions one person's calls count per {@link REACTION_WINDOW_MS} on this instance (REACTIONS_PER_10S). */
  readonly perWindow: number;
  /** The durable count per room and kind (`room_reaction_counts`), for host insights. */
  readonly tally: ReactionTally;
}

/**
 * `react`: a reaction is counted into its room's next tick, never one frame per tap. Each person's
 * reactions beyond their rate are dropped and not counted, without an error (the contract's
 * "dropped, not refused": a client tapping fast is not misbehaving). The rate is per API instance
 * (rate-limiter-flexible in memory): behind a balancer a person may be counted up to once per
 * instance they reach, still a bounded number of frames' worth of nothing, since ticks carry counts.
 */
export class ReactionsService {
  private readonly limiter: PerAccountLimiter;

  constructor(private readonly deps: ReactionsDeps) {
    this.limiter = new PerAccountLimiter({
      name: 'reactions',
      points: deps.perWindow,
      windowMs: REACTION_WINDOW_MS,
      // Never shown: reactions over the rate are dropped, not refused.
      refusal: () => 'Too many reactions',
    });
  }

  /**
   * Counts one reaction of the viewer in the room's next tick.
   * @returns true when counted; false when dropped (the viewer is over REACTIONS_PER_10S).
   * @throws DomainError as the access policy's REACT refuses (ROOM_NOT_FOUND, BANNED,
   *   NOT_A_PARTICIPANT, ROOM_NOT_LIVE, ...), whatever the rate; BAD_USER_INPUT for a roomId that is not a UUID.
   */
  async react(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, reaction: Reaction): Promise<boolean> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    await this.deps.access.require(em, viewer, roomId, RoomOperation.React);
    if (!(await this.limiter.tryConsume(viewer.profileId))) return false;
    this.deps.feed.record(roomId, { kind: 'reaction', reaction, profileId: viewer.profileId });
    this.deps.tally.add(roomId, reaction);
    return true;
  }
}
