import { ParticipantRole, RoomStatus } from '@roundtable/domain';

import type { Participant, RoomDetail, RoomEvent } from '../api/types';
import { appendAudiencePage, applyRoomEvent, dispositionOf, roomStateFrom, type RoomState, upsertParticipant } from './room-state';

const AT = '2026-01-01T10:00:00.000Z';

function participant(id: string, role: ParticipantRole, extra: Partial<Participant> = {}): Participant {
  return {
    id: `participant-${id}`,
    role,
    handRaisedAt: null,
    handRaiseQuestion: null,
    invitedToStageAt: null,
    muted: false,
    connected: false,
    joinedAt: AT,
    profile: { id, displayName: id.toUpperCase(), headline: null },
    ...extra,
  };
}

function room(overrides: Partial<RoomDetail> = {}): RoomState {
  const host = participant('host', ParticipantRole.Host);
  return roomStateFrom({
    id: 'room-1',
    title: 'Sharding at scale',
    description: null,
    status: RoomStatus.Live,
    visibility: 'PUBLIC',
    scheduledFor: null,
    startedAt: AT,
    endedAt: null,
    maxSpeakers: 5,
    version: 10,
    listenerCount: 2,
    topics: [],
    host: host.profile,
    stage: [host, participant('sam', ParticipantRole.Speaker)],
    audience: {
      edges: [{ node: participant('lea', ParticipantRole.Listener) }, { node: participant('tom', ParticipantRole.Listener) }],
      pageInfo: { hasNextPage: false, endCursor: 'c2' },
      totalCount: 2,
    },
    raisedHands: [],
    viewerParticipant: host,
    ...overrides,
  });
}

let version = 10;
function event<T extends RoomEvent['__typename']>(typename: T, fields: Omit<Extract<RoomEvent, { __typename: T }>, keyof RoomEventBase>): RoomEvent {
  version += 1;
  return { __typename: typename, roomId: 'room-1', version, previousVersion: version - 1, at: AT, ...fields } as unknown as RoomEvent;
}
type RoomEventBase = { __typename: string; roomId: string; version: number; previousVersion: number; at: string };

const ids = (list: readonly Participant[]) => list.map((p) => p.profile.id);

beforeEach(() => {
  version = 10;
});

describe('dispositionOf', () => {
  it('applies the next event in order', () => {
    expect(dispositionOf(10, { version: 11, previousVersion: 10 })).toBe('apply');
  });

  it('applies a coalesced AudienceChanged that continues from the last version', () => {
    expect(dispositionOf(10, { version: 14, previousVersion: 10 })).toBe('apply');
  });

  it('refetches when an event was missed (previousVersion is not the last version seen)', () => {
    expect(dispositionOf(10, { version: 13, previousVersion: 12 })).toBe('refetch');
  });

  it('ignores replays the fetched room already contains', () => {
    expect(dispositionOf(10, { version: 10, previousVersion: 9 })).toBe('ignore');
    expect(dispositionOf(10, { version: 7, previousVersion: 6 })).toBe('ignore');
  });
});

