import { randomUUID } from 'node:crypto';

import { LockMode } from '@mikro-orm/core';
import { type EntityManager } from '@mikro-orm/postgresql';
import type { AudioAccess, AudioGateway } from '@roundtable/audio';
import {
  canSeeRoom,
  createRoom,
  decide,
  DomainError,
  DomainErrorCode,
  joinRefusal,
  joinRefusalMessage,
  ParticipantRole,
  type ParticipantState,
  type RoomAccessFacts,
  type RoomCommand,
  RoomStatus,
  RoomVisibility,
  type RoomState,
  STAGE_ROLES,
  type Viewer,
} from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput, notFound } from '../common/api-error';
import { isUuid, parseProfileId, parseUuid } from '../common/ids';
import { decodeCursor, encodeCursor, type Page, toPage } from '../common/pagination';
import { type EventBus, PushIterator } from '../events/event-bus';
import { GroupMemberEntity } from '../groups/group.entity';
import { ProfileEntity } from '../profiles/profile.entity';
import {
  ParticipantEntity,
  RoomBanEntity,
  RoomEntity,
  RoomEventEntity,
  RoomInviteeEntity,
} from './room.entity';
import { type RoomEventMessage, toEventMessage } from './room-event-message';
import { recordInteraction, recordJoin, recordRoomEnded } from './room-interactions';

export interface RoomListFilter {
  readonly status?: RoomStatus | null;
  readonly topic?: string | null;
  readonly groupId?: string | null;
}

export interface CreateRoomRequest {
  readonly title: string;
  readonly description?: string | null;
  readonly topics?: readonly string[] | null;
  readonly visibility?: RoomVisibility | null;
  readonly groupId?: string | null;
  readonly inviteeIds?: readonly string[] | null;
  readonly scheduledFor?: Date | null;
  readonly maxSpeakers?: number | null;
}

export interface CommandOutcome {
  readonly room: RoomEntity;
  /** Active participant rows after the command, by profile id (stage + the profiles it named). */
  readonly participants: ReadonlyMap<string, ParticipantEntity>;
  readonly messages: readonly RoomEventMessage[];
}

export interface RoomsServiceDeps {
  readonly bus: EventBus;
  readonly audio: AudioGateway;
  readonly onPublishError: (error: unknown) => void;
  readonly now?: () => Date;
}

export const roomTopic = (roomId: string) => `room-events:${roomId}`;

/** Open hands listed at once (oldest first); the cost limit prices `raisedHands` at this size. */
export const RAISED_HANDS_LIMIT = 100;

/** Most events a subscription replays from `sinceVersion`; further behind, refetch the room. */
export const MAX_REPLAY = 1000;

const asViewer = (viewer: AuthenticatedViewer): Viewer => ({ profileId: viewer.profileId, isStaff: viewer.isStaff });

/**
 * Owns every room use case: each command runs in one transaction that locks the room row,
 * applies the pure rules from @roundtable/domain, writes the resulting events, and publishes
 * them only after commit.
 */
export class RoomsService {
  private readonly now: () => Date;

