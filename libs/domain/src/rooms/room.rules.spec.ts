import { DomainErrorCode } from '../errors/domain-error';
import { createRoom } from './room-creation';
import type { RoomCommand } from './room.commands';
import type { RoomEvent } from './room.events';
import { audienceOf, checkInvariants, decide, raisedHandsOf, stageCount, stageOf } from './room.rules';
import { ParticipantRole, type ParticipantState, type RoomState, RoomStatus } from './room.types';
import { HOST, T0, at, expectDomainError, newLiveRoom, roomWith, run, snapshot } from './room.test-helper';

const NOW = at(1000);

function decideNow(state: RoomState, command: RoomCommand) {
  const before = snapshot(state);
  const decision = decide(state, command, NOW);
  // Every accepted command must leave its input untouched and a consistent result.
  expect(snapshot(state)).toEqual(before);
  expect(checkInvariants(decision.state)).toEqual([]);
  return decision;
}

function expectRejected(state: RoomState, command: RoomCommand, code: DomainErrorCode) {
  const before = snapshot(state);
  const error = expectDomainError(() => decide(state, command, NOW), code);
  expect(snapshot(state)).toEqual(before);
  return error;
}

function participant(state: RoomState, id: string): ParticipantState {
  const found = state.participants.get(id);
  if (found === undefined) throw new Error(`${id} is not in the room`);
  return found;
}

function scheduledRoom(): RoomState {
  return createRoom({ id: 'room-s', hostId: HOST, title: 'Later', scheduledFor: at(3600) }, T0).state;
}

function endedRoom(): RoomState {
  return decide(newLiveRoom(), { type: 'EndRoom', actorId: HOST }, at(1)).state;
}

describe('decide: versions and events', () => {
  it('numbers events consecutively from the state version and stamps room and time', () => {
    const state = roomWith({ moderators: ['mod'] });
    const { state: next, events } = decideNow(state, { type: 'LeaveRoom', actorId: HOST });
    expect(events.map((e) => e.type)).toEqual(['ParticipantLeft', 'RoleChanged']);
    events.forEach((event, index) => {
      expect(event.previousVersion).toBe(state.version + index);
      expect(event.version).toBe(state.version + index + 1);
      expect(event.roomId).toBe(state.id);
      expect(event.at).toBe(NOW);
    });
    expect(next.version).toBe(state.version + 2);
  });

  it('returns the same state and no events for a no-op', () => {
    const state = roomWith({ listeners: ['ann'] });
    const decision = decideNow(state, { type: 'JoinRoom', actorId: 'ann' });
    expect(decision.events).toEqual([]);
    expect(decision.state).toBe(state);
  });
});

describe('room status', () => {
  it.each<RoomCommand>([
    { type: 'StartRoom', actorId: HOST },
    { type: 'EndRoom', actorId: HOST },
    { type: 'JoinRoom', actorId: 'ann' },
    { type: 'RemoveParticipant', actorId: HOST, targetId: 'ann', ban: true },
  ])('rejects $type on an ENDED room with RoomEnded', (command) => {
    expectRejected(endedRoom(), command, DomainErrorCode.RoomEnded);
  });

  it.each<RoomCommand>([
    { type: 'JoinRoom', actorId: 'ann' },
    { type: 'JoinRoom', actorId: HOST },
    { type: 'RaiseHand', actorId: 'ann', question: null },
    { type: 'LeaveRoom', actorId: HOST },
  ])('rejects $type on a SCHEDULED room with RoomNotLive', (command) => {
    expectRejected(scheduledRoom(), command, DomainErrorCode.RoomNotLive);
  });
});

describe('StartRoom', () => {
  it('takes a scheduled room live with the host on stage', () => {
    const { state, events } = decideNow(scheduledRoom(), { type: 'StartRoom', actorId: HOST });
    expect(state.status).toBe(RoomStatus.Live);
    expect(state.startedAt).toBe(NOW);
    const host = participant(state, HOST);
    expect(host).toMatchObject({ role: ParticipantRole.Host, stageSince: NOW, joinedAt: NOW, muted: false });
    expect(events).toMatchObject([
      { type: 'RoomStatusChanged', status: RoomStatus.Live, version: 1, previousVersion: 0 },
      { type: 'ParticipantJoined', participant: host, version: 2, previousVersion: 1 },
    ]);
  });

  it('lets only the host start the room', () => {
    expectRejected(scheduledRoom(), { type: 'StartRoom', actorId: 'ann' }, DomainErrorCode.NotAllowed);
  });

  it('rejects starting a live room', () => {
    expectRejected(newLiveRoom(), { type: 'StartRoom', actorId: HOST }, DomainErrorCode.RoomAlreadyLive);
  });
});