describe('applyRoomEvent', () => {
  it('ParticipantJoined adds a listener to the audience and counts them', () => {
    const next = applyRoomEvent(room(), event('ParticipantJoined', { participant: participant('ana', ParticipantRole.Listener) }), 'host');
    expect(ids(next.audience)).toEqual(['lea', 'tom', 'ana']);
    expect(next.listenerCount).toBe(3);
    expect(next.version).toBe(11);
  });

  it('ParticipantJoined is idempotent after the joinRoom result was applied', () => {
    const ana = participant('ana', ParticipantRole.Listener);
    const optimistic = upsertParticipant(room(), ana, 'ana', true);
    const next = applyRoomEvent(optimistic, event('ParticipantJoined', { participant: ana }), 'ana');
    expect(ids(next.audience)).toEqual(['lea', 'tom', 'ana']);
    expect(next.listenerCount).toBe(3);
    expect(next.viewerParticipant?.profile.id).toBe('ana');
  });

  it('ParticipantLeft removes a listener and the count drops', () => {
    const next = applyRoomEvent(room(), event('ParticipantLeft', { profileId: 'lea' }), 'host');
    expect(ids(next.audience)).toEqual(['tom']);
    expect(next.listenerCount).toBe(1);
  });

  it('ParticipantLeft of a speaker leaves the listener count alone', () => {
    const next = applyRoomEvent(room(), event('ParticipantLeft', { profileId: 'sam' }), 'host');
    expect(ids(next.stage)).toEqual(['host']);
    expect(next.listenerCount).toBe(2);
  });

  it('ParticipantLeft of a listener beyond the loaded page still lowers the count', () => {
    const paged = room({ listenerCount: 80, audience: { edges: [], pageInfo: { hasNextPage: true, endCursor: 'c' }, totalCount: 80 } });
    expect(applyRoomEvent(paged, event('ParticipantLeft', { profileId: 'someone' }), 'host').listenerCount).toBe(79);
  });

  it('AudienceChanged folds joins and leaves and takes the server count', () => {
    const next = applyRoomEvent(
      room(),
      { ...event('AudienceChanged', { listenerCount: 40, joined: [participant('ana', ParticipantRole.Listener)], leftProfileIds: ['tom'] }), version: 15 },
      'host',
    );
    expect(ids(next.audience)).toEqual(['lea', 'ana']);
    expect(next.listenerCount).toBe(40);
    expect(next.version).toBe(15);
  });

  it('HandRaised queues the listener with the question, oldest first; HandLowered takes it out', () => {
    const lea = participant('lea', ParticipantRole.Listener, { handRaisedAt: '2026-01-01T10:05:00.000Z', handRaiseQuestion: 'Why shard?' });
    const tom = participant('tom', ParticipantRole.Listener, { handRaisedAt: '2026-01-01T10:01:00.000Z', handRaiseQuestion: null });
    let state = applyRoomEvent(room(), event('HandRaised', { participant: lea }), 'host');
    state = applyRoomEvent(state, event('HandRaised', { participant: tom }), 'host');
    expect(ids(state.raisedHands)).toEqual(['tom', 'lea']);
    expect(state.raisedHands[1]?.handRaiseQuestion).toBe('Why shard?');
    expect(state.audience.find((p) => p.profile.id === 'lea')?.handRaisedAt).not.toBeNull();
    state = applyRoomEvent(state, event('HandLowered', { participant: participant('tom', ParticipantRole.Listener) }), 'host');
    expect(ids(state.raisedHands)).toEqual(['lea']);
    expect(state.listenerCount).toBe(2);
  });

  it('StageInvitation marks the viewer invited', () => {
    const invited = participant('tom', ParticipantRole.Listener, { invitedToStageAt: AT });
    const next = applyRoomEvent(room({ viewerParticipant: participant('tom', ParticipantRole.Listener) }), event('StageInvitation', { participant: invited }), 'tom');
    expect(next.viewerParticipant?.invitedToStageAt).toBe(AT);
  });

  it('RoleChanged to speaker moves a listener onto the stage, out of the queue and the count', () => {
    const raised = room({ raisedHands: [participant('tom', ParticipantRole.Listener, { handRaisedAt: AT })] });
    const next = applyRoomEvent(raised, event('RoleChanged', { participant: participant('tom', ParticipantRole.Speaker), previousRole: ParticipantRole.Listener }), 'host');
    expect(ids(next.stage)).toEqual(['host', 'sam', 'tom']);
    expect(ids(next.audience)).toEqual(['lea']);
    expect(next.raisedHands).toEqual([]);
    expect(next.listenerCount).toBe(1);
  });

  it('RoleChanged back to listener moves a speaker to the audience and counts them', () => {
    const next = applyRoomEvent(room(), event('RoleChanged', { participant: participant('sam', ParticipantRole.Listener), previousRole: ParticipantRole.Speaker }), 'host');
    expect(ids(next.stage)).toEqual(['host']);
    expect(ids(next.audience)).toEqual(['lea', 'tom', 'sam']);
    expect(next.listenerCount).toBe(3);
  });

  it('RoleChanged to moderator keeps the stage order', () => {
    const next = applyRoomEvent(room(), event('RoleChanged', { participant: participant('sam', ParticipantRole.Moderator), previousRole: ParticipantRole.Speaker }), 'host');
    expect(next.stage.map((p) => p.role)).toEqual([ParticipantRole.Host, ParticipantRole.Moderator]);
  });

  it('ParticipantMuted shows the muted flag on stage', () => {
    const next = applyRoomEvent(room(), event('ParticipantMuted', { participant: participant('sam', ParticipantRole.Speaker, { muted: true }) }), 'host');
    expect(next.stage[1]?.muted).toBe(true);
  });

  it('ParticipantRemoved of the viewer clears their participation and says whether they were banned', () => {
    const viewer = participant('tom', ParticipantRole.Listener);
    const next = applyRoomEvent(room({ viewerParticipant: viewer }), event('ParticipantRemoved', { profileId: 'tom', banned: true }), 'tom');
    expect(next.viewerParticipant).toBeNull();
    expect(next.viewerRemoved).toEqual({ banned: true });
    expect(next.listenerCount).toBe(1);
  });

  it('ParticipantRemoved of someone else leaves viewerRemoved unset', () => {
    const next = applyRoomEvent(room(), event('ParticipantRemoved', { profileId: 'lea', banned: false }), 'host');
    expect(next.viewerRemoved).toBeNull();
    expect(ids(next.audience)).toEqual(['tom']);
  });

  it('RoomStatusChanged updates the status', () => {
    const scheduled = room({ status: RoomStatus.Scheduled, startedAt: null });
    const live = applyRoomEvent(scheduled, event('RoomStatusChanged', { status: RoomStatus.Live }), 'host');
    expect(live.status).toBe(RoomStatus.Live);
    expect(live.startedAt).toBe(AT);
    expect(applyRoomEvent(live, event('RoomStatusChanged', { status: RoomStatus.Ended }), 'host').status).toBe(RoomStatus.Ended);
  });

  it('a HandRaised of a listener beyond the loaded page queues them without loading them out of order', () => {
    const paged = room({ listenerCount: 80, audience: { edges: [], pageInfo: { hasNextPage: true, endCursor: 'c' }, totalCount: 80 } });
    const far = participant('far', ParticipantRole.Listener, { handRaisedAt: AT });
    const next = applyRoomEvent(paged, event('HandRaised', { participant: far }), 'host');
    expect(next.audience).toEqual([]);
    expect(ids(next.raisedHands)).toEqual(['far']);
    expect(next.listenerCount).toBe(80);
  });
});

describe('appendAudiencePage', () => {
  it('appends the next page without duplicating listeners events already added', () => {
    const next = appendAudiencePage(
      room(),
      [participant('tom', ParticipantRole.Listener), participant('zoe', ParticipantRole.Listener)],
      { hasNextPage: false, endCursor: 'c4' },
    );
    expect(ids(next.audience)).toEqual(['lea', 'tom', 'zoe']);
    expect(next.audiencePage.endCursor).toBe('c4');
  });
});
