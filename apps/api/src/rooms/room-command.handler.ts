import { type EntityManager } from '@mikro-orm/postgresql';
import {
  decide,
  isAudienceDecision,
  mayBeAudienceCommand,
  roomCommandOperation,
  type ChatMode,
  type ConversationSettings,
  type Decision,
  type QuestionCommand,
  type RoomCommand,
  type RoomEvent,
  RoomOperation,
  type RoomState,
} from '@roundtable/domain';
import type { Logger } from 'pino';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { notFound } from '../common/api-error';
import { parseUuid } from '../common/ids';
import type { RoomEventMessage } from '../events/room-event-message';
import { RoomAccessPolicy, type RoomWithRelation } from './access/room-access.policy';
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
  /**
   * The actor's relation to the room as this command left it, for the media grant that follows
   * it (issue 14 §3): the relation the command's own transaction read (with the viewer's display
   * name and last media revocation, `readAt` its read time) with the role of the participant row
   * the command produced. Set only for a join decided in an audience batch in which the viewer
   * gave no other command (nothing else in the batch changed their relation); absent otherwise,
   * and the grant reads the relation itself. A right lost after the read is enforced by its
   * revocation (see `rights-loss-lock.ts`).
   */
  readonly actorRelation?: RoomWithRelation;
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

/** A command of the room's question queue and the access policy operation that guards it. */
export interface QuestionRequest {
  readonly operation: RoomOperation;
  readonly command: QuestionCommand;
}

/** What `updateRoomConversation` asks to change; null leaves a setting as it is. Pinned links replace the room's, already checked. */
export interface ConversationChanges {
  readonly screensQuestions: boolean | null;
  readonly chatMode: ChatMode | null;
  readonly chatSlowModeSeconds: number | null;
  readonly pinnedLinks: readonly { readonly url: string; readonly title: string | null }[] | null;
}

/** A room's conversation settings as its row holds them. */
export function conversationSettingsOf(room: RoomEntity): ConversationSettings {
  return { screensQuestions: room.screensQuestions, chatMode: room.chatMode, chatSlowModeSeconds: room.chatSlowModeSeconds, pinnedLinks: room.pinnedLinks };
}

/** What a {@link CommandFollowUp} sees of one accepted decision, inside its transaction. */
export interface FollowUpInput {
  readonly tx: EntityManager;
  readonly room: RoomEntity;
  readonly before: RoomState;
  /** The decision so far; its state's version is the last version taken. */
  readonly decision: Decision;
  readonly actorId: string;
  readonly now: Date;
  /** The question command given with (or instead of) the room command; null for a room command alone. */
  readonly question: QuestionCommand | null;
}

/**
 * Rules beyond the room's own that a command sets off, in the same transaction and the same
 * version chain (the question queue: a raised hand with a question is a question, a hand lowered
 * ends asking it in person). Writes its own rows and returns its events, numbered on from
 * `decision.state.version` (each `previousVersion` the one before), or none. Refuses by throwing
 * a contract error before writing anything.
 */
export interface CommandFollowUp {
  readonly name: string;
  follow(input: FollowUpInput): Promise<readonly RoomEvent[]>;
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
  /** Run in order after `decide` accepted, before the projections (the question queue). */
  readonly followUps?: readonly CommandFollowUp[];
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

/**
 * What an audience batch's relation read carries besides the relation: what a join's media grant
 * needs (two primary-key lookups per viewer in the same statement), so the grant reads nothing.
 */
const AUDIENCE_RELATION_READ = { withViewerName: true, withMediaRevocation: true } as const;

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