describe('EndRoom', () => {
  it('ends a live room, empties it and emits only the status change', () => {
    const state = roomWith({ listeners: ['ann'], speakers: ['sam'] });
    const { state: next, events } = decideNow(state, { type: 'EndRoom', actorId: HOST });
    expect(next.status).toBe(RoomStatus.Ended);
    expect(next.endedAt).toBe(NOW);
    expect(next.participants.size).toBe(0);
    expect(events).toMatchObject([{ type: 'RoomStatusChanged', status: RoomStatus.Ended }]);
  });

  it('cancels a scheduled room', () => {
    const { state } = decideNow(scheduledRoom(), { type: 'EndRoom', actorId: HOST });
    expect(state.status).toBe(RoomStatus.Ended);
  });

  // Kind: a cancel that lost a race to startRoom (issue 18). cancelRoom checks its row before the
  // command runs; the room may have started since, so the command itself judges SCHEDULED again.
  it.each([
    ['a room that went live after the cancel was checked', () => newLiveRoom(), DomainErrorCode.RoomAlreadyLive],
    ['a room that ended meanwhile (variant)', () => endedRoom(), DomainErrorCode.RoomEnded],
  ])('a cancel (EndRoom with cancel) refuses %s and changes nothing', (_name, room, code) => {
    expectRejected(room(), { type: 'EndRoom', actorId: HOST, cancel: true }, code);
  });

  it('a cancel ends a scheduled room, as EndRoom does', () => {
    const { state } = decideNow(scheduledRoom(), { type: 'EndRoom', actorId: HOST, cancel: true });
    expect(state.status).toBe(RoomStatus.Ended);
  });

  it('lets only the host end the room, not even a moderator', () => {
    const state = roomWith({ moderators: ['mod'] });
    expectRejected(state, { type: 'EndRoom', actorId: 'mod' }, DomainErrorCode.NotAllowed);
    expectRejected(scheduledRoom(), { type: 'EndRoom', actorId: 'ann' }, DomainErrorCode.NotAllowed);
  });
});

describe('JoinRoom', () => {
  it('adds a listener', () => {
    const { state, events } = decideNow(newLiveRoom(), { type: 'JoinRoom', actorId: 'ann' });
    const ann = participant(state, 'ann');
    expect(ann).toEqual({
      profileId: 'ann',
      role: ParticipantRole.Listener,
      joinedAt: NOW,
      stageSince: null,
      handRaisedAt: null,
      handRaiseQuestion: null,
      invitedToStageAt: null,
      muted: false,
    });
    expect(events).toMatchObject([{ type: 'ParticipantJoined', participant: ann }]);
  });

  it('rejects a banned profile', () => {
    const state = run(roomWith({ listeners: ['ann'] }), [
      { type: 'RemoveParticipant', actorId: HOST, targetId: 'ann', ban: true },
    ], 100);
    expectRejected(state, { type: 'JoinRoom', actorId: 'ann' }, DomainErrorCode.Banned);
  });

  it('lets the host back in as HOST when the room has none (a projection without the host)', () => {
    const live = newLiveRoom();
    const withoutHost: RoomState = { ...live, participants: new Map() };
    const { state } = decide(withoutHost, { type: 'JoinRoom', actorId: HOST }, NOW);
    expect(participant(state, HOST)).toMatchObject({ role: ParticipantRole.Host, stageSince: NOW });
  });
});

