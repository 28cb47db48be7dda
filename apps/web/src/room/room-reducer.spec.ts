import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, type GraphQLInterfaceType } from 'graphql';

import { AT, eventSequence, participant, roomDetail } from './room-fixtures.test-helper';
import {
  createLiveRoomState,
  dispositionOf,
  HANDLED_EVENT_TYPES,
  roomReducer,
  type RoomAction,
  type LiveRoomState,
  visibleRoom,
} from './room-reducer';
import type { Participant, RoomEvent, UnknownRoomEvent } from './room-types';

const ids = (list: readonly Participant[]) => list.map((p) => p.profile.id);
const run = (state: LiveRoomState, ...actions: RoomAction[]) => actions.reduce(roomReducer, state);
const received = (event: RoomEvent | UnknownRoomEvent): RoomAction => ({ type: 'eventReceived', event });

function hostView(overrides: Parameters<typeof roomDetail>[0] = {}): LiveRoomState {
  return createLiveRoomState(roomDetail(overrides), 'host');
}

describe('room events: every type the served schema declares', () => {
  it('handles exactly the RoomEvent implementations in apps/web/schema.graphql', () => {
    // The compile-time check is the exhaustive switch; this one catches a stale schema copy too.
    const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
    const roomEvent = schema.getType('RoomEvent') as GraphQLInterfaceType;
    const implementations = schema.getImplementations(roomEvent).objects.map((type) => type.name);
    expect(Object.keys(HANDLED_EVENT_TYPES).sort()).toEqual(implementations.sort());
  });
});

describe('dispositionOf', () => {
  it('applies the next event in order, and a coalesced one that continues from the last version', () => {
    expect(dispositionOf(10, { version: 11, previousVersion: 10 })).toBe('apply');
    expect(dispositionOf(10, { version: 14, previousVersion: 10 })).toBe('apply');
  });

  it('refetches on a gap and ignores replays', () => {
    expect(dispositionOf(10, { version: 13, previousVersion: 12 })).toBe('refetch');
    expect(dispositionOf(10, { version: 10, previousVersion: 9 })).toBe('ignore');
  });
});