  constructor(private readonly deps: RoomsServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async accessFacts(em: EntityManager, room: RoomEntity, viewerId: string): Promise<RoomAccessFacts> {
    const [member, invitee, ban] = await Promise.all([
      room.visibility === RoomVisibility.Group && room.groupId
        ? em.count(GroupMemberEntity, { groupId: room.groupId, profileId: viewerId })
        : Promise.resolve(0),
      room.visibility === RoomVisibility.Private
        ? em.count(RoomInviteeEntity, { roomId: room.id, profileId: viewerId })
        : Promise.resolve(0),
      em.count(RoomBanEntity, { roomId: room.id, profileId: viewerId }),
    ]);
    return {
      visibility: room.visibility,
      hostId: room.hostId,
      status: room.status,
      viewerIsGroupMember: member > 0,
      viewerIsInvitee: invitee > 0,
      viewerIsBanned: ban > 0,
    };
  }

  /** The room, if it exists and the viewer may see it; otherwise null (existence is not revealed). */
  async findVisibleRoom(em: EntityManager, viewer: AuthenticatedViewer, roomId: string): Promise<RoomEntity | null> {
    const room = await em.findOne(RoomEntity, { id: parseUuid(roomId, 'roomId') });
    if (!room) return null;
    return canSeeRoom(await this.accessFacts(em, room, viewer.profileId), asViewer(viewer)) ? room : null;
  }

  async createRoom(em: EntityManager, viewer: AuthenticatedViewer, request: CreateRoomRequest): Promise<RoomEntity> {
    const groupId = request.groupId ? parseUuid(request.groupId, 'groupId') : null;
    const inviteeIds = (request.inviteeIds ?? []).map((id) => parseProfileId(id, 'inviteeIds'));
    const now = this.now();
    const created = createRoom(
      {
        id: randomUUID(),
        hostId: viewer.profileId,
        title: request.title,
        description: request.description ?? null,
        topics: request.topics ?? [],
        visibility: request.visibility ?? RoomVisibility.Public,
        groupId,
        inviteeIds,
        scheduledFor: request.scheduledFor ?? null,
        maxSpeakers: request.maxSpeakers ?? null,
      },
      now,
    );
    return em.transactional(async (tx) => {
      const { state } = created;
      if (state.groupId) {
        const member = await tx.count(GroupMemberEntity, { groupId: state.groupId, profileId: viewer.profileId });
        if (member === 0) {
          const exists = await tx.getConnection().execute(`select 1 from groups where id = ?`, [state.groupId]);
          if (exists.length === 0) throw notFound('Group');
          throw new DomainError(DomainErrorCode.NotAllowed, 'Only members of the group can start a room in it');
        }
      }
      if (created.inviteeIds.length > 0) {
        const found = await tx.count(ProfileEntity, { id: { $in: created.inviteeIds } });
        if (found !== created.inviteeIds.length) throw badInput('inviteeIds', 'inviteeIds names unknown profiles');
      }
      const room = tx.create(RoomEntity, {
        id: state.id,
        title: created.title,
        description: created.description,
        topics: created.topics,
        status: state.status,
        visibility: state.visibility,
        groupId: state.groupId,
        hostId: state.hostId,
        maxSpeakers: state.maxSpeakers,
        scheduledFor: state.scheduledFor,
        startedAt: state.startedAt,
        endedAt: state.endedAt,
        version: state.version,
        createdAt: now,
      });
      // Columns reference rows by id (no ORM relations), so the room goes in before what points at it.
      await tx.flush();
      // The creator stays invited: after handing the host role over they may still rejoin their chat's room.
      const invitees = state.visibility === RoomVisibility.Private ? new Set([state.hostId, ...created.inviteeIds]) : new Set<string>();
      for (const profileId of invitees) tx.create(RoomInviteeEntity, { roomId: room.id, profileId });
      for (const participant of state.participants.values()) {
        tx.create(ParticipantEntity, { ...participantFields(participant), id: randomUUID(), roomId: room.id, connected: false });
        await recordJoin(tx, room.id, participant.profileId, true, now);
      }
      return room;
    });
  }

  /**
   * Runs one room command: lock the room, decide with the pure rules, persist the events and the
   * new version in the same transaction, then publish after commit.
   */
  async execute(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string, command: RoomCommand): Promise<CommandOutcome> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    const outcome = await em.transactional(async (tx) => {
      const room = await tx.findOne(RoomEntity, { id: roomId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!room) throw notFound('Room');
      const facts = await this.accessFacts(tx, room, viewer.profileId);
      if (!canSeeRoom(facts, asViewer(viewer))) throw notFound('Room');
      if (command.type === 'JoinRoom') {
        const refusal = joinRefusal(facts, asViewer(viewer));
        if (refusal !== null) throw new DomainError(refusal, joinRefusalMessage(refusal));
      }
      const named = commandProfiles(command);
      const rows = await tx.find(ParticipantEntity, {
        roomId,
        leftAt: null,
        $or: [{ role: { $in: [...STAGE_ROLES] } }, { profileId: { $in: named } }],
      });
      const bans = await tx.find(RoomBanEntity, { roomId, profileId: { $in: named } });
      const participants = new Map(rows.map((row) => [row.profileId, row]));
      const state = toRoomState(room, rows, bans);
      const now = this.now();
      const decision = decide(state, command, now);
      const messages: RoomEventMessage[] = [];
      for (const event of decision.events) {
        let row: ParticipantEntity | null = null;
        switch (event.type) {
          case 'ParticipantJoined': {
            row = tx.create(ParticipantEntity, {
              ...participantFields(event.participant),
              id: randomUUID(),
              roomId,
              connected: false,
            });
            participants.set(row.profileId, row);
            break;
          }
          case 'ParticipantLeft':
          case 'ParticipantRemoved': {
            const leaving = participants.get(event.profileId);
            await recordInteraction(tx, roomId, event, leaving ?? null, now);
            if (leaving) {
              leaving.leftAt = now;
              participants.delete(event.profileId);
            }
            if (event.type === 'ParticipantRemoved' && event.banned && !state.bannedIds.has(event.profileId)) {
              // A pre-emptive ban (of someone not in the room) may name no profile at all; answer
              // NOT_FOUND rather than let the room_bans foreign key fail as an internal error.
              if (!leaving && (await tx.count(ProfileEntity, { id: event.profileId })) === 0) throw notFound('Profile');
              tx.create(RoomBanEntity, { roomId, profileId: event.profileId, bannedById: viewer.profileId, createdAt: now });
            }
            break;
          }
          case 'RoomStatusChanged': {
            if (event.status === RoomStatus.Ended) {
              // Everyone leaves, including listeners the command did not load.
              await recordRoomEnded(tx, roomId, now);
              await tx.nativeUpdate(ParticipantEntity, { roomId, leftAt: null }, { leftAt: now });
              for (const participant of participants.values()) participant.leftAt = now;
              participants.clear();
            }
            break;
          }
          default: {
            row = participants.get(event.participant.profileId) ?? null;
            if (!row) throw new Error(`${event.type} for a participant that was not loaded`);
            Object.assign(row, participantFields(event.participant));
          }
        }
        if (event.type !== 'ParticipantLeft' && event.type !== 'ParticipantRemoved') {
          await recordInteraction(tx, roomId, event, null, now);
        }
        const message = toEventMessage(event, row);
        messages.push(message);
        tx.create(RoomEventEntity, {
          roomId,
          version: message.version,
          type: message.type,
          payload: message as unknown as Record<string, unknown>,
          at: now,
        });
      }
      const next = decision.state;
      Object.assign(room, {
        status: next.status,
        hostId: next.hostId,
        startedAt: next.startedAt,
        endedAt: next.endedAt,
        version: next.version,
      });
      return { room, participants, messages };
    });
    await this.publish(roomId, outcome.messages);
    return outcome;
  }

  private async publish(roomId: string, messages: readonly RoomEventMessage[]): Promise<void> {
    for (const message of messages) {
      try {
        await this.deps.bus.publish(roomTopic(roomId), message);
      } catch (error) {
        // The events are committed; subscribers fill the gap from room_events on the next event.
        this.deps.onPublishError(error);
      }
    }
  }

  async issueAudioAccess(em: EntityManager, viewer: AuthenticatedViewer, participant: ParticipantEntity): Promise<AudioAccess> {
    const profile = await em.findOne(ProfileEntity, { id: viewer.profileId });
    return this.deps.audio.issueAccess({
      roomId: participant.roomId,
      profileId: participant.profileId,
      displayName: profile?.displayName ?? viewer.profileId,
      canPublish: STAGE_ROLES.has(participant.role),
    });
  }

  async refreshAudioAccess(em: EntityManager, viewer: AuthenticatedViewer, rawRoomId: string): Promise<AudioAccess> {
    const room = await this.findVisibleRoom(em, viewer, rawRoomId);
    if (!room) throw notFound('Room');
    const participant = await em.findOne(ParticipantEntity, { roomId: room.id, profileId: viewer.profileId, leftAt: null });
    if (!participant) throw new DomainError(DomainErrorCode.NotAParticipant, 'Join the room first');
    return this.issueAudioAccess(em, viewer, participant);
  }

  async listRooms(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    filter: RoomListFilter,
    first: number,
    after: string | null,
  ): Promise<Page<RoomEntity>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!viewer.isStaff) {
      const belongs = belongsToRoomSql(viewer.profileId);
      where.push(belongs.sql);
      params.push(...belongs.params);
    }
    if (filter.status) {
      where.push('r.status = ?');
      params.push(filter.status);
    }
    if (filter.topic) {
      where.push('r.topics @> array[?]::text[]');
      params.push(filter.topic);
    }
    if (filter.groupId) {
      where.push('r.group_id = ?');
      params.push(parseUuid(filter.groupId, 'filter.groupId'));
    }
    const cursor = decodeCursor(after, isUuid);
    if (cursor) {
      where.push('(r.created_at, r.id) < (?, ?)');
      params.push(cursor.at, cursor.id);
    }
    const sql = `select r.* from rooms r ${where.length ? `where ${where.join(' and ')}` : ''}
      order by r.created_at desc, r.id desc limit ?`;
    const rows = await em.execute(sql, [...params, first + 1]);
    const rooms = rows.map((row) => em.map(RoomEntity, row));
    return toPage(rooms, first, (room) => encodeCursor(room.createdAt, room.id));
  }

  async audience(em: EntityManager, roomId: string, first: number, after: string | null): Promise<Page<ParticipantEntity>> {
    const cursor = decodeCursor(after, isUuid);
    const keyset = cursor ? { $or: [{ joinedAt: { $gt: cursor.at } }, { joinedAt: cursor.at, id: { $gt: cursor.id } }] } : {};
    const rows = await em.find(
      ParticipantEntity,
      { roomId, leftAt: null, role: ParticipantRole.Listener, ...keyset },
      { orderBy: { joinedAt: 'asc', id: 'asc' }, limit: first + 1 },
    );
    return toPage(rows, first, (p) => encodeCursor(p.joinedAt, p.id));
  }

  /** Open requests to speak, oldest first; only the host and moderators see them. */
  async raisedHands(em: EntityManager, room: RoomEntity, viewerRole: ParticipantRole | null): Promise<ParticipantEntity[]> {
    if (viewerRole !== ParticipantRole.Host && viewerRole !== ParticipantRole.Moderator) return [];
    return em.find(
      ParticipantEntity,
      { roomId: room.id, leftAt: null, handRaisedAt: { $ne: null } },
      { orderBy: { handRaisedAt: 'asc', id: 'asc' }, limit: RAISED_HANDS_LIMIT },
    );
  }

  /**
   * A live stream of one room's events, in version order. Subscribes before reading the room's
   * version, and fills any gap (an event lost or reordered between instances) from room_events.
   */
  async subscribe(
    em: EntityManager,
    viewer: AuthenticatedViewer,
    rawRoomId: string,
    sinceVersion: number | null = null,
  ): Promise<AsyncIterable<RoomEventMessage>> {
    const roomId = parseUuid(rawRoomId, 'roomId');
    if (sinceVersion !== null && (!Number.isInteger(sinceVersion) || sinceVersion < 0)) {
      throw badInput('sinceVersion', 'sinceVersion must be a non-negative integer');
    }
    const room = await em.findOne(RoomEntity, { id: roomId });
    if (!room) throw notFound('Room');
    const refusal = joinRefusal(await this.accessFacts(em, room, viewer.profileId), asViewer(viewer));
    // Permission to join is what counts; a SCHEDULED room may be watched until it goes live.
    if (refusal !== null && refusal !== DomainErrorCode.RoomNotLive) {
      throw new DomainError(refusal, joinRefusalMessage(refusal));
    }
    const incoming = new PushIterator<RoomEventMessage>();
    incoming.cleanup = await this.deps.bus.subscribe(roomTopic(roomId), (payload) =>
      incoming.push(payload as RoomEventMessage),
    );
    let currentVersion: number;
    try {
      const current = await em.getConnection().execute<{ version: number }[]>(`select version from rooms where id = ?`, [roomId]);
      currentVersion = current[0]?.version ?? room.version;
      if (sinceVersion !== null && (sinceVersion > currentVersion || currentVersion - sinceVersion > MAX_REPLAY)) {
        throw badInput('sinceVersion', `sinceVersion must be between ${Math.max(0, currentVersion - MAX_REPLAY)} and ${currentVersion}; refetch the room`);
      }
    } catch (error) {
      // Nothing will consume the stream: drop the bus subscription with it.
      await incoming.return();
      throw error;
    }
    const loadRange = async (afterVersion: number, upToVersion: number) => {
      const rows = await em.fork().find(
        RoomEventEntity,
        { roomId, version: { $gt: afterVersion, $lte: upToVersion } },
        { orderBy: { version: 'asc' } },
      );
      return rows.map((row) => row.payload as unknown as RoomEventMessage);
    };
    return inVersionOrder(incoming, sinceVersion ?? currentVersion, currentVersion, loadRange, viewer.profileId);
  }
}

