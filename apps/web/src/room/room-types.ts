import type {
  AudioAccessFieldsFragment,
  ChatMode,
  ParticipantFieldsFragment,
  ParticipantRole,
  PinnedLinkFieldsFragment,
  ProfileSummaryFragment,
  RoomEventsSubscription,
  RoomQuery,
  RoomStatus,
} from '../gql/graphql';

// The room page's data, as GraphQL Code Generator types it from the documents in api/operations.ts.

export type Participant = ParticipantFieldsFragment;
export type ProfileSummary = ProfileSummaryFragment;
export type AudioAccess = AudioAccessFieldsFragment;
export type PinnedLink = PinnedLinkFieldsFragment;
export type RoomDetail = NonNullable<RoomQuery['room']>;
export type { ChatMode, ParticipantRole, RoomStatus };

/** One event of `roomEvents`: a union over every RoomEvent implementation in the served schema. */
export type RoomEvent = RoomEventsSubscription['roomEvents'];
export type RoomEventTypename = RoomEvent['__typename'];

/** What a newer server may send that this build does not know: only the shared RoomEvent fields. */
export interface UnknownRoomEvent {
  readonly __typename: string;
  readonly roomId: string;
  readonly version: number;
  readonly previousVersion: number;
  readonly at: string;
}

export const STAGE_ROLES: ReadonlySet<ParticipantRole> = new Set<ParticipantRole>(['HOST', 'MODERATOR', 'SPEAKER']);
export const MODERATING_ROLES: ReadonlySet<ParticipantRole> = new Set<ParticipantRole>(['HOST', 'MODERATOR']);