describe('each event type', () => {
  it('ParticipantJoined adds a listener and counts them once', () => {
    const events = eventSequence();
    const state = run(hostView(), received(events.next('ParticipantJoined', { participant: participant('new', 'LISTENER') })));
    const room = visibleRoom(state);
    expect(ids(room.audience)).toEqual(['lea', 'tom', 'ivy', 'new']);
    expect(room.listenerCount).toBe(4);
    expect(room.version).toBe(11);
  });

  it('ParticipantLeft takes a listener out, and a speaker out of the stage without touching the count', () => {
    const events = eventSequence();
    const state = run(hostView(), received(events.next('ParticipantLeft', { profileId: 'lea' })), received(events.next('ParticipantLeft', { profileId: 'sam' })));
    const room = visibleRoom(state);
    expect(ids(room.audience)).toEqual(['tom', 'ivy']);
    expect(ids(room.stage)).toEqual(['host']);
    expect(room.listenerCount).toBe(2);
  });

  it('AudienceChanged (issue 9): absolute listenerCount, joined shown, leftProfileIds removed, over folded versions', () => {
    const events = eventSequence();
    const event = events.next(
      'AudienceChanged',
      { listenerCount: 1204, joined: [participant('a', 'LISTENER'), participant('b', 'LISTENER')], leftProfileIds: ['lea', 'not-loaded'] },
      { version: 17, previousVersion: 10 },
    );
    const room = visibleRoom(run(hostView(), received(event)));
    expect(room.listenerCount).toBe(1204);
    expect(ids(room.audience)).toEqual(['tom', 'ivy', 'a', 'b']);
    expect(room.version).toBe(17);
  });

  it('HandRaised queues the hand with its question, oldest first; HandLowered takes it out', () => {
    const events = eventSequence();
    const late = participant('tom', 'LISTENER', { handRaisedAt: '2026-01-01T10:05:00.000Z', handRaiseQuestion: 'Why?' });
    const early = participant('lea', 'LISTENER', { handRaisedAt: '2026-01-01T10:01:00.000Z', handRaiseQuestion: null });
    let state = run(hostView(), received(events.next('HandRaised', { participant: late })), received(events.next('HandRaised', { participant: early })));
    expect(ids(visibleRoom(state).raisedHands)).toEqual(['lea', 'tom']);
    expect(visibleRoom(state).raisedHands[1]?.handRaiseQuestion).toBe('Why?');
    state = run(state, received(events.next('HandLowered', { participant: participant('lea', 'LISTENER') })));
    expect(ids(visibleRoom(state).raisedHands)).toEqual(['tom']);
    expect(visibleRoom(state).listenerCount).toBe(3);
  });

  it('StageInvitation marks the invitee; StageInvitationDeclined clears it and the stream goes on (bug 1)', () => {
    const events = eventSequence();
    const invited = participant('tom', 'LISTENER', { invitedToStageAt: '2026-01-01T10:06:00.000Z' });
    let state = run(hostView(), received(events.next('StageInvitation', { participant: invited })));
    expect(visibleRoom(state).audience.find((p) => p.profile.id === 'tom')?.invitedToStageAt).not.toBeNull();
    state = run(state, received(events.next('StageInvitationDeclined', { participant: participant('tom', 'LISTENER') })));
    expect(visibleRoom(state).audience.find((p) => p.profile.id === 'tom')?.invitedToStageAt).toBeNull();
    // The next event still applies: the page did not freeze.
    state = run(state, received(events.next('ParticipantLeft', { profileId: 'ivy' })));
    expect(visibleRoom(state).listenerCount).toBe(2);
    expect(state.refetchNeeded).toBe(false);
  });

  it('RoleChanged moves a listener onto the stage (count down by one) and back', () => {
    const events = eventSequence();
    let state = run(hostView(), received(events.next('RoleChanged', { participant: participant('tom', 'SPEAKER'), previousRole: 'LISTENER' })));
    expect(ids(visibleRoom(state).stage)).toEqual(['host', 'sam', 'tom']);
    expect(visibleRoom(state).listenerCount).toBe(2);
    state = run(state, received(events.next('RoleChanged', { participant: participant('tom', 'LISTENER'), previousRole: 'SPEAKER' })));
    expect(ids(visibleRoom(state).stage)).toEqual(['host', 'sam']);
    expect(visibleRoom(state).listenerCount).toBe(3);
  });

  it('RoleChanged to HOST hands the room over: "hosted by" follows (bug 5)', () => {
    const events = eventSequence();
    const state = run(
      hostView({ stage: [participant('host', 'HOST'), participant('mod', 'MODERATOR')] }),
      received(events.next('ParticipantLeft', { profileId: 'host' })),
      received(events.next('RoleChanged', { participant: participant('mod', 'HOST'), previousRole: 'MODERATOR' })),
    );
    const room = visibleRoom(state);
    expect(room.host.id).toBe('mod');
    expect(room.viewerParticipant).toBeNull();
    expect(room.listenerCount).toBe(3);
  });

  it('ParticipantMuted and ParticipantUnmuted flip a speaker’s muted state (bug 1: ParticipantUnmuted)', () => {
    const events = eventSequence();
    let state = run(hostView(), received(events.next('ParticipantMuted', { participant: participant('sam', 'SPEAKER', { muted: true }) })));
    expect(visibleRoom(state).stage[1]?.muted).toBe(true);
    state = run(state, received(events.next('ParticipantUnmuted', { participant: participant('sam', 'SPEAKER', { muted: false }) })));
    expect(visibleRoom(state).stage[1]?.muted).toBe(false);
    expect(state.refetchNeeded).toBe(false);
  });

  it('ParticipantConnectionChanged shows a speaker dropping off and coming back to the audio', () => {
    const events = eventSequence();
    let state = run(
      hostView(),
      received(events.next('ParticipantConnectionChanged', { participant: participant('sam', 'SPEAKER', { connected: false }), connected: false })),
    );
    expect(visibleRoom(state).stage[1]?.connected).toBe(false);
    state = run(state, received(events.next('ParticipantConnectionChanged', { participant: participant('sam', 'SPEAKER', { connected: true }), connected: true })));
    expect(visibleRoom(state).stage[1]?.connected).toBe(true);
    expect(state.refetchNeeded).toBe(false);
  });

  it('ParticipantRemoved of the viewer shows the removal notice, with the ban', () => {
    const events = eventSequence();
    const state = run(createLiveRoomState(roomDetail({ viewerParticipant: participant('tom', 'LISTENER') }), 'tom'), received(events.next('ParticipantRemoved', { profileId: 'tom', banned: true })));
    expect(state.viewerRemoved).toEqual({ banned: true });
    expect(visibleRoom(state).viewerParticipant).toBeNull();
    expect(visibleRoom(state).listenerCount).toBe(2);
  });

  it('RoomStatusChanged to ENDED ends the room for the viewer and drops pending changes (bug 6)', () => {
    const events = eventSequence();
    const state = run(
      hostView(),
      { type: 'participantChanged', participant: participant('tom', 'LISTENER', { handRaisedAt: '2026-01-01T10:00:00.000Z' }) },
      received(events.next('RoomStatusChanged', { status: 'ENDED' })),
    );
    const room = visibleRoom(state);
    expect(room.status).toBe('ENDED');
    expect(room.endedAt).not.toBeNull();
    expect(room.viewerParticipant).toBeNull();
    expect(room.raisedHands).toEqual([]);
    expect(state.pending).toEqual({});
  });

  it('RoomStatusChanged to LIVE starts a scheduled room', () => {
    const events = eventSequence();
    const state = run(hostView({ status: 'SCHEDULED', startedAt: null }), received(events.next('RoomStatusChanged', { status: 'LIVE' })));
    expect(visibleRoom(state).status).toBe('LIVE');
    expect(visibleRoom(state).startedAt).not.toBeNull();
  });
});