describe('LeaveRoom', () => {
  it('removes a listener', () => {
    const { state, events } = decideNow(roomWith({ listeners: ['ann'] }), { type: 'LeaveRoom', actorId: 'ann' });
    expect(state.participants.has('ann')).toBe(false);
    expect(events).toMatchObject([{ type: 'ParticipantLeft', profileId: 'ann' }]);
  });

  it('rejects someone who is not in the room', () => {
    expectRejected(newLiveRoom(), { type: 'LeaveRoom', actorId: 'ann' }, DomainErrorCode.NotAParticipant);
  });

  it('hands the room to the longest-serving moderator when the host leaves', () => {
    // 'zed' became a moderator first (came on stage first), so 'amy' does not win on her id.
    const state = roomWith({ moderators: ['zed', 'amy'], speakers: ['sam'] });
    const { state: next, events } = decideNow(state, { type: 'LeaveRoom', actorId: HOST });
    expect(next.hostId).toBe('zed');
    expect(participant(next, 'zed').role).toBe(ParticipantRole.Host);
    expect(next.status).toBe(RoomStatus.Live);
    expect(events).toMatchObject([
      { type: 'ParticipantLeft', profileId: HOST },
      { type: 'RoleChanged', previousRole: ParticipantRole.Moderator, participant: { profileId: 'zed', role: ParticipantRole.Host } },
    ]);
    // The new host now holds the host's powers.
    expect(decide(next, { type: 'EndRoom', actorId: 'zed' }, at(2000)).state.status).toBe(RoomStatus.Ended);
  });

  it('breaks a tie between moderators by profile id', () => {
    const base = roomWith({ moderators: ['zed', 'amy'] });
    const sameTime = new Map(base.participants);
    for (const id of ['zed', 'amy']) sameTime.set(id, { ...participant(base, id), stageSince: T0 });
    const { state } = decide({ ...base, participants: sameTime }, { type: 'LeaveRoom', actorId: HOST }, NOW);
    expect(state.hostId).toBe('amy');
  });

  it('ends the room when the host leaves and there is no moderator', () => {
    const state = roomWith({ speakers: ['sam'], listeners: ['ann'] });
    const { state: next, events } = decideNow(state, { type: 'LeaveRoom', actorId: HOST });
    expect(next.status).toBe(RoomStatus.Ended);
    expect(next.endedAt).toBe(NOW);
    expect(next.participants.size).toBe(0);
    expect(events.map((e) => e.type)).toEqual(['ParticipantLeft', 'RoomStatusChanged']);
    expect(events[1]).toMatchObject({ status: RoomStatus.Ended });
  });
});

describe('RaiseHand', () => {
  const listening = () => roomWith({ listeners: ['ann'], speakers: ['sam'] });

  it('raises the hand with a trimmed question', () => {
    const { state, events } = decideNow(listening(), { type: 'RaiseHand', actorId: 'ann', question: '  How do you run Kafka?  ' });
    const ann = participant(state, 'ann');
    expect(ann).toMatchObject({ handRaisedAt: NOW, handRaiseQuestion: 'How do you run Kafka?' });
    expect(events).toMatchObject([{ type: 'HandRaised', participant: ann }]);
  });

  it.each([null, '', '   '])('stores a blank question (%j) as null', (question) => {
    const { state } = decideNow(listening(), { type: 'RaiseHand', actorId: 'ann', question });
    expect(participant(state, 'ann').handRaiseQuestion).toBeNull();
  });

  it('accepts 500 characters (a question of the queue has as many) and rejects 501 with field "question"', () => {
    decideNow(listening(), { type: 'RaiseHand', actorId: 'ann', question: 'q'.repeat(500) });
    const error = expectRejected(listening(), { type: 'RaiseHand', actorId: 'ann', question: 'q'.repeat(501) }, DomainErrorCode.InvalidInput);
    expect(error.field).toBe('question');
  });

  it('counts an emoji as one character', () => {
    const { state } = decideNow(listening(), { type: 'RaiseHand', actorId: 'ann', question: '🎤'.repeat(500) });
    expect(participant(state, 'ann').handRaiseQuestion).toHaveLength(1000);
  });

  it('rejects a non-participant, someone on stage and a second raise', () => {
    expectRejected(listening(), { type: 'RaiseHand', actorId: 'bob', question: null }, DomainErrorCode.NotAParticipant);
    expectRejected(listening(), { type: 'RaiseHand', actorId: 'sam', question: null }, DomainErrorCode.AlreadyOnStage);
    expectRejected(listening(), { type: 'RaiseHand', actorId: HOST, question: null }, DomainErrorCode.AlreadyOnStage);
    const raised = decide(listening(), { type: 'RaiseHand', actorId: 'ann', question: null }, at(500)).state;
    expectRejected(raised, { type: 'RaiseHand', actorId: 'ann', question: 'again' }, DomainErrorCode.HandAlreadyRaised);
  });
});

describe('LowerHand', () => {
  it('lowers the hand and clears the question', () => {
    const raised = run(roomWith({ listeners: ['ann'] }), [{ type: 'RaiseHand', actorId: 'ann', question: 'Why?' }], 100);
    const { state, events } = decideNow(raised, { type: 'LowerHand', actorId: 'ann' });
    expect(participant(state, 'ann')).toMatchObject({ handRaisedAt: null, handRaiseQuestion: null });
    expect(events).toMatchObject([{ type: 'HandLowered', participant: participant(state, 'ann') }]);
  });

  it('is a no-op when the hand is down', () => {
    const state = roomWith({ listeners: ['ann'] });
    expect(decideNow(state, { type: 'LowerHand', actorId: 'ann' })).toEqual({ state, events: [] });
  });

  it('rejects a non-participant', () => {
    expectRejected(newLiveRoom(), { type: 'LowerHand', actorId: 'ann' }, DomainErrorCode.NotAParticipant);
  });
});

