import { type EntityManager } from '@mikro-orm/postgresql';
import { type RoomStatus, STAGE_ROLES } from '@roundtable/domain';
import DataLoader from 'dataloader';

import type { AuthenticatedViewer } from '../auth/authenticator';
import { leanQuery, leanRows } from '../database/lean-rows';
import { NO_JOIN_STATE, type ViewerJoinState, viewerJoinStates } from '../groups/group-access';
import { pendingJoinRequestPagesOfGroups } from '../groups/group-directory.queries';
import { GroupEntity, type GroupJoinRequestEntity, GroupMemberEntity } from '../groups/group.entity';
import { memberPagesOfGroups } from '../groups/group-members.queries';
import { FollowEntity, ProfileEntity } from '../profiles/profile.entity';
import { ParticipantEntity, RoomEntity } from '../rooms/room.entity';
import { GROUP_ROOMS_LIMIT, visibleRoomsOfGroups } from '../rooms/room.queries';
import type { Page } from './pagination';
import { placeholders } from './sql';

/** The prefix of the profile columns joined to participant rows. */
const PROFILE_PREFIX = 'pr__';
const stageRoles = [...STAGE_ROLES];
/** Where a participant read with its profile keeps it (see `RequestScope.joinedProfile`). */
const JOINED_PROFILE = Symbol('roundtable.joinedProfile');

/** A room's stream head (`room_streams`): its version and audience counters. */
export interface RoomStreamHead {
  readonly version: number;
  readonly listenerCount: number;
  readonly participantCount: number;
}

/** A `Group.members(first, after)` or `Group.joinRequests(first, after)` page: `first` already bounded, `after` as the client sent it. */
export interface GroupMembersKey {
  readonly groupId: string;
  readonly first: number;
  readonly after: string | null;
}

/** A `Group.rooms(status)` list as one viewer may see it. */
export interface GroupRoomsKey {
  readonly groupId: string;
  readonly status: RoomStatus | null;
  readonly viewer: AuthenticatedViewer;
}

/**
 * Batches per-parent lists that take arguments: the keys of one batch are split by their
 * arguments (everything but the parent id), and each argument set is read with one call of
 * `readMany` for all its parents. A failure (e.g. a bad cursor) fails only its own argument set.
 */
async function perArgumentSet<K extends { readonly groupId: string }, V>(
  keys: readonly K[],
  argumentsOf: (key: K) => string,
  readMany: (groupIds: string[], sample: K) => Promise<V[]>,
): Promise<(V | Error)[]> {
  const sets = new Map<string, { key: K; index: number }[]>();
  keys.forEach((key, index) => {
    const set = sets.get(argumentsOf(key));
    if (set) set.push({ key, index });
    else sets.set(argumentsOf(key), [{ key, index }]);
  });
  const results: (V | Error)[] = new Array<V | Error>(keys.length);
  await Promise.all(
    [...sets.values()].map(async (set) => {
      const [sample] = set;
      if (!sample) return;
      try {
        const values = await readMany(
          set.map(({ key }) => key.groupId),
          sample.key,
        );
        set.forEach(({ index }, i) => (results[index] = values[i] ?? new Error(`no result for key ${i} of a batch`)));
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const { index } of set) results[index] = failure;
      }
    }),
  );
  return results;
}

const membersArguments = (key: GroupMembersKey): string => JSON.stringify([key.first, key.after]);
const roomsArguments = (key: GroupRoomsKey): string => JSON.stringify([key.status, key.viewer.profileId, key.viewer.isStaff]);

function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

function groupedByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row));
    if (list) list.push(row);
    else map.set(keyOf(row), [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * Everything one request (or one subscription event) reads through: its own EntityManager fork
 * and DataLoaders, so lists resolve their relations in one query per relation, never per row.
 *
 * Profiles, rooms and participants are read as lean rows (raw SQL, plain objects: see
 * `leanRows`), not managed entities: these loaders only ever feed resolvers. Participant lists
 * come with their profiles joined (see `joinedProfile`), so `stage { profile }` and
 * `audience { … profile }` cost one statement each (issue 9).
 */
export class RequestScope {
  readonly profile: DataLoader<string, ProfileEntity | null>;
  readonly group: DataLoader<string, GroupEntity | null>;
  readonly room: DataLoader<string, RoomEntity | null>;
  readonly participant: DataLoader<string, ParticipantEntity | null>;
  /** Active stage participants of a room, in the order they came on stage. */
  readonly stage: DataLoader<string, ParticipantEntity[]>;
  /** Each room's version and counters, one statement per batch. */
  readonly stream: DataLoader<string, RoomStreamHead>;
  /** The viewer's active participation per room. */
  readonly viewerParticipant: DataLoader<string, ParticipantEntity | null>;
  /** Whether the viewer follows a profile. */
  readonly viewerFollows: DataLoader<string, boolean>;
  /** The viewer's membership of a group (role, joinedAt), or null. */
  readonly viewerMembership: DataLoader<string, GroupMemberEntity | null>;
  /** The viewer's invitation and latest join request per group. */
  readonly viewerJoinState: DataLoader<string, ViewerJoinState>;
  /** `Group.joinRequests(first, after)` (admins only, checked by the resolver): one statement per distinct (first, after). */
  readonly groupJoinRequests: DataLoader<GroupMembersKey, Page<GroupJoinRequestEntity>, string>;
  /** `Group.members(first, after)`: one SQL statement per distinct (first, after), whatever the number of groups. */
  readonly groupMembers: DataLoader<GroupMembersKey, Page<ProfileEntity>, string>;
  /** `Group.rooms(status)` as the viewer may see them: one SQL statement per distinct (status, viewer). */
  readonly groupRooms: DataLoader<GroupRoomsKey, RoomEntity[], string>;

  /** The fork, once something asked for it (see {@link em}). */
  private forked: EntityManager | null;
  private readonly fork: (() => EntityManager) | null;

  /**
   * @param fork the request's EntityManager, or how to fork it: forking is deferred until the
   *   request reads (a mutation's first scope is renewed before any resolver runs, and requests
   *   refused before execution read nothing).
   */
  constructor(
    fork: EntityManager | (() => EntityManager),
    readonly viewerId: string | null,
  ) {
    this.fork = typeof fork === 'function' ? fork : null;
    this.forked = typeof fork === 'function' ? null : fork;
    // Every loader below reads `this.em`, so the fork happens at the first batch, if any.
    const profiles = () => leanRows(this.em, ProfileEntity);
    const rooms = () => leanRows(this.em, RoomEntity);
    const participants = () => leanRows(this.em, ParticipantEntity);
    this.profile = new DataLoader(async (ids) => {
      const mapper = profiles();
      const rows = await leanQuery(this.em, `select ${mapper.columns('pr')} from profiles pr where pr.id in (${placeholders(ids)})`, [...ids]);
      return byKey(ids, rows.map((row) => mapper.map(row) as ProfileEntity), (p) => p.id);
    });
    this.group = new DataLoader(async (ids) =>
      byKey(ids, await this.em.find(GroupEntity, { id: { $in: [...ids] } }), (g) => g.id),
    );
    this.room = new DataLoader(async (ids) => {
      const mapper = rooms();
      const rows = await leanQuery(this.em, `select ${mapper.columns('r')} from rooms r where r.id in (${placeholders(ids)})`, [...ids]);
      return byKey(ids, rows.map((row) => mapper.map(row) as RoomEntity), (r) => r.id);
    });
    this.participant = new DataLoader(async (ids) => {
      const mapper = participants();
      const rows = await leanQuery(this.em, `select ${mapper.columns('p')} from participants p where p.id in (${placeholders(ids)})`, [...ids]);
      return byKey(ids, rows.map((row) => mapper.map(row) as ParticipantEntity), (p) => p.id);
    });
    this.stage = new DataLoader(async (roomIds) => {
      const rows = await this.participantsWithProfiles(
        `p.room_id in (${placeholders(roomIds)}) and p.left_at is null and p.role in (${placeholders(stageRoles)})
          order by p.stage_since asc, p.id asc`,
        [...roomIds, ...stageRoles],
      );
      return groupedByKey(roomIds, rows, (p) => p.roomId);
    });
    this.stream = new DataLoader(async (roomIds) => {
      // The counters the command pipeline keeps on the stream row: no COUNT(*) over an audience.
      const rows = await this.em.execute<{ room_id: string; version: number; listener_count: number; participant_count: number }[]>(
        `select room_id, version, listener_count, participant_count from room_streams where room_id in (${placeholders(roomIds)})`,
        [...roomIds],
      );
      const map = new Map(
        rows.map((r) => [r.room_id, { version: Number(r.version), listenerCount: Number(r.listener_count), participantCount: Number(r.participant_count) }]),
      );
      return roomIds.map((id) => map.get(id) ?? { version: 0, listenerCount: 0, participantCount: 0 });
    });
    this.viewerParticipant = new DataLoader(async (roomIds) => {
      if (!viewerId) return roomIds.map(() => null);
      const mapper = participants();
      const rows = await leanQuery(
        this.em,
        `select ${mapper.columns('p')} from participants p
          where p.room_id in (${placeholders(roomIds)}) and p.profile_id = ? and p.left_at is null`,
        [...roomIds, viewerId],
      );
      return byKey(roomIds, rows.map((row) => mapper.map(row) as ParticipantEntity), (p) => p.roomId);
    });
    this.viewerFollows = new DataLoader(async (profileIds) => {
      if (!viewerId) return profileIds.map(() => false);
      const rows = await this.em.find(FollowEntity, { followerId: viewerId, followeeId: { $in: [...profileIds] } });
      const followed = new Set(rows.map((f) => f.followeeId));
      return profileIds.map((id) => followed.has(id));
    });
    this.viewerMembership = new DataLoader(async (groupIds) => {
      if (!viewerId) return groupIds.map(() => null);
      const rows = await this.em.find(GroupMemberEntity, { profileId: viewerId, groupId: { $in: [...groupIds] } });
      return byKey(groupIds, rows, (m) => m.groupId);
    });
    this.viewerJoinState = new DataLoader(async (groupIds) =>
      viewerId ? viewerJoinStates(this.em, groupIds, viewerId) : groupIds.map(() => NO_JOIN_STATE),
    );
    this.groupJoinRequests = new DataLoader(
      (keys) =>
        perArgumentSet(keys, membersArguments, (groupIds, { first, after }) => pendingJoinRequestPagesOfGroups(this.em, groupIds, first, after)),
      { cacheKeyFn: (key) => `${key.groupId} ${membersArguments(key)}` },
    );
    this.groupMembers = new DataLoader(
      (keys) => perArgumentSet(keys, membersArguments, (groupIds, { first, after }) => memberPagesOfGroups(this.em, groupIds, first, after)),
      { cacheKeyFn: (key) => `${key.groupId} ${membersArguments(key)}` },
    );
    this.groupRooms = new DataLoader(
      (keys) =>
        perArgumentSet(keys, roomsArguments, (groupIds, { viewer, status }) =>
          visibleRoomsOfGroups(this.em, viewer, groupIds, status, GROUP_ROOMS_LIMIT),
        ),
      { cacheKeyFn: (key) => `${key.groupId} ${roomsArguments(key)}` },
    );
  }

  /** This request's own EntityManager fork (made on first use). */
  get em(): EntityManager {
    this.forked ??= (this.fork as () => EntityManager)();
    return this.forked;
  }

  /**
   * Participants (`p`) matching `whereAndOrder` — SQL after `where`, its order and limit included
   * — read in one statement with their profiles joined (`joinedProfile`).
   */
  async participantsWithProfiles(whereAndOrder: string, params: readonly unknown[]): Promise<ParticipantEntity[]> {
    const participants = leanRows(this.em, ParticipantEntity);
    const profiles = leanRows(this.em, ProfileEntity);
    const rows = await leanQuery(
      this.em,
      `select ${participants.columns('p')}, ${profiles.columns('pr', PROFILE_PREFIX)}
         from participants p left join profiles pr on pr.id = p.profile_id
        where ${whereAndOrder}`,
      [...params],
    );
    return rows.map((row) => {
      const profile = profiles.map(row, PROFILE_PREFIX) as ProfileEntity | null;
      const participant = participants.map(row) as ParticipantEntity & { [JOINED_PROFILE]?: ProfileEntity };
      if (profile) participant[JOINED_PROFILE] = profile;
      return participant;
    });
  }

  /**
   * The participant's profile when it was read with the participant (`participantsWithProfiles`):
   * returned synchronously, so a page of participants resolves its profiles without a promise each.
   */
  static joinedProfile(participant: object): ProfileEntity | undefined {
    return (participant as { [JOINED_PROFILE]?: ProfileEntity })[JOINED_PROFILE];
  }
}
