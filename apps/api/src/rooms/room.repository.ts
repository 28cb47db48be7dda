import { LockMode } from '@mikro-orm/core';
import { type EntityManager } from '@mikro-orm/postgresql';
import { type RoomState, STAGE_ROLES } from '@roundtable/domain';

import { toParticipantState } from './participant.mapper';
import { ParticipantEntity, RoomBanEntity, RoomEntity } from './room.entity';

/** A room loaded for a command: the rules' state and the rows it was built from. */
export interface LoadedRoom {
  readonly state: RoomState;
  /** Active participant rows by profile id (the stage plus the profiles the command names). */
  readonly rows: Map<string, ParticipantEntity>;
}

/**
 * Loads and saves the domain's `RoomState`. Rows map to participant state through the one mapper
 * (`participant.mapper.ts`); the room row carries the rest.
 */
export class RoomRepository {
  /** The room row, locked (`SELECT … FOR UPDATE`) until the transaction ends; null when missing. */
  lockForCommand(tx: EntityManager, roomId: string): Promise<RoomEntity | null> {
    return tx.findOne(RoomEntity, { id: roomId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  /**
   * The state the rules decide on: every stage participant plus the named profiles (actor,
   * target) — enough for every command, since no rule reads the rest of the audience — and the
   * bans of the named profiles.
   */
  async loadState(tx: EntityManager, room: RoomEntity, named: readonly string[]): Promise<LoadedRoom> {
    const [rows, bans] = await Promise.all([
      tx.find(ParticipantEntity, {
        roomId: room.id,
        leftAt: null,
        $or: [{ role: { $in: [...STAGE_ROLES] } }, { profileId: { $in: [...named] } }],
      }),
      tx.find(RoomBanEntity, { roomId: room.id, profileId: { $in: [...named] } }),
    ]);
    const state: RoomState = {
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
      participants: new Map(rows.map((row) => [row.profileId, toParticipantState(row)])),
      bannedIds: new Set(bans.map((ban) => ban.profileId)),
    };
    return { state, rows: new Map(rows.map((row) => [row.profileId, row])) };
  }

  /** Writes the room-level fields the rules change; flushed with the transaction. */
  saveRoomState(room: RoomEntity, state: RoomState): void {
    room.status = state.status;
    room.hostId = state.hostId;
    room.startedAt = state.startedAt;
    room.endedAt = state.endedAt;
    room.version = state.version;
  }
}