describe('InviteToStage', () => {
  const room = () => roomWith({ moderators: ['mod'], speakers: ['sam'], listeners: ['ann', 'bob'] });

  it.each([HOST, 'mod'])('lets %s invite a listener', (actorId) => {
    const { state, events } = decideNow(room(), { type: 'InviteToStage', actorId, targetId: 'ann' });
    expect(participant(state, 'ann').invitedToStageAt).toBe(NOW);
    expect(participant(state, 'ann').role).toBe(ParticipantRole.Listener);
    expect(events).toMatchObject([{ type: 'StageInvitation', participant: participant(state, 'ann') }]);
  });

  it.each(['sam', 'bob', 'stranger'])('does not let %s invite', (actorId) => {
    expectRejected(room(), { type: 'InviteToStage', actorId, targetId: 'ann' }, DomainErrorCode.NotAllowed);
  });

  it('rejects a target who is not in the room, already on stage or already invited', () => {
    expectRejected(room(), { type: 'InviteToStage', actorId: HOST, targetId: 'stranger' }, DomainErrorCode.NotAParticipant);
    expectRejected(room(), { type: 'InviteToStage', actorId: HOST, targetId: 'sam' }, DomainErrorCode.AlreadyOnStage);
    const invited = run(room(), [{ type: 'InviteToStage', actorId: HOST, targetId: 'ann' }], 100);
    expectRejected(invited, { type: 'InviteToStage', actorId: 'mod', targetId: 'ann' }, DomainErrorCode.AlreadyInvited);
  });

  it('rejects an invitation when the stage is full', () => {
    const full = roomWith({ speakers: ['sam'], listeners: ['ann'], maxSpeakers: 2 });
    expectRejected(full, { type: 'InviteToStage', actorId: HOST, targetId: 'ann' }, DomainErrorCode.StageFull);
  });
});

describe('AcceptStageInvite', () => {
  it('brings the invitee on stage as a speaker, clearing hand, question and invitation', () => {
    const invited = run(roomWith({ listeners: ['ann'] }), [
      { type: 'RaiseHand', actorId: 'ann', question: 'Can I add something?' },
      { type: 'InviteToStage', actorId: HOST, targetId: 'ann' },
    ], 100);
    const { state, events } = decideNow(invited, { type: 'AcceptStageInvite', actorId: 'ann' });
    const ann = participant(state, 'ann');
    expect(ann).toMatchObject({
      role: ParticipantRole.Speaker,
      stageSince: NOW,
      handRaisedAt: null,
      handRaiseQuestion: null,
      invitedToStageAt: null,
      muted: false,
    });
    expect(events).toMatchObject([{ type: 'RoleChanged', previousRole: ParticipantRole.Listener, participant: ann }]);
  });

  it('rejects without a pending invitation', () => {
    const state = roomWith({ listeners: ['ann'] });
    expectRejected(state, { type: 'AcceptStageInvite', actorId: 'ann' }, DomainErrorCode.NoPendingInvitation);
    expectRejected(state, { type: 'AcceptStageInvite', actorId: 'stranger' }, DomainErrorCode.NoPendingInvitation);
  });

  it('rejects when the stage filled up meanwhile, and keeps the invitation', () => {
    const state = run(roomWith({ listeners: ['ann', 'bob'], maxSpeakers: 2 }), [
      { type: 'InviteToStage', actorId: HOST, targetId: 'ann' },
      { type: 'InviteToStage', actorId: HOST, targetId: 'bob' },
      { type: 'AcceptStageInvite', actorId: 'bob' },
    ], 100);
    expectRejected(state, { type: 'AcceptStageInvite', actorId: 'ann' }, DomainErrorCode.StageFull);
    expect(participant(state, 'ann').invitedToStageAt).not.toBeNull();
    // Once a seat frees up, the same invitation works.
    const freed = run(state, [{ type: 'MoveToAudience', actorId: 'bob', targetId: 'bob' }], 200);
    expect(participant(decideNow(freed, { type: 'AcceptStageInvite', actorId: 'ann' }).state, 'ann').role).toBe(ParticipantRole.Speaker);
  });
});

describe('DeclineStageInvite', () => {
  it('clears the invitation', () => {
    const invited = run(roomWith({ listeners: ['ann'] }), [{ type: 'InviteToStage', actorId: HOST, targetId: 'ann' }], 100);
    const { state, events } = decideNow(invited, { type: 'DeclineStageInvite', actorId: 'ann' });
    expect(participant(state, 'ann')).toMatchObject({ invitedToStageAt: null, role: ParticipantRole.Listener });
    expect(events).toMatchObject([{ type: 'StageInvitationDeclined', participant: participant(state, 'ann') }]);
  });

  it('rejects without a pending invitation', () => {
    expectRejected(roomWith({ listeners: ['ann'] }), { type: 'DeclineStageInvite', actorId: 'ann' }, DomainErrorCode.NoPendingInvitation);
  });
});

