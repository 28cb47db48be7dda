import { type EntityManager } from '@mikro-orm/postgresql';
import {
  canSeeRoom,
  decide,
  DomainError,
  isAudienceDecision,
  joinRefusal,
  joinRefusalMessage,
  mayBeAudienceCommand,
  type RoomCommand,
  type RoomEvent,
  type RoomState,
} from '@roundtable/domain';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { notFound } from '../common/api-error';
import { parseUuid } from '../common/ids';
import type { RoomEventMessage } from '../events/room-event-message';
import type { ParticipantEntity, RoomEntity, RoomStreamEntity } from './room.entity';
import { type CommandTier, type RoomRepository } from './room.repository';
import { asDomainViewer, roomAccessFacts } from './room-visibility';

/** What projections see of one accepted command, inside its transaction. */
export interface RoomChange {
  readonly tx: EntityManager;
  /** Locked for a stage command; read without a lock (and left unchanged) by an audience command. */
  readonly room: RoomEntity;
  /** The room's stream head (version, counters), locked by every command. */
  readonly stream: RoomStreamEntity;
  readonly before: RoomState;
  readonly after: RoomState;
  readonly events: readonly RoomEvent[];
  /** Active participant rows by profile id; the participant projection keeps it current. */
  readonly rows: Map<string, ParticipantEntity>;
  /** Rows of those who left or were removed by this command, by profile id (as they were). */
  readonly departed: Map<string, ParticipantEntity>;
  readonly actorId: string;
  readonly now: Date;
  /** The stored form of each event, appended by the event log projection. */
  readonly messages: RoomEventMessage[];
}

/** Writes what a command changed into one read model, in the command's transaction. */
export interface RoomProjection {
  readonly name: string;
  project(change: RoomChange): Promise<void>;
}

/** What a committed command produced. */
export interface CommandOutcome {
  readonly room: RoomEntity;
  /** The room's stream head as this command left it (its version is the command's last event's). */
  readonly stream: RoomStreamEntity;
  /** Active participant rows after the command, by profile id (stage + the profiles it named). */
  readonly participants: ReadonlyMap<string, ParticipantEntity>;
  readonly messages: readonly RoomEventMessage[];
}

/** Runs after commit (publish to the bus, …). Its failure never fails the committed command. */
export interface AfterCommitEffect {
  readonly name: string;
  run(outcome: CommandOutcome): Promise<void>;
}

/**
 * A rule outside the room's own (`decide`) that may refuse a command before it runs: for example
 * trust and safety's suspensions, blocks and stage holds. Runs inside the command's transaction,
 * after the command's locks are taken and access is checked, so it sees what the command would see.
 * Refuses by throwing a contract error; returns normally to let the command through.
 */
export interface CommandGuard {
  readonly name: string;
  check(input: { readonly tx: EntityManager; readonly room: RoomEntity; readonly viewer: AuthenticatedViewer; readonly command: RoomCommand }): Promise<void>;
}

export interface RoomCommandHandlerDeps {
  readonly repository: RoomRepository;
  /** Checked in order before `decide`; the first refusal wins. */
  readonly guards?: readonly CommandGuard[];
  /** Applied in order; later projections see what earlier ones wrote into `rows`. */
  readonly projections: readonly RoomProjection[];
  readonly effects: readonly AfterCommitEffect[];
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** An audience attempt decided something beyond the audience: run it again as a stage command. */
class StageTierRequired extends Error {
  override readonly name = 'StageTierRequired';
}

/**
 * The room command pipeline: (1) lock, (2) check access and guards, run the pure rules
 * (`decide`), (3) hand the events to the projections in the same transaction, (4) commit, (5) run
 * the after-commit effects.
 *
 * Locks (issue 9; `RoomRepository.lockForCommand`): a stage command locks the room row and then
 * the room's stream row (`room_streams`); an audience command (a listener joining or leaving)
 * locks only the stream row, so a storm of joins never queues behind the room row. Every command
 * holds the stream row, so concurrent commands on one room are totally ordered: the stage limit,
 * the single host and bans hold under any interleaving, versions never skip or repeat, and the
 * counters stay exact. Joining and leaving are tried as audience commands; when the decision is
 * more than an audience change (a speaker or the host leaving, the host rejoining), the attempt
 * is rolled back and the command runs again as a stage command, since taking the room lock
 * after the stream lock would invert the lock order (rooms → room_streams).
 */
export class RoomCommandHandler {
  private readonly now: () => Date;

  constructor(private readonly deps: RoomCommandHandlerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async handleCommand(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, command: RoomCommand): Promise<CommandOutcome> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    let outcome: CommandOutcome;
    try {
      outcome = await this.decideAndProject(em, viewer, roomId, command, mayBeAudienceCommand(command) ? 'audience' : 'stage');
    } catch (error) {
      if (!(error instanceof StageTierRequired)) throw error;
      outcome = await this.decideAndProject(em, viewer, roomId, command, 'stage');
    }
    for (const effect of this.deps.effects) {
      try {
        await effect.run(outcome);
      } catch (error) {
        // Committed is committed: subscribers fill gaps from room_events, media converges later.
        this.deps.logger.error({ err: error, effect: effect.name, roomId }, 'after-commit effect failed');
      }
    }
    return outcome;
  }

  /** Steps (1) to (4) in one transaction, holding the locks of `tier`. */
  private decideAndProject(em: EntityManager, viewer: AuthenticatedViewer, roomId: string, command: RoomCommand, tier: CommandTier): Promise<CommandOutcome> {
    return em.transactional(async (tx): Promise<CommandOutcome> => {
      const locked = await this.deps.repository.lockForCommand(tx, roomId, tier);
      if (!locked) throw notFound('Room');
      const { room, stream } = locked;
      const facts = await roomAccessFacts(tx, room, viewer.profileId);
      if (!canSeeRoom(facts, asDomainViewer(viewer))) throw notFound('Room');
      if (command.type === 'JoinRoom') {
        const refusal = joinRefusal(facts, asDomainViewer(viewer));
        if (refusal !== null) throw new DomainError(refusal, joinRefusalMessage(refusal));
      }
      for (const guard of this.deps.guards ?? []) await guard.check({ tx, room, viewer, command });
      const { state, rows } = await this.deps.repository.loadState(tx, locked, namedProfiles(command));
      const now = this.now();
      const decision = decide(state, command, now);
      if (tier === 'audience' && !isAudienceDecision(state, decision)) throw new StageTierRequired();
      const change: RoomChange = {
        tx,
        room,
        stream,
        before: state,
        after: decision.state,
        events: decision.events,
        rows,
        departed: new Map(),
        actorId: command.actorId,
        now,
        messages: [],
      };
      if (decision.events.length > 0) {
        for (const projection of this.deps.projections) await projection.project(change);
        this.deps.repository.saveRoomState(locked, decision.state);
      }
      return { room, stream, participants: rows, messages: change.messages };
    });
  }
}

function namedProfiles(command: RoomCommand): string[] {
  return 'targetId' in command ? [command.actorId, command.targetId] : [command.actorId];
}
