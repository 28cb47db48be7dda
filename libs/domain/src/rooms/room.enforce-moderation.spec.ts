import { DomainErrorCode } from '../errors/domain-error';
import { type RoomCommand, TRUST_AND_SAFETY_ACTOR_ID } from './room.commands';
import { checkInvariants, decide } from './room.rules';
import { ParticipantRole, type RoomState } from './room.types';
import { HOST, at, expectDomainError, roomWith, run, snapshot } from './room.test-helper';

const NOW = at(1000);
const SYSTEM = TRUST_AND_SAFETY_ACTOR_ID;

function decideNow(state: RoomState, command: RoomCommand) {
  const before = snapshot(state);
  const decision = decide(state, command, NOW);
  expect(snapshot(state)).toEqual(before);
  expect(checkInvariants(decision.state)).toEqual([]);
  return decision;
}

function enforce(targetId: string, enforcement: 'Mute' | 'RemoveAndBan', actorId = SYSTEM): RoomCommand {
  return { type: 'EnforceModeration', actorId, targetId, enforcement };
}

describe('kind: a cheap signal triggers a costly automatic action — EnforceModeration Mute changes no role', () => {
  const room = () => roomWith({ moderators: ['mod'], speakers: ['sam'], listeners: ['ann'] });

  it('mutes a speaker where they stand: still a speaker, on stage, one ParticipantMuted event', () => {
    const { state, events } = decideNow(room(), enforce('sam', 'Mute'));
    expect(state.participants.get('sam')).toMatchObject({ role: ParticipantRole.Speaker, muted: true });
    expect(state.participants.get('sam')?.stageSince).not.toBeNull();
    expect(events.map((event) => event.type)).toEqual(['ParticipantMuted']);
  });

  it('variant: a moderator stays a moderator, and an already muted one changes nothing', () => {
    const { state, events } = decideNow(room(), enforce('mod', 'Mute'));
    expect(state.participants.get('mod')).toMatchObject({ role: ParticipantRole.Moderator, muted: true });
    expect(events.map((event) => event.type)).toEqual(['ParticipantMuted']);
    const again = decideNow(state, enforce('mod', 'Mute'));
    expect(again.events).toEqual([]);
    expect(again.state.participants.get('mod')?.role).toBe(ParticipantRole.Moderator);
  });

  it('protects the host, and refuses a listener or someone not in the room', () => {
    expectDomainError(() => decide(room(), enforce(HOST, 'Mute'), NOW), DomainErrorCode.HostIsProtected);
    expectDomainError(() => decide(room(), enforce('ann', 'Mute'), NOW), DomainErrorCode.NotOnStage);
    expectDomainError(() => decide(room(), enforce('stranger', 'Mute'), NOW), DomainErrorCode.NotAParticipant);
  });

  it('the muted speaker unmutes through their own UnmuteSelf (the API refuses it while a hold is active)', () => {
    const { state } = decideNow(room(), enforce('sam', 'Mute'));
    const back = run(state, [{ type: 'UnmuteSelf', actorId: 'sam' }], 2000);
    expect(back.participants.get('sam')).toMatchObject({ role: ParticipantRole.Speaker, muted: false });
  });
});

describe('EnforceModeration: RemoveAndBan (staff REMOVE_FROM_ROOM)', () => {
  const room = () => roomWith({ speakers: ['sam'], listeners: ['ann'] });

  it('removes and bans a participant, whoever the staff actor is', () => {
    const { state, events } = decideNow(room(), enforce('ann', 'RemoveAndBan', 'staff-1'));
    expect(state.participants.has('ann')).toBe(false);
    expect(state.bannedIds.has('ann')).toBe(true);
    expect(events).toMatchObject([{ type: 'ParticipantRemoved', profileId: 'ann', banned: true }]);
    expectDomainError(() => decide(state, { type: 'JoinRoom', actorId: 'ann' }, NOW), DomainErrorCode.Banned);
  });

  it('bans someone who already left, once', () => {
    const left = run(room(), [{ type: 'LeaveRoom', actorId: 'sam' }], 500);
    const { state, events } = decideNow(left, enforce('sam', 'RemoveAndBan'));
    expect(state.bannedIds.has('sam')).toBe(true);
    expect(events).toHaveLength(1);
    expect(decideNow(state, enforce('sam', 'RemoveAndBan'))).toEqual({ state, events: [] });
  });

  it('protects the host', () => {
    expectDomainError(() => decide(room(), enforce(HOST, 'RemoveAndBan'), NOW), DomainErrorCode.HostIsProtected);
  });
});

describe('TRUST_AND_SAFETY_ACTOR_ID', () => {
  it('can never be a signed-in profile id (profile ids have no slash)', () => {
    expect(SYSTEM).toContain('/');
  });
});