describe('MoveToAudience', () => {
  const room = () =>
    run(roomWith({ moderators: ['mod', 'mod2'], speakers: ['sam', 'sue'], listeners: ['ann'] }), [
      { type: 'MuteParticipant', actorId: HOST, targetId: 'sam' },
    ], 100);

  it.each([HOST, 'mod'])('lets %s move a speaker back, unmuted', (actorId) => {
    const { state, events } = decideNow(room(), { type: 'MoveToAudience', actorId, targetId: 'sam' });
    expect(participant(state, 'sam')).toMatchObject({ role: ParticipantRole.Listener, stageSince: null, muted: false });
    expect(events).toMatchObject([{ type: 'RoleChanged', previousRole: ParticipantRole.Speaker, participant: participant(state, 'sam') }]);
  });

  it('lets a moderator move another moderator back', () => {
    const { events } = decideNow(room(), { type: 'MoveToAudience', actorId: 'mod', targetId: 'mod2' });
    expect(events).toMatchObject([{ previousRole: ParticipantRole.Moderator }]);
  });

  it.each(['sam', 'mod'])('lets %s step down', (actorId) => {
    const { state } = decideNow(room(), { type: 'MoveToAudience', actorId, targetId: actorId });
    expect(participant(state, actorId).role).toBe(ParticipantRole.Listener);
  });

  it.each([
    ['sue', 'sam'],
    ['ann', 'sam'],
    ['ann', 'ann'],
    ['stranger', 'sam'],
  ])('does not let %s move %s', (actorId, targetId) => {
    expectRejected(room(), { type: 'MoveToAudience', actorId, targetId }, DomainErrorCode.NotAllowed);
  });

  it('protects the host, also from themself', () => {
    expectRejected(room(), { type: 'MoveToAudience', actorId: 'mod', targetId: HOST }, DomainErrorCode.HostIsProtected);
    expectRejected(room(), { type: 'MoveToAudience', actorId: HOST, targetId: HOST }, DomainErrorCode.HostIsProtected);
  });

  it('rejects a target not in the room or not on stage', () => {
    expectRejected(room(), { type: 'MoveToAudience', actorId: HOST, targetId: 'stranger' }, DomainErrorCode.NotAParticipant);
    expectRejected(room(), { type: 'MoveToAudience', actorId: HOST, targetId: 'ann' }, DomainErrorCode.NotOnStage);
  });
});

describe('SetModerator', () => {
  const room = () => roomWith({ moderators: ['mod'], speakers: ['sam'], listeners: ['ann'] });

  it('promotes a speaker', () => {
    const { state, events } = decideNow(room(), { type: 'SetModerator', actorId: HOST, targetId: 'sam', moderator: true });
    expect(participant(state, 'sam').role).toBe(ParticipantRole.Moderator);
    expect(events).toMatchObject([{ type: 'RoleChanged', previousRole: ParticipantRole.Speaker }]);
  });

  // Kind: on stage without consent (issue 6 #13). Every path onto the stage is an accepted invitation.
  it('refuses to put a listener on stage as moderator without their consent', () => {
    const state = room();
    expectRejected(state, { type: 'SetModerator', actorId: HOST, targetId: 'ann', moderator: true }, DomainErrorCode.NotOnStage);
    expect(participant(state, 'ann').role).toBe(ParticipantRole.Listener);
  });

  it('refuses it even while the listener is invited or asking; accepting first makes it possible', () => {
    const asking = run(room(), [
      { type: 'RaiseHand', actorId: 'ann', question: 'Hi' },
      { type: 'InviteToStage', actorId: 'mod', targetId: 'ann' },
    ], 100);
    expectRejected(asking, { type: 'SetModerator', actorId: HOST, targetId: 'ann', moderator: true }, DomainErrorCode.NotOnStage);
    const accepted = run(asking, [{ type: 'AcceptStageInvite', actorId: 'ann' }], 200);
    const { state, events } = decideNow(accepted, { type: 'SetModerator', actorId: HOST, targetId: 'ann', moderator: true });
    expect(participant(state, 'ann').role).toBe(ParticipantRole.Moderator);
    expect(events).toMatchObject([{ previousRole: ParticipantRole.Speaker }]);
  });

  it('promotes a speaker on a full stage (the speaker already holds a seat)', () => {
    const full = roomWith({ speakers: ['sam'], listeners: ['ann'], maxSpeakers: 2 });
    decideNow(full, { type: 'SetModerator', actorId: HOST, targetId: 'sam', moderator: true });
  });

  it('demotes a moderator to speaker', () => {
    const { state, events } = decideNow(room(), { type: 'SetModerator', actorId: HOST, targetId: 'mod', moderator: false });
    expect(participant(state, 'mod').role).toBe(ParticipantRole.Speaker);
    expect(events).toMatchObject([{ previousRole: ParticipantRole.Moderator }]);
  });

  it.each([
    ['mod', true],
    ['sam', false],
    ['ann', false],
  ] as const)('is a no-op for %s with moderator=%s', (targetId, moderator) => {
    const state = room();
    expect(decideNow(state, { type: 'SetModerator', actorId: HOST, targetId, moderator })).toEqual({ state, events: [] });
  });

  it('lets only the host appoint, protects the host and needs a participant', () => {
    expectRejected(room(), { type: 'SetModerator', actorId: 'mod', targetId: 'sam', moderator: true }, DomainErrorCode.NotAllowed);
    expectRejected(room(), { type: 'SetModerator', actorId: HOST, targetId: HOST, moderator: false }, DomainErrorCode.HostIsProtected);
    expectRejected(room(), { type: 'SetModerator', actorId: HOST, targetId: 'stranger', moderator: true }, DomainErrorCode.NotAParticipant);
  });
});

