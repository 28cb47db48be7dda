import { randomUUID } from 'node:crypto';

import { type EntityManager } from '@mikro-orm/postgresql';
import { createRoom, DomainError, DomainErrorCode, RoomVisibility, CHAT_LIMITS, ChatMode } from '@roundtable/domain';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { badInput, notFound } from '../common/api-error';
import { parseProfileId, parseUuid } from '../common/ids';
import { GroupEntity, GroupMemberEntity } from '../groups/group.entity';
import type { SuspensionService } from '../moderation/suspension.service';
import type { TextScreeningService } from '../moderation/text-screening.service';
import { ProfileEntity } from '../profiles/profile.entity';
import { recordJoin } from '../recommendations/engagement.projection';
import { participantColumns } from './participant.mapper';
import { ParticipantEntity, RoomEntity, RoomInviteeEntity, RoomStreamEntity } from './room.entity';

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

/** Trust and safety's part in creating a room (issue 8). */
export interface RoomCreationModeration {
  readonly screening: TextScreeningService;
  readonly suspensions: SuspensionService;
}

/** `createRoom`: validates with the domain's `createRoom`, then writes the room in one transaction. */
export class RoomCreationService {
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly moderation: RoomCreationModeration | null = null,
    /** In the creating transaction, after the room is written: notifications enqueue their fan-out (issue 18). */
    private readonly afterCreate: ((tx: EntityManager, room: RoomEntity) => Promise<void>) | null = null,
    /** After the creating transaction committed (wakes the notification fan-out). */
    private readonly afterCommit: (() => void) | null = null,
  ) {}

  async createRoom(em: EntityManager, viewer: AuthenticatedViewer, request: CreateRoomRequest): Promise<RoomEntity> {
    await this.moderation?.suspensions.assertNotSuspended(em, viewer.profileId);
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
    const flags = this.moderation?.screening.screen({ title: created.title, description: created.description }) ?? [];
    const room = await em.transactional(async (tx) => {
      const { state } = created;
      if (state.groupId) {
        const member = await tx.count(GroupMemberEntity, { groupId: state.groupId, profileId: viewer.profileId });
        if (member === 0) {
          if ((await tx.count(GroupEntity, { id: state.groupId })) === 0) throw notFound('Group');
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
        screensQuestions: false,
        chatMode: ChatMode.Open,
        chatSlowModeSeconds: CHAT_LIMITS.slowModeSecondsDefault,
        pinnedLinks: [],
        status: state.status,
        visibility: state.visibility,
        groupId: state.groupId,
        hostId: state.hostId,
        maxSpeakers: state.maxSpeakers,
        scheduledFor: state.scheduledFor,
        startedAt: state.startedAt,
        endedAt: state.endedAt,
        createdAt: now,
      });
      // Columns reference rows by id (no ORM relations), so the room goes in before what points at it.
      await tx.flush();
      tx.create(RoomStreamEntity, { roomId: room.id, version: state.version, participantCount: state.participants.size, listenerCount: 0 });
      // The creator stays invited: after handing the host role over they may still rejoin their chat's room.
      const invitees = state.visibility === RoomVisibility.Private ? new Set([state.hostId, ...created.inviteeIds]) : new Set<string>();
      for (const profileId of invitees) tx.create(RoomInviteeEntity, { roomId: room.id, profileId });
      for (const participant of state.participants.values()) {
        tx.create(ParticipantEntity, { ...participantColumns(participant), id: randomUUID(), roomId: room.id, connected: false });
        await recordJoin(tx, room.id, participant.profileId, true, now);
      }
      await this.moderation?.screening.fileFlags(tx, viewer.profileId, room.id, flags);
      // Invitees are flushed first: the fan-out reads them only after commit, but in this order.
      await this.afterCreate?.(tx, room);
      return room;
    });
    this.afterCommit?.();
    return room;
  }
}
