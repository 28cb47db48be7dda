import type { Participant, ParticipantRole, RoomDetail, RoomEvent, RoomEventTypename } from './room-types';

// Builders for room-state tests: rooms and events shaped exactly as the generated types say.

export const AT = '2026-01-01T10:00:00.000Z';

export function participant(id: string, role: ParticipantRole, extra: Partial<Participant> = {}): Participant {
  return {
    __typename: 'Participant',
    id: `participant-${id}`,
    role,
    handRaisedAt: null,
    handRaiseQuestion: null,
    invitedToStageAt: null,
    muted: false,
    connected: false,
    joinedAt: AT,
    profile: { __typename: 'Profile', id, displayName: id.toUpperCase(), headline: null },
    ...extra,
  };
}

/** A live room at version 10: host and sam on stage; lea, tom and ivy listening; the viewer is the host. */
export function roomDetail(overrides: Partial<RoomDetail> = {}): RoomDetail {
  const host = participant('host', 'HOST');
  const listeners = ['lea', 'tom', 'ivy'].map((id) => participant(id, 'LISTENER'));
  return {
    __typename: 'Room',
    id: 'room-1',
    title: 'Sharding at scale',
    description: null,
    status: 'LIVE',
    visibility: 'PUBLIC',
    scheduledFor: null,
    calendarUrl: 'http://localhost:4000/calendar/rooms/room-1.ics',
    startedAt: AT,
    endedAt: null,
    maxSpeakers: 5,
    version: 10,
    listenerCount: listeners.length,
    screensQuestions: false,
    chatMode: 'OPEN',
    chatSlowModeSeconds: 10,
    pinnedLinks: [],
    topics: [],
    host: host.profile,
    stage: [host, participant('sam', 'SPEAKER')],
    audience: {
      __typename: 'ParticipantConnection',
      edges: listeners.map((node) => ({ __typename: 'ParticipantEdge' as const, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c3' },
      totalCount: listeners.length,
    },
    raisedHands: [],
    viewerParticipant: host,
    ...overrides,
  };
}

type EventFields<T extends RoomEventTypename> = Omit<Extract<RoomEvent, { __typename: T }>, '__typename' | 'roomId' | 'version' | 'previousVersion' | 'at'>;

/** Numbers events 11, 12, ... in order; `reset()` starts again after version 10. */
export function eventSequence(start = 10) {
  let version = start;
  return {
    next<T extends RoomEventTypename>(typename: T, fields: EventFields<T>, versions?: { version: number; previousVersion: number }): RoomEvent {
      const numbered = versions ?? { version: version + 1, previousVersion: version };
      version = numbered.version;
      return { __typename: typename, roomId: 'room-1', at: AT, ...numbered, ...fields } as unknown as RoomEvent;
    },
  };
}