describe('MuteParticipant', () => {
  const room = () => roomWith({ moderators: ['mod'], speakers: ['sam', 'sue'], listeners: ['ann'] });

  it.each([HOST, 'mod'])('lets %s mute a speaker', (actorId) => {
    const { state, events } = decideNow(room(), { type: 'MuteParticipant', actorId, targetId: 'sam' });
    expect(participant(state, 'sam').muted).toBe(true);
    expect(events).toMatchObject([{ type: 'ParticipantMuted', participant: participant(state, 'sam') }]);
  });

  it.each(['sam', 'mod', HOST])('lets %s mute themself', (actorId) => {
    const { state } = decideNow(room(), { type: 'MuteParticipant', actorId, targetId: actorId });
    expect(participant(state, actorId).muted).toBe(true);
  });

  it.each([
    ['sue', 'sam'],
    ['ann', 'sam'],
    ['ann', 'ann'],
    ['stranger', 'sam'],
  ])('does not let %s mute %s', (actorId, targetId) => {
    expectRejected(room(), { type: 'MuteParticipant', actorId, targetId }, DomainErrorCode.NotAllowed);
  });

  it('protects the host from others', () => {
    expectRejected(room(), { type: 'MuteParticipant', actorId: 'mod', targetId: HOST }, DomainErrorCode.HostIsProtected);
  });

  it('rejects a listener or absent target', () => {
    expectRejected(room(), { type: 'MuteParticipant', actorId: HOST, targetId: 'ann' }, DomainErrorCode.NotOnStage);
    expectRejected(room(), { type: 'MuteParticipant', actorId: HOST, targetId: 'stranger' }, DomainErrorCode.NotAParticipant);
  });

  it('is a no-op when already muted', () => {
    const muted = run(room(), [{ type: 'MuteParticipant', actorId: HOST, targetId: 'sam' }], 100);
    expect(decideNow(muted, { type: 'MuteParticipant', actorId: 'mod', targetId: 'sam' })).toEqual({ state: muted, events: [] });
  });
});

describe('UnmuteSelf', () => {
  const room = () =>
    run(roomWith({ speakers: ['sam'], listeners: ['ann'] }), [{ type: 'MuteParticipant', actorId: HOST, targetId: 'sam' }], 100);

  it('unmutes a muted speaker, even one a moderator muted', () => {
    const { state, events } = decideNow(room(), { type: 'UnmuteSelf', actorId: 'sam' });
    expect(participant(state, 'sam').muted).toBe(false);
    expect(events).toMatchObject([{ type: 'ParticipantUnmuted', participant: participant(state, 'sam') }]);
  });

  it('is a no-op when not muted', () => {
    const state = room();
    expect(decideNow(state, { type: 'UnmuteSelf', actorId: HOST })).toEqual({ state, events: [] });
  });

  it('rejects a listener and a non-participant', () => {
    expectRejected(room(), { type: 'UnmuteSelf', actorId: 'ann' }, DomainErrorCode.NotOnStage);
    expectRejected(room(), { type: 'UnmuteSelf', actorId: 'stranger' }, DomainErrorCode.NotAParticipant);
  });
});