/** Yields messages in version order from `startVersion` on, filling gaps and ending with the room. */
async function* inVersionOrder(
  source: PushIterator<RoomEventMessage>,
  startVersion: number,
  currentVersion: number,
  loadRange: (afterVersion: number, upToVersion: number) => Promise<RoomEventMessage[]>,
  viewerId: string,
): AsyncGenerator<RoomEventMessage> {
  let last = startVersion;
  const isLast = (event: RoomEventMessage) =>
    (event.type === 'RoomStatusChanged' && event.status === RoomStatus.Ended) ||
    (event.type === 'ParticipantRemoved' && event.banned === true && event.profileId === viewerId);
  try {
    // Replay what the client asked for (sinceVersion) before anything live.
    for (const event of currentVersion > last ? await loadRange(last, currentVersion) : []) {
      last = event.version;
      yield event;
      if (isLast(event)) return;
    }
    for await (const message of source) {
      if (message.version <= last) continue;
      const batch = message.previousVersion > last ? [...(await loadRange(last, message.previousVersion)), message] : [message];
      for (const event of batch) {
        if (event.version <= last) continue;
        last = event.version;
        yield event;
        if (isLast(event)) return;
      }
    }
  } finally {
    await source.return();
  }
}

/**
 * SQL (on alias `r`) for the rooms a profile belongs to, the same rule as the domain's access
 * check: PUBLIC rooms, rooms they host, GROUP rooms of their groups, PRIVATE rooms they are
 * invited to.
 */
