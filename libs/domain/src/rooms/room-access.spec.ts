import { DomainErrorCode } from '../errors/domain-error';
import { assertCanJoin, canSeeRoom, canSubscribe, joinRefusal, joinRefusalMessage } from './room-access';
import { type RoomAccessFacts, RoomStatus, RoomVisibility, type Viewer } from './room.types';
import { expectDomainError } from './room.test-helper';

const member: Viewer = { profileId: 'ann', isStaff: false };
const host: Viewer = { profileId: 'host', isStaff: false };
const staff: Viewer = { profileId: 'trust-and-safety', isStaff: true };

function facts(overrides: Partial<RoomAccessFacts> = {}): RoomAccessFacts {
  return {
    visibility: RoomVisibility.Public,
    hostId: 'host',
    status: RoomStatus.Live,
    viewerIsGroupMember: false,
    viewerIsInvitee: false,
    viewerIsBanned: false,
    ...overrides,
  };
}

describe('canSeeRoom', () => {
  it.each<[string, Partial<RoomAccessFacts>, Viewer, boolean]>([
    ['PUBLIC to anyone', {}, member, true],
    ['GROUP to a member', { visibility: RoomVisibility.Group, viewerIsGroupMember: true }, member, true],
    ['GROUP not to a non-member', { visibility: RoomVisibility.Group }, member, false],
    ['GROUP not to an invitee who is no member', { visibility: RoomVisibility.Group, viewerIsInvitee: true }, member, false],
    ['GROUP to the host', { visibility: RoomVisibility.Group }, host, true],
    ['PRIVATE to an invitee', { visibility: RoomVisibility.Private, viewerIsInvitee: true }, member, true],
    ['PRIVATE not to others', { visibility: RoomVisibility.Private, viewerIsGroupMember: true }, member, false],
    ['PRIVATE to the host', { visibility: RoomVisibility.Private }, host, true],
    ['PRIVATE to staff', { visibility: RoomVisibility.Private }, staff, true],
    ['GROUP to staff', { visibility: RoomVisibility.Group }, staff, true],
    ['an ENDED PUBLIC room to anyone', { status: RoomStatus.Ended }, member, true],
    ['a PUBLIC room to a banned viewer', { viewerIsBanned: true }, member, true],
  ])('shows %s: %s', (_name, overrides, viewer, expected) => {
    expect(canSeeRoom(facts(overrides), viewer)).toBe(expected);
  });
});

describe('assertCanJoin / canSubscribe', () => {
  it.each<[string, Partial<RoomAccessFacts>, Viewer]>([
    ['a PUBLIC live room', {}, member],
    ['a GROUP room as member', { visibility: RoomVisibility.Group, viewerIsGroupMember: true }, member],
    ['a PRIVATE room as invitee', { visibility: RoomVisibility.Private, viewerIsInvitee: true }, member],
    ['a PRIVATE room as host', { visibility: RoomVisibility.Private }, host],
  ])('allows %s', (_name, overrides, viewer) => {
    expect(() => assertCanJoin(facts(overrides), viewer)).not.toThrow();
    expect(canSubscribe(facts(overrides), viewer)).toBe(true);
    expect(joinRefusal(facts(overrides), viewer)).toBeNull();
  });

  it.each<[string, Partial<RoomAccessFacts>, Viewer, DomainErrorCode]>([
    ['hides a GROUP room from non-members', { visibility: RoomVisibility.Group }, member, DomainErrorCode.RoomNotFound],
    ['hides a PRIVATE room from non-invitees', { visibility: RoomVisibility.Private }, member, DomainErrorCode.RoomNotFound],
    [
      'hides an unseen room even when it has ended or the viewer is banned',
      { visibility: RoomVisibility.Private, status: RoomStatus.Ended, viewerIsBanned: true },
      member,
      DomainErrorCode.RoomNotFound,
    ],
    ['keeps staff out of rooms they are not invited to', { visibility: RoomVisibility.Private }, staff, DomainErrorCode.NotInvited],
    ['rejects a banned viewer', { viewerIsBanned: true }, member, DomainErrorCode.Banned],
    ['rejects a banned viewer before an ended room', { viewerIsBanned: true, status: RoomStatus.Ended }, member, DomainErrorCode.Banned],
    ['rejects an ended room', { status: RoomStatus.Ended }, member, DomainErrorCode.RoomEnded],
    ['rejects a scheduled room', { status: RoomStatus.Scheduled }, member, DomainErrorCode.RoomNotLive],
    ['rejects the host of a scheduled room too', { status: RoomStatus.Scheduled }, host, DomainErrorCode.RoomNotLive],
  ])('%s', (_name, overrides, viewer, code) => {
    const error = expectDomainError(() => assertCanJoin(facts(overrides), viewer), code);
    expect(error.message).toBe(joinRefusalMessage(code as Parameters<typeof joinRefusalMessage>[0]));
    expect(canSubscribe(facts(overrides), viewer)).toBe(false);
    expect(joinRefusal(facts(overrides), viewer)).toBe(code);
  });

  it('lets staff join PUBLIC rooms like anyone', () => {
    expect(canSubscribe(facts(), staff)).toBe(true);
  });
});
