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

function enforce(targetId: string, enforcement: 'MuteAndMoveToAudience' | 'RemoveAndBan', actorId = SYSTEM): RoomCommand {
  return { type: 'EnforceModeration', actorId, targetId, enforcement };
}

describe('EnforceModeration: MuteAndMoveToAudience (automatic mute on a pile-up)', () => {
  const room = () => roomWith({ moderators: ['mod'], speakers: ['sam'], listeners: ['ann'] });

  it('mutes the speaker and moves them to the audience in one command, without being in the room', () => {
    const { state, events } = decideNow(room(), enforce('sam', 'MuteAndMoveToAudience'));
    expect(state.participants.get('sam')).toMatchObject({ role: ParticipantRole.Listener, muted: true, stageSince: null });
    expect(events.map((event) => event.type)).toEqual(['ParticipantMuted', 'RoleChanged']);
    expect(events[1]).toMatchObject({ previousRole: ParticipantRole.Speaker });
  });

  it('moves a moderator too, and skips the mute event when already muted', () => {
    const muted = run(room(), [{ type: 'MuteParticipant', actorId: 'mod', targetId: 'mod' }], 500);
    const { state, events } = decideNow(muted, enforce('mod', 'MuteAndMoveToAudience'));
    expect(state.participants.get('mod')?.role).toBe(ParticipantRole.Listener);
    expect(events.map((event) => event.type)).toEqual(['RoleChanged']);
  });

  it('protects the host, and refuses a listener or someone not in the room', () => {
    expectDomainError(() => decide(room(), enforce(HOST, 'MuteAndMoveToAudience'), NOW), DomainErrorCode.HostIsProtected);
    expectDomainError(() => decide(room(), enforce('ann', 'MuteAndMoveToAudience'), NOW), DomainErrorCode.NotOnStage);
    expectDomainError(() => decide(room(), enforce('stranger', 'MuteAndMoveToAudience'), NOW), DomainErrorCode.NotAParticipant);
  });

  it('a muted-and-moved speaker comes back unmuted only through a new invitation', () => {
    const { state } = decideNow(room(), enforce('sam', 'MuteAndMoveToAudience'));
    const back = run(state, [
      { type: 'InviteToStage', actorId: HOST, targetId: 'sam' },
      { type: 'AcceptStageInvite', actorId: 'sam' },
    ], 2000);
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