describe('question events in the room chain', () => {
  it('QuestionChanged moves the version on and leaves the room as it was; RoomConversationChanged sets every conversation setting', () => {
    const events = eventSequence();
    const before = hostView();
    const asked = run(before, received(events.next('QuestionChanged', { questionId: 'q-1', question: null })));
    expect(asked.refetchNeeded).toBe(false);
    expect(asked.confirmed).toEqual({ ...before.confirmed, version: 11 });
    const link = { __typename: 'PinnedLink' as const, url: 'https://example.com/slides', title: 'Slides', pinnedAt: AT, pinnedBy: { __typename: 'Profile' as const, id: 'host', displayName: 'HOST' } };
    const screened = run(asked, received(events.next('RoomConversationChanged', { screensQuestions: true, chatMode: 'SLOW', chatSlowModeSeconds: 30, pinnedLinks: [link] })));
    const room = visibleRoom(screened);
    expect({ screensQuestions: room.screensQuestions, chatMode: room.chatMode, chatSlowModeSeconds: room.chatSlowModeSeconds, pinnedLinks: room.pinnedLinks, version: room.version }).toEqual({
      screensQuestions: true,
      chatMode: 'SLOW',
      chatSlowModeSeconds: 30,
      pinnedLinks: [link],
      version: 12,
    });
  });
});

describe('an event type this build does not know', () => {
  it('is ignored without throwing and asks for a refetch; the refetched room resumes the stream', () => {
    const unknown: UnknownRoomEvent = { __typename: 'SomethingNew', roomId: 'room-1', version: 11, previousVersion: 10, at: 'x' };
    let state = run(hostView(), received(unknown));
    expect(state.refetchNeeded).toBe(true);
    expect(state.confirmed.version).toBe(10);
    state = run(state, { type: 'roomLoaded', room: roomDetail({ version: 11 }) });
    expect(state.refetchNeeded).toBe(false);
    const events = eventSequence(11);
    state = run(state, received(events.next('ParticipantLeft', { profileId: 'lea' })));
    expect(visibleRoom(state).listenerCount).toBe(2);
  });
});

describe('version order and gaps', () => {
  it('ignores replays at or below the version it has', () => {
    const state = hostView();
    const replay = eventSequence(9).next('ParticipantLeft', { profileId: 'lea' });
    expect(run(state, received(replay))).toBe(state);
  });

  it('does not apply an event after a gap, asks for a refetch, and keeps asking once', () => {
    const events = eventSequence(11);
    const state = run(hostView(), received(events.next('ParticipantLeft', { profileId: 'lea' })), received(events.next('ParticipantLeft', { profileId: 'tom' })));
    expect(state.refetchNeeded).toBe(true);
    expect(visibleRoom(state).listenerCount).toBe(3);
    expect(ids(visibleRoom(state).audience)).toEqual(['lea', 'tom', 'ivy']);
  });
});

