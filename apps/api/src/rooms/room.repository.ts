import { LockMode } from '@mikro-orm/core';
import { type EntityManager } from '@mikro-orm/postgresql';
import { type RoomState, STAGE_ROLES } from '@roundtable/domain';

import { joiningProfilesSharedLockSql, lockJoiningProfiles } from './access/rights-loss-lock';
import { toParticipantState } from './participant.mapper';
import { ParticipantEntity, RoomBanEntity, RoomEntity, RoomStreamEntity } from './room.entity';

/** A room loaded for a command: the rules' state and the rows it was built from. */
export interface LoadedRoom {
  readonly state: RoomState;
  /** Active participant rows by profile id (the stage plus the profiles the command names). */
  readonly rows: Map<string, ParticipantEntity>;
}

/**
 * Which locks a command holds (see {@link RoomRepository.lockForCommand}):
 * - `audience`: only the stream row. For commands whose every event is a listener joining or
 *   leaving; they never write the room row.
 * - `stage`: the room row, then the stream row. Everything else.
 */
export type CommandTier = 'audience' | 'stage';

/** What {@link RoomRepository.lockForCommand} locks besides the room's rows. */
export interface CommandLockOptions {
  /**
   * Profiles joining in this transaction: the joins' side of the handshake with a right lost
   * outside the room's locks (`rights-loss-lock.ts`), taken after the room's locks and before any
   * relation is read. `audience` tier: in the statement that reads the room (no more statements);
   * `stage` tier: one more statement.
   */
  readonly joiningProfileIds?: readonly string[];
}

/** The rows a command runs on, locked as its tier requires. */
export interface LockedRoom {
  readonly room: RoomEntity;
  readonly stream: RoomStreamEntity;
}

/**
 * Loads and saves the domain's `RoomState`. Rows map to participant state through the one mapper
 * (`participant.mapper.ts`); the room row carries the room's settings and status, the stream row
 * (`room_streams`) its version and audience counters.
 */
export class RoomRepository {
  /**
   * Locks what a command of `tier` needs until the transaction ends, always in the order
   * rooms → room_streams, so two commands never wait on each other crosswise:
   * - `stage`: the room row (`FOR NO KEY UPDATE`), then the stream row (`FOR UPDATE`), both before
   *   any state is read.
   * - `audience`: the stream row only, then the room row read without a lock (with the
   *   `joiningProfileIds`' handshake locks taken in the same statement). Read after
   *   the stream lock is granted, it shows every command ordered before this one (each READ
   *   COMMITTED statement takes a fresh snapshot, and every writer of room state holds the
   *   stream lock).
   * Every command holds the stream row, so all commands on a room are totally ordered there.
   * Two statements (three for a stage-tier join). Null when the room does not exist.
   */
  async lockForCommand(tx: EntityManager, roomId: string, tier: CommandTier, options: CommandLockOptions = {}): Promise<LockedRoom | null> {
    const joining = options.joiningProfileIds ?? [];
    if (tier === 'stage') {
      const room = await this.lockRoom(tx, roomId);
      if (!room) return null;
      const stream = await this.requireStream(tx, roomId, LockMode.PESSIMISTIC_WRITE);
      if (joining.length > 0) await lockJoiningProfiles(tx, joining);
      return { room, stream };
    }
    const stream = await tx.findOne(RoomStreamEntity, { roomId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!stream) return null;
    if (joining.length === 0) {
      const room = await tx.findOne(RoomEntity, { id: roomId }, { refresh: true });
      return room ? { room, stream } : null;
    }
    const rows = await tx.execute<Record<string, unknown>[]>(`select r.*, ${joiningProfilesSharedLockSql} as joining_profiles_locked from rooms r where r.id = ?`, [
      // A JSON array, not a JS array: knex would spread an array binding into a list of values.
      JSON.stringify([...joining]),
      roomId,
    ]);
    const row = rows[0];
    if (!row) return null;
    const { joining_profiles_locked: _locked, ...columns } = row;
    return { room: tx.map(RoomEntity, columns), stream };
  }

  /**
   * The room row, locked until the transaction ends; null when missing. `FOR NO KEY UPDATE`, the
   * lock an UPDATE of non-key columns takes: it excludes other stage commands (and reports) but
   * not the `FOR KEY SHARE` that inserting a row referencing the room (a listener's participant
   * row, an event) takes, which `FOR UPDATE` would block.
   */
  async lockRoom(tx: EntityManager, roomId: string): Promise<RoomEntity | null> {
    const rows = await tx.execute<Record<string, unknown>[]>(`select * from rooms where id = ? for no key update`, [roomId]);
    const row = rows[0];
    return row ? tx.map(RoomEntity, row) : null;
  }

  /** The stream row (read without a lock unless `lockMode` says so); every room has one. */
  async requireStream(tx: EntityManager, roomId: string, lockMode?: LockMode): Promise<RoomStreamEntity> {
    const stream = await tx.findOne(RoomStreamEntity, { roomId }, { refresh: true, ...(lockMode === undefined ? {} : { lockMode }) });
    if (!stream) throw new Error(`room ${roomId} has no room_streams row`);
    return stream;
  }

  /**
   * The state the rules decide on: every stage participant plus the named profiles (actor,
   * target) — enough for every command, since no rule reads the rest of the audience — and the
   * bans of the named profiles.
   */
  async loadState(tx: EntityManager, { room, stream }: LockedRoom, named: readonly string[]): Promise<LoadedRoom> {
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
      version: stream.version,
      participants: new Map(rows.map((row) => [row.profileId, toParticipantState(row)])),
      bannedIds: new Set(bans.map((ban) => ban.profileId)),
    };
    return { state, rows: new Map(rows.map((row) => [row.profileId, row])) };
  }

  /**
   * Writes the room-level fields the rules change; flushed with the transaction. An audience
   * command changes none of the room row's fields, so only the stream row is updated.
   */
  saveRoomState({ room, stream }: LockedRoom, state: RoomState): void {
    room.status = state.status;
    room.hostId = state.hostId;
    room.startedAt = state.startedAt;
    room.endedAt = state.endedAt;
    stream.version = state.version;
  }
}
