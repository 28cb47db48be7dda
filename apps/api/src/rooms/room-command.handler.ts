import { type EntityManager } from '@mikro-orm/postgresql';
import {
  decide,
  isAudienceDecision,
  mayBeAudienceCommand,
  roomCommandOperation,
  type Decision,
  type RoomCommand,
  type RoomEvent,
  type RoomState,
} from '@roundtable/domain';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { notFound } from '../common/api-error';
import { parseUuid } from '../common/ids';
import type { RoomEventMessage } from '../events/room-event-message';
import { RoomAccessPolicy } from './access/room-access.policy';
import { DeferredWrites } from './deferred-writes';
import { GroupCommitQueue, type Settled } from './group-commit-queue';
import { type ParticipantEntity, type RoomEntity, RoomStreamEntity } from './room.entity';
import { type CommandTier, type LockedRoom, type RoomRepository } from './room.repository';

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
  /** Multi-row writes issued once at the end of the transaction (shared by a batch's commands). */
  readonly deferred: DeferredWrites;
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
 * A rule outside the room's own (`decide`) and the access policy's that may refuse a command
 * before it runs: for example trust and safety's stage holds. Runs inside the command's transaction,
 * after the command's locks are taken and access is checked, so it sees what the command would see.
 * Refuses by throwing a contract error; returns normally to let the command through.
 */
export interface CommandGuard {
  readonly name: string;
  check(input: { readonly tx: EntityManager; readonly room: RoomEntity; readonly viewer: AuthenticatedViewer; readonly command: RoomCommand }): Promise<void>;
  /**
   * Optional: the same rule for a batch of audience commands of one room, in one round trip.
   * Returns, in order, the refusal `check` would have thrown for each command, or null. Without
   * it, the batch calls `check` once per command.
   */
  checkMany?(input: {
    readonly tx: EntityManager;
    readonly room: RoomEntity;
    readonly commands: readonly { readonly viewer: AuthenticatedViewer; readonly command: RoomCommand }[];
  }): Promise<readonly (Error | null)[]>;
}

export interface RoomCommandHandlerDeps {
  readonly repository: RoomRepository;
  /**
   * Who may give each command: the room access policy. The pipeline checks the standing rules of
   * the command's operation (`roomCommandOperation`: visible, belongs, not banned, not blocked by
   * the host, not suspended, staff) with the viewer's relation gathered in one statement; `decide`
   * checks the position rules (live, in the room, on stage, moderating, hosting). Default: a
   * policy on the system clock.
   */
  readonly access?: RoomAccessPolicy;
  /** Checked in order before `decide`; the first refusal wins. */
  readonly guards?: readonly CommandGuard[];
  /** Applied in order; later projections see what earlier ones wrote into `rows`. */
  readonly projections: readonly RoomProjection[];
  readonly effects: readonly AfterCommitEffect[];
  readonly logger: Logger;
  readonly now?: () => Date;
  /**
   * At most this many audience commands (joins, leaves) of one room share one transaction
   * (group commit; default {@link DEFAULT_AUDIENCE_BATCH_MAX}). 1 turns group commit off.
   */
  readonly audienceBatchMax?: number;
}

/**
 * The {@link RoomChange} the projections see for one accepted decision: the same shape for a
 * command alone and for each command of a group-commit batch (which share `deferred`).
 */
function roomChangeOf(input: {
  readonly tx: EntityManager;
  readonly room: RoomEntity;
  readonly stream: RoomStreamEntity;
  readonly before: RoomState;
  readonly decision: Decision;
  readonly rows: Map<string, ParticipantEntity>;
  readonly actorId: string;
  readonly now: Date;
  readonly deferred: DeferredWrites;
}): RoomChange {
  const { decision, ...rest } = input;
  return { ...rest, after: decision.state, events: decision.events, departed: new Map(), messages: [] };
}

/** Audience commands of one room per transaction, at most (see `docs/scaling.md`). */
export const DEFAULT_AUDIENCE_BATCH_MAX = 500;

/** One audience command waiting for its room's next batch. */
interface AudienceEntry {
  readonly em: EntityManager;
  readonly viewer: AuthenticatedViewer;
  readonly command: RoomCommand;
}

/** A batch's answer for one command: its outcome, or "run me as a stage command". */
type AudienceResult = CommandOutcome | typeof RUN_AS_STAGE;
const RUN_AS_STAGE = Symbol('run as a stage command');

/** An audience attempt decided something beyond the audience: run it again as a stage command. */
class StageTierRequired extends Error {
  override readonly name = 'StageTierRequired';
}