describe('RemoveParticipant', () => {
  const room = () => roomWith({ moderators: ['mod', 'mod2'], speakers: ['sam'], listeners: ['ann'] });

  it('removes without banning, so they may come back', () => {
    const { state, events } = decideNow(room(), { type: 'RemoveParticipant', actorId: 'mod', targetId: 'sam', ban: false });
    expect(state.participants.has('sam')).toBe(false);
    expect(state.bannedIds.has('sam')).toBe(false);
    expect(events).toMatchObject([{ type: 'ParticipantRemoved', profileId: 'sam', banned: false }]);
    decideNow(state, { type: 'JoinRoom', actorId: 'sam' });
  });

  it('removes and bans, so they cannot come back', () => {
    const { state, events } = decideNow(room(), { type: 'RemoveParticipant', actorId: HOST, targetId: 'ann', ban: true });
    expect(state.participants.has('ann')).toBe(false);
    expect(state.bannedIds.has('ann')).toBe(true);
    expect(events).toMatchObject([{ type: 'ParticipantRemoved', profileId: 'ann', banned: true }]);
    expectRejected(state, { type: 'JoinRoom', actorId: 'ann' }, DomainErrorCode.Banned);
  });

  it('bans someone who already left', () => {
    const left = run(room(), [{ type: 'LeaveRoom', actorId: 'ann' }], 100);
    const { state, events } = decideNow(left, { type: 'RemoveParticipant', actorId: HOST, targetId: 'ann', ban: true });
    expect(state.bannedIds.has('ann')).toBe(true);
    expect(events).toMatchObject([{ type: 'ParticipantRemoved', profileId: 'ann', banned: true }]);
    expect(decideNow(state, { type: 'RemoveParticipant', actorId: 'mod', targetId: 'ann', ban: true })).toEqual({ state, events: [] });
  });

  it('rejects removing without a ban someone who is not in the room', () => {
    expectRejected(room(), { type: 'RemoveParticipant', actorId: HOST, targetId: 'stranger', ban: false }, DomainErrorCode.NotAParticipant);
  });

  it('lets a moderator remove another moderator', () => {
    decideNow(room(), { type: 'RemoveParticipant', actorId: 'mod', targetId: 'mod2', ban: false });
  });

  it.each(['sam', 'ann', 'stranger'])('does not let %s remove anyone', (actorId) => {
    expectRejected(room(), { type: 'RemoveParticipant', actorId, targetId: 'mod', ban: true }, DomainErrorCode.NotAllowed);
  });

  it('protects the host and forbids removing oneself', () => {
    expectRejected(room(), { type: 'RemoveParticipant', actorId: 'mod', targetId: HOST, ban: true }, DomainErrorCode.HostIsProtected);
    expectRejected(room(), { type: 'RemoveParticipant', actorId: HOST, targetId: HOST, ban: false }, DomainErrorCode.HostIsProtected);
    expectRejected(room(), { type: 'RemoveParticipant', actorId: 'mod', targetId: 'mod', ban: false }, DomainErrorCode.NotAllowed);
  });
});

describe('queries', () => {
  it('orders the stage by stageSince, then profile id', () => {
    const base = roomWith({ speakers: ['sue', 'sam'], listeners: ['ann'] });
    expect(stageOf(base).map((p) => p.profileId)).toEqual([HOST, 'sue', 'sam']);
    expect(stageCount(base)).toBe(3);
    const tied = new Map(base.participants);
    for (const id of ['sue', 'sam']) tied.set(id, { ...participant(base, id), stageSince: at(5) });
    expect(stageOf({ ...base, participants: tied }).map((p) => p.profileId)).toEqual([HOST, 'sam', 'sue']);
  });

  it('lists the audience by join time and raised hands oldest first', () => {
    const state = run(roomWith({ listeners: ['zoe', 'ann', 'bob'] }), [
      { type: 'RaiseHand', actorId: 'bob', question: null },
      { type: 'RaiseHand', actorId: 'zoe', question: 'Me too' },
    ], 100);
    expect(audienceOf(state).map((p) => p.profileId)).toEqual(['zoe', 'ann', 'bob']);
    expect(raisedHandsOf(state).map((p) => p.profileId)).toEqual(['bob', 'zoe']);
  });
});