  /**
   * A command of the room's question queue (issue 16), with the room command it comes with, if any
   * (`askQuestion(askInPerson: true)` raises the hand, `answerQuestion(inviteAsker: true)` invites
   * the asker): one transaction and one place in the room's version chain for both. Without a room
   * command it holds only the stream lock, like an audience command, so it never waits on the
   * room row. The viewer must pass the whole row of `question.operation` in the access policy,
   * and the room command's as usual.
   * @throws the access policy's refusal, the room rules' or the question rules' (contract codes).
   */
  async handleQuestionCommand(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    rawRoomId: string,
    question: QuestionRequest,
    command: RoomCommand | null = null,
  ): Promise<CommandOutcome> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    const outcome = await this.decideAndProject(em, viewer, roomId, command, command ? 'stage' : 'audience', question);
    await this.runEffects(roomId, outcome);
    return outcome;
  }

  /**
   * `updateRoomConversation` (issues 16 and 17): host and moderators (`CONFIGURE_CONVERSATION`)
   * change the room's conversation settings (question screening, chat mode, slow mode, pinned
   * links, already checked by the caller; null leaves a setting as it is); a change is one
   * `RoomConversationChanged` carrying every setting in the room's version chain, and setting
   * what is already set changes nothing. Holds the room row (the settings live there) and the
   * stream row.
   * @throws the access policy's refusal (contract codes).
   */
  async handleConversationUpdate(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    rawRoomId: string,
    changes: ConversationChanges,
  ): Promise<CommandOutcome> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    const outcome = await em.transactional(async (tx): Promise<CommandOutcome> => {
      const { locked, found } = await this.lockWithRelation(tx, roomId, 'stage', viewer, []);
      const { room, stream } = locked;
      this.access.assert(RoomOperation.ConfigureConversation, found.relation, found.suspendedUntil);
      const now = this.now();
      const before = conversationSettingsOf(room);
      const pinned = changes.pinnedLinks?.map((link) => {
        // A link pinned before keeps who pinned it and when.
        const kept = before.pinnedLinks.find((old) => old.url === link.url);
        return kept ? { ...kept, title: link.title } : { ...link, pinnedById: viewer.profileId, pinnedAt: now.toISOString() };
      });
      const settings: ConversationSettings = {
        screensQuestions: changes.screensQuestions ?? before.screensQuestions,
        chatMode: changes.chatMode ?? before.chatMode,
        chatSlowModeSeconds: changes.chatSlowModeSeconds ?? before.chatSlowModeSeconds,
        pinnedLinks: pinned ?? before.pinnedLinks,
      };
      if (JSON.stringify(settings) === JSON.stringify(before)) return { room, stream, participants: new Map(), messages: [] };
      room.screensQuestions = settings.screensQuestions;
      room.chatMode = settings.chatMode;
      room.chatSlowModeSeconds = settings.chatSlowModeSeconds;
      room.pinnedLinks = [...settings.pinnedLinks];
      const { state, rows } = await this.deps.repository.loadState(tx, locked, [viewer.profileId]);
      const version = state.version + 1;
      const event: RoomEvent = { type: 'RoomConversationChanged', roomId: room.id, version, previousVersion: state.version, at: now, settings };
      const decision: Decision = { state: { ...state, version }, events: [event] };
      const change = roomChangeOf({ tx, room, stream, before: state, decision, rows, actorId: viewer.profileId, now, deferred: new DeferredWrites() });
      await this.project(change, locked, decision);
      return { room, stream, participants: rows, messages: change.messages };
    });
    await this.runEffects(roomId, outcome);
    return outcome;
  }

  /** The decision with what the follow-ups (the question queue) add to it, in the same version chain. */
  private async followUp(input: FollowUpInput): Promise<Decision> {
    let decision = input.decision;
    for (const followUp of this.deps.followUps ?? []) {
      const events = await followUp.follow({ ...input, decision });
      const last = events[events.length - 1];
      if (last) decision = { state: { ...decision.state, version: last.version }, events: [...decision.events, ...events] };
    }
    return decision;
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
   * The relations are read in one statement after the joiners' handshake locks are taken
   * (`rights-loss-lock.ts`), with what a join's media grant needs; a lone join's answer carries
   * its relation as the join left it (`CommandOutcome.actorRelation`).
   */
  private decideAudienceBatch(roomId: string, entries: readonly AudienceEntry[]): Promise<DecidedBatch> {
    const results: Settled<AudienceResult>[] = entries.map(() => ({ ok: false, error: notFound('Room') }));
    const [first] = entries;
    if (!first) return Promise.resolve({ results, locked: null, rows: new Map(), messages: [] });
    // Commands per viewer: a viewer with one command only gets the batch's relation for a grant.
    const commandsOf = new Map<string, number>();
    for (const { viewer } of entries) commandsOf.set(viewer.profileId, (commandsOf.get(viewer.profileId) ?? 0) + 1);
    const joiningProfileIds = [...new Set(entries.filter(({ command }) => command.type === 'JoinRoom').map(({ viewer }) => viewer.profileId))];
    return first.em.fork().transactional(async (tx): Promise<DecidedBatch> => {
      // The joiners' handshake locks are taken before their relations are read (rights-loss-lock.ts).
      const locked = await this.deps.repository.lockForCommand(tx, roomId, 'audience', { joiningProfileIds });
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
        AUDIENCE_RELATION_READ,
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
      for (const [index, { viewer, command }] of stillOpen()) {
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
        try {
          // A listener leaving with a raised hand stops asking its question in person.
          decision = await this.followUp({ tx, room, before: state, decision, actorId: command.actorId, now, question: null });
        } catch (error) {
          results[index] = { ok: false, error };
          continue;
        }
        const change = roomChangeOf({ tx, room, stream, before: state, decision, rows, actorId: command.actorId, now, deferred });
        for (const projection of decision.events.length > 0 ? this.deps.projections : []) await projection.project(change);
        state = decision.state;
        // Assignments only (flushed once at commit), so each answer below reads its own version.
        this.deps.repository.saveRoomState(locked, state);
        messages.push(...change.messages);
        const own = rows.get(command.actorId);
        const found = relations.get(viewer.profileId);
        // A lone join's relation as it left it: the one read above, with the role it produced.
        const actorRelation =
          command.type === 'JoinRoom' && command.actorId === viewer.profileId && commandsOf.get(viewer.profileId) === 1 && own && found
            ? { ...found, relation: { ...found.relation, role: own.role } }
            : undefined;
        results[index] = {
          ok: true,
          value: {
            room,
            // The head as this command left it; later commands of the batch move the shared one.
            stream: streamHead(stream),
            participants: new Map(own ? [[command.actorId, own]] : []),
            messages: change.messages,
            ...(actorRelation ? { actorRelation } : {}),
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

  /**
   * Steps (1) to (4) in one transaction, holding the locks of `tier`: a room command, a question
   * command, or both (the question's operation is checked whole, position rules included, from
   * the relation read under the stream lock).
   */
  private decideAndProject(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    roomId: string,
    command: RoomCommand | null,
    tier: CommandTier,
    question: QuestionRequest | null = null,
  ): Promise<CommandOutcome> {
    return em.transactional(async (tx): Promise<CommandOutcome> => {
      const { locked, found } = await this.lockWithRelation(tx, roomId, tier, viewer, command?.type === 'JoinRoom' ? [command.actorId] : []);
      const { room, stream } = locked;
      if (question) this.access.assert(question.operation, found.relation, found.suspendedUntil);
      if (command) {
        const refusal = this.access.standingRefusal(roomCommandOperation(command), found);
        if (refusal) throw refusal;
        for (const guard of this.deps.guards ?? []) await guard.check({ tx, room, viewer, command });
      }
      const actorId = command?.actorId ?? viewer.profileId;
      const { state, rows } = await this.deps.repository.loadState(tx, locked, command ? namedProfiles(command) : [actorId]);
      const now = this.now();
      const decided = command ? decide(state, command, now) : { state, events: [] };
      if (command && tier === 'audience' && !isAudienceDecision(state, decided)) throw new StageTierRequired();
      const decision = await this.followUp({ tx, room, before: state, decision: decided, actorId, now, question: question?.command ?? null });
      const change = roomChangeOf({ tx, room, stream, before: state, decision, rows, actorId, now, deferred: new DeferredWrites() });
      if (decision.events.length > 0) await this.project(change, locked, decision);
      return { room, stream, participants: rows, messages: change.messages };
    });
  }

  /**
   * Step (1) for one viewer: the locks of `tier` (with the handshake's locks of `joiningProfileIds`,
   * `rights-loss-lock.ts`) and the viewer's relation, read under them. @throws ROOM_NOT_FOUND.
   */
  private async lockWithRelation(
    tx: EntityManager,
    roomId: string,
    tier: CommandTier,
    viewer: AuthenticatedViewer,
    joiningProfileIds: readonly string[],
  ): Promise<{ locked: LockedRoom; found: RoomWithRelation }> {
    const locked = await this.deps.repository.lockForCommand(tx, roomId, tier, { joiningProfileIds });
    if (!locked) throw notFound('Room');
    const found = (await this.access.relationsOf(tx, locked.room.id, [viewer])).get(viewer.profileId);
    if (!found) throw notFound('Room');
    return { locked, found };
  }

  /** Step (3) for one decision: every projection, the deferred writes, and the room's new state. */
  private async project(change: RoomChange, locked: LockedRoom, decision: Decision): Promise<void> {
    for (const projection of this.deps.projections) await projection.project(change);
    await change.deferred.flush(change.tx);
    this.deps.repository.saveRoomState(locked, decision.state);
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
