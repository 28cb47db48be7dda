import type { ParticipantRole, RoomStatus } from '@roundtable/domain';

// Hand-written shapes of what this client selects from the contract (../shared/contract).

export interface Topic {
  readonly slug: string;
  readonly name: string;
}

export interface ProfileSummary {
  readonly id: string;
  readonly displayName: string;
  readonly headline: string | null;
}

export interface Participant {
  readonly id: string;
  readonly role: ParticipantRole;
  readonly handRaisedAt: string | null;
  readonly handRaiseQuestion: string | null;
  readonly invitedToStageAt: string | null;
  readonly muted: boolean;
  readonly connected: boolean;
  readonly joinedAt: string;
  readonly profile: ProfileSummary;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface RoomCard {
  readonly id: string;
  readonly title: string;
  readonly status: RoomStatus;
  readonly scheduledFor: string | null;
  readonly startedAt: string | null;
  readonly listenerCount: number;
  readonly topics: readonly Topic[];
  readonly host: ProfileSummary;
}

export interface RoomDetail {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly status: RoomStatus;
  readonly visibility: string;
  readonly scheduledFor: string | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly maxSpeakers: number;
  readonly version: number;
  readonly listenerCount: number;
  readonly topics: readonly Topic[];
  readonly host: ProfileSummary;
  readonly stage: readonly Participant[];
  readonly audience: {
    readonly edges: readonly { readonly node: Participant }[];
    readonly pageInfo: PageInfo;
    readonly totalCount: number;
  };
  readonly raisedHands: readonly Participant[];
  readonly viewerParticipant: Participant | null;
}

export interface AudioAccess {
  readonly serverUrl: string;
  readonly expiresAt: string;
  readonly canPublish: boolean;
}

export interface RoomRecommendation {
  readonly score: number;
  readonly reasons: readonly string[];
  readonly room: RoomCard;
}

interface EventBase {
  readonly roomId: string;
  readonly version: number;
  readonly previousVersion: number;
  readonly at: string;
}

/** The RoomEvent union as this client selects it (`__typename` discriminates). */
export type RoomEvent =
  | (EventBase & { readonly __typename: 'ParticipantJoined'; readonly participant: Participant })
  | (EventBase & { readonly __typename: 'ParticipantLeft'; readonly profileId: string })
  | (EventBase & {
      readonly __typename: 'AudienceChanged';
      readonly listenerCount: number;
      readonly joined: readonly Participant[];
      readonly leftProfileIds: readonly string[];
    })
  | (EventBase & { readonly __typename: 'HandRaised'; readonly participant: Participant })
  | (EventBase & { readonly __typename: 'HandLowered'; readonly participant: Participant })
  | (EventBase & { readonly __typename: 'StageInvitation'; readonly participant: Participant })
  | (EventBase & { readonly __typename: 'RoleChanged'; readonly participant: Participant; readonly previousRole: ParticipantRole })
  | (EventBase & { readonly __typename: 'ParticipantMuted'; readonly participant: Participant })
  | (EventBase & { readonly __typename: 'ParticipantRemoved'; readonly profileId: string; readonly banned: boolean })
  | (EventBase & { readonly __typename: 'RoomStatusChanged'; readonly status: RoomStatus });