describe('checkInvariants', () => {
  const valid = () => roomWith({ moderators: ['mod'], speakers: ['sam'], listeners: ['ann'], maxSpeakers: 3 });

  function withChanged(state: RoomState, id: string, change: Partial<ParticipantState>): RoomState {
    const participants = new Map(state.participants);
    participants.set(id, { ...participant(state, id), ...change });
    return { ...state, participants };
  }

  it('accepts states the rules produce', () => {
    expect(checkInvariants(valid())).toEqual([]);
    expect(checkInvariants(scheduledRoom())).toEqual([]);
    expect(checkInvariants(endedRoom())).toEqual([]);
  });

  it.each<[string, (state: RoomState) => RoomState, RegExp]>([
    ['no host', (s) => withChanged(s, HOST, { role: ParticipantRole.Moderator }), /exactly one HOST/],
    ['two hosts', (s) => withChanged(s, 'mod', { role: ParticipantRole.Host }), /exactly one HOST/],
    ['host is not hostId', (s) => ({ ...s, hostId: 'mod' }), /not the room's host/],
    ['stage over capacity', (s) => ({ ...s, maxSpeakers: 2 }), /more than 2/],
    ['banned participant', (s) => ({ ...s, bannedIds: new Set(['ann']) }), /banned/],
    ['speaker with raised hand', (s) => withChanged(s, 'sam', { handRaisedAt: T0 }), /raised hand/],
    ['speaker with question', (s) => withChanged(s, 'sam', { handRaiseQuestion: 'x' }), /raised hand/],
    ['question without hand', (s) => withChanged(s, 'ann', { handRaiseQuestion: 'x' }), /question without/],
    ['speaker with invitation', (s) => withChanged(s, 'sam', { invitedToStageAt: T0 }), /invitation/],
    ['speaker without stageSince', (s) => withChanged(s, 'sam', { stageSince: null }), /no stageSince/],
    ['listener with stageSince', (s) => withChanged(s, 'ann', { stageSince: T0 }), /LISTENER but has stageSince/],
    ['participants in an ended room', (s) => ({ ...s, status: RoomStatus.Ended }), /ENDED room must have no participants/],
    ['wrong map key', (s) => ({ ...s, participants: new Map([...s.participants].map(([k, v]) => [k === 'ann' ? 'x' : k, v])) }), /under key x/],
  ])('reports %s', (_name, corrupt, message) => {
    const violations = checkInvariants(corrupt(valid()));
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });
});

describe('event payloads', () => {
  it('carry the participant as it is after the change', () => {
    const state = roomWith({ speakers: ['sam'] });
    const { state: next, events } = decideNow(state, { type: 'MuteParticipant', actorId: 'sam', targetId: 'sam' });
    const [event] = events as [RoomEvent];
    expect(event.type === 'ParticipantMuted' && event.participant).toEqual(participant(next, 'sam'));
  });
});

describe('RecordMediaConnection', () => {
  const room = () => roomWith({ speakers: ['sam'], listeners: ['ann'] });

  it('is a room event for the stage: a speaker dropping off the media server', () => {
    const state = room();
    const { state: after, events } = decideNow(state, { type: 'RecordMediaConnection', actorId: 'sam', connected: false });
    expect(events).toMatchObject([{ type: 'ParticipantConnectionChanged', connected: false, participant: { profileId: 'sam' } }]);
    // Connection is not part of the rules' state: only the version moves.
    expect(after.participants).toBe(state.participants);
    expect(after.version).toBe(state.version + 1);
  });

  it('is no event for a listener or someone not in the room', () => {
    for (const actorId of ['ann', 'stranger']) {
      const state = room();
      expect(decideNow(state, { type: 'RecordMediaConnection', actorId, connected: true })).toEqual({ state, events: [] });
    }
  });
});

describe('DismissHand', () => {
  const asking = () => run(roomWith({ moderators: ['mod'], listeners: ['ann', 'bob'] }), [{ type: 'RaiseHand', actorId: 'ann', question: 'Off topic?' }], 100);

  it('lets the host and moderators take down a raised hand, question and all', () => {
    for (const actorId of [HOST, 'mod']) {
      const { state, events } = decideNow(asking(), { type: 'DismissHand', actorId, targetId: 'ann' });
      expect(participant(state, 'ann')).toMatchObject({ handRaisedAt: null, handRaiseQuestion: null });
      expect(events).toMatchObject([{ type: 'HandLowered', participant: { profileId: 'ann' } }]);
    }
  });

  it('refuses anyone else, and is a no-op for a hand already down', () => {
    expectRejected(asking(), { type: 'DismissHand', actorId: 'bob', targetId: 'ann' }, DomainErrorCode.NotAllowed);
    expectRejected(asking(), { type: 'DismissHand', actorId: HOST, targetId: 'stranger' }, DomainErrorCode.NotAParticipant);
    const state = asking();
    expect(decideNow(state, { type: 'DismissHand', actorId: HOST, targetId: 'bob' })).toEqual({ state, events: [] });
  });
});