export function belongsToRoomSql(profileId: string): { sql: string; params: unknown[] } {
  return {
    sql: `(r.visibility = 'PUBLIC' or r.host_id = ?
      or (r.visibility = 'GROUP' and exists (select 1 from group_members gm where gm.group_id = r.group_id and gm.profile_id = ?))
      or (r.visibility = 'PRIVATE' and exists (select 1 from room_invitees ri where ri.room_id = r.id and ri.profile_id = ?)))`,
    params: [profileId, profileId, profileId],
  };
}

function commandProfiles(command: RoomCommand): string[] {
  return 'targetId' in command ? [command.actorId, command.targetId] : [command.actorId];
}

function participantFields(state: ParticipantState) {
  return {
    profileId: state.profileId,
    role: state.role,
    joinedAt: state.joinedAt,
    stageSince: state.stageSince,
    handRaisedAt: state.handRaisedAt,
    handRaiseQuestion: state.handRaiseQuestion,
    invitedToStageAt: state.invitedToStageAt,
    muted: state.muted,
  };
}

function toRoomState(room: RoomEntity, rows: readonly ParticipantEntity[], bans: readonly RoomBanEntity[]): RoomState {
  return {
    id: room.id,
    hostId: room.hostId,
    status: room.status,
    visibility: room.visibility,
    groupId: room.groupId,
    maxSpeakers: room.maxSpeakers,
    scheduledFor: room.scheduledFor,
    startedAt: room.startedAt,
    endedAt: room.endedAt,
    version: room.version,
    participants: new Map(
      rows.map((row) => [
        row.profileId,
        {
          profileId: row.profileId,
          role: row.role,
          joinedAt: row.joinedAt,
          stageSince: row.stageSince,
          handRaisedAt: row.handRaisedAt,
          handRaiseQuestion: row.handRaiseQuestion,
          invitedToStageAt: row.invitedToStageAt,
          muted: row.muted,
        },
      ]),
    ),
    bannedIds: new Set(bans.map((ban) => ban.profileId)),
  };
}