// Bug 2 (kind: an optimistic update and its event both applied): every mutation result and its
// event, in both orders, count once.
describe('optimistic updates never double-count', () => {
  it('the host removes one of 3 listeners: 2, before and after the event (bug 2 as reported)', () => {
    const events = eventSequence();
    let state = run(hostView(), { type: 'participantRemoved', profileId: 'tom' });
    expect(visibleRoom(state).listenerCount).toBe(2);
    state = run(state, received(events.next('ParticipantRemoved', { profileId: 'tom', banned: false })));
    expect(visibleRoom(state).listenerCount).toBe(2);
    expect(ids(visibleRoom(state).audience)).toEqual(['lea', 'ivy']);
  });

  it('the event arrives before the mutation result: still 2', () => {
    const events = eventSequence();
    const state = run(hostView(), received(events.next('ParticipantRemoved', { profileId: 'tom', banned: false })), { type: 'participantRemoved', profileId: 'tom' });
    expect(visibleRoom(state).listenerCount).toBe(2);
  });

  it('removing a speaker does not touch the listener count', () => {
    const events = eventSequence();
    const state = run(hostView(), { type: 'participantRemoved', profileId: 'sam' }, received(events.next('ParticipantRemoved', { profileId: 'sam', banned: true })));
    expect(visibleRoom(state).listenerCount).toBe(3);
    expect(ids(visibleRoom(state).stage)).toEqual(['host']);
  });

  it('the host leaving does not knock a listener off', () => {
    const events = eventSequence();
    const state = run(hostView(), { type: 'participantRemoved', profileId: 'host' }, received(events.next('ParticipantLeft', { profileId: 'host' })));
    expect(visibleRoom(state).listenerCount).toBe(3);
  });

  it('joining, then the ParticipantJoined event: the viewer is counted once (variant: a listener who joins)', () => {
    const events = eventSequence();
    const me = participant('me', 'LISTENER');
    let state = createLiveRoomState(roomDetail({ viewerParticipant: null }), 'me');
    state = run(state, { type: 'participantChanged', participant: me });
    expect(visibleRoom(state).listenerCount).toBe(4);
    state = run(state, received(events.next('ParticipantJoined', { participant: me })));
    expect(visibleRoom(state).listenerCount).toBe(4);
    expect(ids(visibleRoom(state).audience)).toEqual(['lea', 'tom', 'ivy', 'me']);
  });

  it('accepting an invitation in a paged audience moves the viewer to the stage once, in either order', () => {
    const events = eventSequence();
    const paged = roomDetail({ viewerParticipant: participant('me', 'LISTENER'), listenerCount: 500 });
    const detail = { ...paged, audience: { ...paged.audience, pageInfo: { ...paged.audience.pageInfo, hasNextPage: true } } };
    const speaker = participant('me', 'SPEAKER');
    const resultFirst = run(createLiveRoomState(detail, 'me'), { type: 'participantChanged', participant: speaker }, received(events.next('RoleChanged', { participant: speaker, previousRole: 'LISTENER' })));
    const eventFirst = run(
      createLiveRoomState(detail, 'me'),
      received(eventSequence().next('RoleChanged', { participant: speaker, previousRole: 'LISTENER' })),
      { type: 'participantChanged', participant: speaker },
    );
    for (const state of [resultFirst, eventFirst]) {
      expect(visibleRoom(state).listenerCount).toBe(499);
      expect(ids(visibleRoom(state).stage)).toEqual(['host', 'sam', 'me']);
    }
  });

  it('a failed refetch target: refetching drops every pending change', () => {
    const state = run(hostView(), { type: 'participantRemoved', profileId: 'tom' }, { type: 'roomLoaded', room: roomDetail({ version: 12 }) });
    expect(state.pending).toEqual({});
    expect(visibleRoom(state).listenerCount).toBe(3);
  });
});

describe('removal notice (bug 3: stale banner)', () => {
  it('is cleared when the removed viewer joins again, and survives a refetch until then', () => {
    const events = eventSequence();
    let state = createLiveRoomState(roomDetail({ viewerParticipant: participant('tom', 'LISTENER') }), 'tom');
    state = run(state, received(events.next('ParticipantRemoved', { profileId: 'tom', banned: false })));
    state = run(state, { type: 'roomLoaded', room: roomDetail({ version: 11, viewerParticipant: null }) });
    expect(state.viewerRemoved).toEqual({ banned: false });
    state = run(state, { type: 'participantChanged', participant: participant('tom', 'LISTENER') });
    expect(state.viewerRemoved).toBeNull();
  });
});

describe('audience pages', () => {
  it('appends a page and skips listeners that events already brought in', () => {
    const events = eventSequence();
    let state = run(hostView(), received(events.next('ParticipantJoined', { participant: participant('zed', 'LISTENER') })));
    state = run(state, {
      type: 'audiencePageLoaded',
      participants: [participant('zed', 'LISTENER'), participant('kim', 'LISTENER')],
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c5' },
    });
    expect(ids(visibleRoom(state).audience)).toEqual(['lea', 'tom', 'ivy', 'zed', 'kim']);
  });
});