/**
 * The room command pipeline: (1) lock, (2) check the access policy's standing rules for the
 * command's operation and the guards, run the pure rules (`decide`: the policy's position rules,
 * then the room's state rules), (3) hand the events to the projections in the same transaction, (4) commit, (5) run
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
  private readonly access: RoomAccessPolicy;
  private readonly audienceBatches: GroupCommitQueue<AudienceEntry, AudienceResult>;

  constructor(private readonly deps: RoomCommandHandlerDeps) {
    this.now = deps.now ?? (() => new Date());
    this.access = deps.access ?? new RoomAccessPolicy(this.now);
    this.audienceBatches = new GroupCommitQueue((roomId, entries) => this.runAudienceBatch(roomId, entries), deps.audienceBatchMax ?? DEFAULT_AUDIENCE_BATCH_MAX);
  }

  async handleCommand(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, command: RoomCommand): Promise<CommandOutcome> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    if (mayBeAudienceCommand(command)) {
      // Group commit: joins and leaves of one room that arrive together share one transaction.
      const result = await this.audienceBatches.submit(roomId, { em, viewer, command });
      if (result !== RUN_AS_STAGE) return result;
    }
    const outcome = await this.decideAndProject(em, viewer, roomId, command, 'stage');
    await this.runEffects(roomId, outcome);
    return outcome;
  }

  /** Audience commands of the room waiting for its next batch (the one in flight not counted). */
  queuedAudienceCommands(roomId: string): number {
    return this.audienceBatches.waiting(roomId);
  }

  /** Step (5); an effect's failure is logged, never thrown. */
  private async runEffects(roomId: string, outcome: CommandOutcome): Promise<void> {
    for (const effect of this.deps.effects) {
      try {
        await effect.run(outcome);
      } catch (error) {
        // Committed is committed: subscribers fill gaps from room_events, media converges later.
        this.deps.logger.error({ err: error, effect: effect.name, roomId }, 'after-commit effect failed');
      }
    }
  }

  /**
   * One batch of audience commands of one room (group commit, issue 14 §3): steps (1) to (4) in
   * one transaction for all of them, then step (5) once with their events in version order.
   * If the batch's transaction fails as a whole (a database error, not a refusal), each command
   * runs again alone, so every caller still gets its own answer.
   */
  private async runAudienceBatch(roomId: string, entries: readonly AudienceEntry[]): Promise<Settled<AudienceResult>[]> {
    let decided: DecidedBatch;
    try {
      decided = await this.decideAudienceBatch(roomId, entries);
    } catch (error) {
      if (entries.length === 1) return [{ ok: false, error }];
      return Promise.all(entries.map((entry) => this.runAlone(roomId, entry)));
    }
    if (decided.messages.length > 0 && decided.locked) {
      const { room, stream } = decided.locked;
      await this.runEffects(roomId, { room, stream, participants: decided.rows, messages: decided.messages });
    }
    return decided.results;
  }

  /** One audience command in a transaction of its own (the fallback of a failed batch). */
  private async runAlone(roomId: string, { em, viewer, command }: AudienceEntry): Promise<Settled<AudienceResult>> {
    try {
      const outcome = await this.decideAndProject(em, viewer, roomId, command, 'audience');
      await this.runEffects(roomId, outcome);
      return { ok: true, value: outcome };
    } catch (error) {
      if (error instanceof StageTierRequired) return { ok: true, value: RUN_AS_STAGE };
      return { ok: false, error };
    }
  }

  /**
   * Steps (1) to (4) for a batch of audience commands, in one transaction holding only the
   * stream row: each command's access, guards and `decide` in arrival order against the state
   * the commands before it left (so each gets the versions right after theirs, and its own
   * refusal, which changes nothing for the others); projections per accepted command; one
   * flush (multi-row inserts), one stream-row update, one commit. A command whose decision is
   * more than an audience change is left out (state unchanged) and answered RUN_AS_STAGE.
   */
  private decideAudienceBatch(roomId: string, entries: readonly AudienceEntry[]): Promise<DecidedBatch> {
    const results: Settled<AudienceResult>[] = entries.map(() => ({ ok: false, error: notFound('Room') }));
    const [first] = entries;
    if (!first) return Promise.resolve({ results, locked: null, rows: new Map(), messages: [] });
    return first.em.fork().transactional(async (tx): Promise<DecidedBatch> => {
      const locked = await this.deps.repository.lockForCommand(tx, roomId, 'audience');
      if (!locked) return { results, locked: null, rows: new Map(), messages: [] };
      const { room, stream } = locked;
      // Indices of the commands not refused so far; each refusal settles its command alone.
      const open = new Set(entries.keys());
      const refuse = (index: number, error: unknown) => {
        results[index] = { ok: false, error };
        open.delete(index);
      };
      const stillOpen = () => [...entries.entries()].filter(([index]) => open.has(index));
      const relations = await this.access.relationsOf(
        tx,
        room.id,
        entries.map((entry) => entry.viewer),
      );
      entries.forEach(({ viewer, command }, index) => {
        const found = relations.get(viewer.profileId);
        const refusal = found ? this.access.standingRefusal(roomCommandOperation(command), found) : notFound('Room');
        if (refusal) refuse(index, refusal);
      });
      for (const guard of this.deps.guards ?? []) {
        const checked = stillOpen();
        if (checked.length === 0) break;
        const refusals = await this.checkGuard(
          guard,
          tx,
          room,
          checked.map(([, entry]) => entry),
        );
        checked.forEach(([index], at) => {
          const refusal = refusals[at] ?? null;
          if (refusal !== null) refuse(index, refusal);
        });
      }
      const loaded = await this.deps.repository.loadState(tx, locked, [...new Set(stillOpen().map(([, entry]) => entry.command.actorId))]);
      const { rows } = loaded;
      let state = loaded.state;
      const messages: RoomEventMessage[] = [];
      const deferred = new DeferredWrites();
      for (const [index, { command }] of stillOpen()) {
        const now = this.now();
        let decision: Decision;
        try {
          decision = decide(state, command, now);
        } catch (error) {
          results[index] = { ok: false, error };
          continue;
        }
        if (!isAudienceDecision(state, decision)) {
          results[index] = { ok: true, value: RUN_AS_STAGE };
          continue;
        }
        const change = roomChangeOf({ tx, room, stream, before: state, decision, rows, actorId: command.actorId, now, deferred });
        for (const projection of decision.events.length > 0 ? this.deps.projections : []) await projection.project(change);
        state = decision.state;
        // Assignments only (flushed once at commit), so each answer below reads its own version.
        this.deps.repository.saveRoomState(locked, state);
        messages.push(...change.messages);
        const own = rows.get(command.actorId);
        results[index] = {
          ok: true,
          value: {
            room,
            // The head as this command left it; later commands of the batch move the shared one.
            stream: streamHead(stream),
            participants: new Map(own ? [[command.actorId, own]] : []),
            messages: change.messages,
          },
        };
      }
      await deferred.flush(tx);
      return { results, locked, rows, messages };
    });
  }

  /** A guard's refusals for `entries`, in order: one round trip when it has `checkMany`. */
  private async checkGuard(guard: CommandGuard, tx: EntityManager, room: RoomEntity, entries: readonly AudienceEntry[]): Promise<readonly (unknown | null)[]> {
    if (guard.checkMany) return guard.checkMany({ tx, room, commands: entries });
    const refusals: unknown[] = [];
    for (const { viewer, command } of entries) {
      try {
        await guard.check({ tx, room, viewer, command });
        refusals.push(null);
      } catch (error) {
        refusals.push(error);
      }
    }
    return refusals;
  }

  /** Steps (1) to (4) in one transaction, holding the locks of `tier`. */
  private decideAndProject(em: EntityManager, viewer: AuthenticatedViewer, roomId: string, command: RoomCommand, tier: CommandTier): Promise<CommandOutcome> {
    return em.transactional(async (tx): Promise<CommandOutcome> => {
      const locked = await this.deps.repository.lockForCommand(tx, roomId, tier);
      if (!locked) throw notFound('Room');
      const { room, stream } = locked;
      const found = (await this.access.relationsOf(tx, room.id, [viewer])).get(viewer.profileId);
      const refusal = found ? this.access.standingRefusal(roomCommandOperation(command), found) : notFound('Room');
      if (refusal) throw refusal;
      for (const guard of this.deps.guards ?? []) await guard.check({ tx, room, viewer, command });
      const { state, rows } = await this.deps.repository.loadState(tx, locked, namedProfiles(command));
      const now = this.now();
      const decision = decide(state, command, now);
      if (tier === 'audience' && !isAudienceDecision(state, decision)) throw new StageTierRequired();
      const change = roomChangeOf({ tx, room, stream, before: state, decision, rows, actorId: command.actorId, now, deferred: new DeferredWrites() });
      if (decision.events.length > 0) {
        for (const projection of this.deps.projections) await projection.project(change);
        await change.deferred.flush(tx);
        this.deps.repository.saveRoomState(locked, decision.state);
      }
      return { room, stream, participants: rows, messages: change.messages };
    });
  }
}

/** What {@link RoomCommandHandler.decideAudienceBatch} hands to the effects and the callers. */
interface DecidedBatch {
  readonly results: Settled<AudienceResult>[];
  /** Null when the room does not exist (every command was answered NOT_FOUND). */
  readonly locked: LockedRoom | null;
  readonly rows: Map<string, ParticipantEntity>;
  /** Every accepted command's events, in version order. */
  readonly messages: readonly RoomEventMessage[];
}

/** A detached copy of the stream head's figures, for one command's answer. */
function streamHead(stream: RoomStreamEntity): RoomStreamEntity {
  return Object.assign(new RoomStreamEntity(), {
    roomId: stream.roomId,
    version: stream.version,
    listenerCount: stream.listenerCount,
    participantCount: stream.participantCount,
  });
}

function namedProfiles(command: RoomCommand): string[] {
  return 'targetId' in command ? [command.actorId, command.targetId] : [command.actorId];
}
