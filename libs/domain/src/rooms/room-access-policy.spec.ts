import fc from 'fast-check';

import { DomainErrorCode } from '../errors/domain-error';
import {
  allowedRoomOperations,
  decideRoomAccess,
  decideRoomPosition,
  decideRoomStanding,
  POSITION_RULES,
  roleAllowsInLiveRoom,
  roomCommandOperations,
  fieldAccessClassOfRole,
  fieldAccessOfRole,
  ROOM_ACCESS_TABLE,
  RoomAccessRule,
  RoomOperation,
  type RoomRelation,
} from './room-access-policy';
import { ParticipantRole, RoomStatus, RoomVisibility, STAGE_ROLES } from './room.types';

const relation = fc.record<RoomRelation>({
  visibility: fc.constantFrom(...Object.values(RoomVisibility)),
  status: fc.constantFrom(...Object.values(RoomStatus)),
  isHost: fc.boolean(),
  role: fc.constantFrom(null, ...Object.values(ParticipantRole)),
  isGroupMember: fc.boolean(),
  isInvitee: fc.boolean(),
  isBanned: fc.boolean(),
  isBlockedByHost: fc.boolean(),
  isSuspended: fc.boolean(),
  isStaff: fc.boolean(),
});

const listener: RoomRelation = {
  visibility: RoomVisibility.Public,
  status: RoomStatus.Live,
  isHost: false,
  role: ParticipantRole.Listener,
  isGroupMember: false,
  isInvitee: false,
  isBanned: false,
  isBlockedByHost: false,
  isSuspended: false,
  isStaff: false,
};

/**
 * The reviewed permission table. A change to this snapshot is a permission change: it must read
 * as one in review (in the spirit of twenty's endpoint-permission-declarations.spec.ts).
 */
describe('the room access table (snapshot: a change here is a permission change)', () => {
  it('declares, for every operation, the rules checked in order', () => {
    const declared = Object.fromEntries(Object.values(RoomOperation).map((operation) => [operation, ROOM_ACCESS_TABLE[operation].join(' → ')]));
    expect(declared).toMatchSnapshot();
  });

  it('declares, for every room command, the operation it asks (aimed at someone else, and at oneself)', () => {
    expect(roomCommandOperations()).toMatchSnapshot();
  });

  it('puts every standing rule before every position rule in each row, so the API (standing) and the room rules (position) together answer as the row', () => {
    for (const operation of Object.values(RoomOperation)) {
      const row = ROOM_ACCESS_TABLE[operation];
      const firstPosition = row.findIndex((rule) => POSITION_RULES.has(rule));
      const standingAfter = firstPosition === -1 ? [] : row.slice(firstPosition).filter((rule) => !POSITION_RULES.has(rule));
      expect({ operation, standingAfter }).toEqual({ operation, standingAfter: [] });
    }
    fc.assert(
      fc.property(relation, fc.constantFrom(...Object.values(RoomOperation)), (r, operation) => {
        const standing = decideRoomStanding(operation, r);
        const split = standing.allowed ? decideRoomPosition(operation, { status: r.status, isHost: r.isHost, role: r.role }) : standing;
        expect(split).toEqual(decideRoomAccess(operation, r));
      }),
      { numRuns: 2000 },
    );
  });

  it('puts VISIBLE first for every operation, so a room the viewer may not see is ROOM_NOT_FOUND whatever else holds', () => {
    for (const operation of Object.values(RoomOperation)) expect(ROOM_ACCESS_TABLE[operation][0]).toBe(RoomAccessRule.Visible);
    fc.assert(
      fc.property(relation, fc.constantFrom(...Object.values(RoomOperation)), (r, operation) => {
        const seen = decideRoomAccess(RoomOperation.See, r).allowed;
        const decision = decideRoomAccess(operation, r);
        if (!seen) expect(decision).toEqual({ allowed: false, rule: RoomAccessRule.Visible, code: DomainErrorCode.RoomNotFound });
      }),
    );
  });
});

describe('decideRoomAccess', () => {
  it.each<[string, Partial<RoomRelation>, RoomOperation, DomainErrorCode | null]>([
    ['a listener watches a live public room', {}, RoomOperation.Watch, null],
    ['a listener the host blocked may no longer watch', { isBlockedByHost: true }, RoomOperation.Watch, DomainErrorCode.NotAllowed],
    ['a listener the host blocked may no longer raise a hand', { isBlockedByHost: true }, RoomOperation.RaiseHand, DomainErrorCode.NotAllowed],
    ['a listener the host blocked gets no media', { isBlockedByHost: true }, RoomOperation.ListenMedia, DomainErrorCode.NotAllowed],
    ['a suspended speaker may not publish', { role: ParticipantRole.Speaker, isSuspended: true }, RoomOperation.PublishMedia, DomainErrorCode.NotAllowed],
    ['a demoted speaker (now a listener) may not publish', {}, RoomOperation.PublishMedia, DomainErrorCode.NotOnStage],
    ['a speaker publishes', { role: ParticipantRole.Speaker }, RoomOperation.PublishMedia, null],
    ['a former member no longer sees a GROUP room', { visibility: RoomVisibility.Group }, RoomOperation.See, DomainErrorCode.RoomNotFound],
    ['staff see a GROUP room they are not in', { visibility: RoomVisibility.Group, isStaff: true }, RoomOperation.See, null],
    ['staff may not join a GROUP room unannounced', { visibility: RoomVisibility.Group, isStaff: true }, RoomOperation.Join, DomainErrorCode.NotInvited],
    ['a listener may not moderate', {}, RoomOperation.Moderate, DomainErrorCode.NotAllowed],
    ['a moderator sees hand questions', { role: ParticipantRole.Moderator }, RoomOperation.SeeHandQuestions, null],
    ['a listener does not see hand questions', {}, RoomOperation.SeeHandQuestions, DomainErrorCode.NotAllowed],
    ['a banned viewer may not join', { role: null, isBanned: true }, RoomOperation.Join, DomainErrorCode.Banned],
    ['an ended room is not joined', { role: null, status: RoomStatus.Ended }, RoomOperation.Join, DomainErrorCode.RoomEnded],
    ['a scheduled room is not joined', { role: null, status: RoomStatus.Scheduled }, RoomOperation.Join, DomainErrorCode.RoomNotLive],
    ['someone not in the room raises no hand', { role: null }, RoomOperation.RaiseHand, DomainErrorCode.NotAParticipant],
    ['a suspended host may not appoint moderators', { isHost: true, role: ParticipantRole.Host, isSuspended: true }, RoomOperation.Host, DomainErrorCode.NotAllowed],
    ['a suspended host may not start their room', { isHost: true, role: null, status: RoomStatus.Scheduled, isSuspended: true }, RoomOperation.Start, DomainErrorCode.NotAllowed],
    ['a suspended host may still end their room (stepping back stays open)', { isHost: true, role: ParticipantRole.Host, isSuspended: true }, RoomOperation.End, null],
    ['a suspended listener may still leave', { isSuspended: true }, RoomOperation.StepBack, null],
    ['a speaker the host blocked may still step down', { role: ParticipantRole.Speaker, isBlockedByHost: true }, RoomOperation.StepDown, null],
    ['a listener has no stage place to step down from', {}, RoomOperation.StepDown, DomainErrorCode.NotAllowed],
    ['someone outside the room may not moderate', { role: null }, RoomOperation.Moderate, DomainErrorCode.NotAllowed],
    ['a moderator may not appoint moderators', { role: ParticipantRole.Moderator }, RoomOperation.Host, DomainErrorCode.NotAllowed],
    ['only staff enforce moderation', {}, RoomOperation.Enforce, DomainErrorCode.NotAllowed],
    ['staff enforce moderation in a room they are not in', { role: null, visibility: RoomVisibility.Private, isStaff: true }, RoomOperation.Enforce, null],
  ])('%s', (_name, overrides, operation, code) => {
    const decision = decideRoomAccess(operation, { ...listener, ...overrides });
    if (code === null) expect(decision).toEqual({ allowed: true });
    else expect(decision).toMatchObject({ allowed: false, code });
  });
});

/** A right the viewer can lose while a session is open, as a change of the relation. */
const LOSSES: Readonly<Record<string, (r: RoomRelation) => RoomRelation>> = {
  'blocked by the host': (r) => ({ ...r, isBlockedByHost: true }),
  banned: (r) => ({ ...r, isBanned: true }),
  suspended: (r) => ({ ...r, isSuspended: true, isStaff: false }),
  'left the group': (r) => ({ ...r, isGroupMember: false }),
  'invitation withdrawn': (r) => ({ ...r, isInvitee: false }),
  'lost staff rights': (r) => ({ ...r, isStaff: false }),
  'demoted to listener': (r) => ({ ...r, role: r.role === null || r.isHost ? r.role : ParticipantRole.Listener }),
  'removed from the room': (r) => ({ ...r, role: r.isHost ? r.role : null }),
  'the room ended': (r) => ({ ...r, status: RoomStatus.Ended }),
};

describe('open sessions follow current rights (property)', () => {
  it('no sequence of losses ever adds an operation: what a session may keep only shrinks', () => {
    fc.assert(
      fc.property(relation, fc.array(fc.constantFrom(...Object.keys(LOSSES)), { minLength: 1, maxLength: 6 }), (start, losses) => {
        let current = start;
        let allowed = allowedRoomOperations(current);
        for (const loss of losses) {
          current = LOSSES[loss]!(current);
          const next = allowedRoomOperations(current);
          for (const operation of next) expect({ loss, operation, before: allowed.has(operation) }).toEqual({ loss, operation, before: true });
          allowed = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['blocked by the host', [RoomOperation.Watch, RoomOperation.RaiseHand, RoomOperation.ListenMedia, RoomOperation.PublishMedia]],
    ['suspended', [RoomOperation.Watch, RoomOperation.RaiseHand, RoomOperation.ListenMedia, RoomOperation.PublishMedia, RoomOperation.Moderate]],
    ['demoted to listener', [RoomOperation.PublishMedia, RoomOperation.Moderate, RoomOperation.SeeHandQuestions]],
    ['removed from the room', [RoomOperation.RaiseHand, RoomOperation.ListenMedia, RoomOperation.PublishMedia, RoomOperation.Moderate]],
  ])('a moderator %s loses %j', (loss, lost) => {
    const moderator: RoomRelation = { ...listener, role: ParticipantRole.Moderator };
    const after = allowedRoomOperations(LOSSES[loss]!(moderator));
    for (const operation of lost) expect(after.has(operation)).toBe(false);
  });
});

describe('field access by role (what the fan-out class and field resolvers ask)', () => {
  it('is the table answer for a watcher of a live room: hosts and moderators see hand questions and every question, others do not', () => {
    expect([...fieldAccessOfRole(ParticipantRole.Host)]).toEqual([RoomOperation.SeeHandQuestions, RoomOperation.SeeAllQuestions]);
    expect([...fieldAccessOfRole(ParticipantRole.Moderator)]).toEqual([RoomOperation.SeeHandQuestions, RoomOperation.SeeAllQuestions]);
    expect([...fieldAccessOfRole(ParticipantRole.Speaker)]).toEqual([]);
    expect([...fieldAccessOfRole(ParticipantRole.Listener)]).toEqual([]);
    expect([...fieldAccessOfRole(null)]).toEqual([]);
  });

  it('publishing by role (what the media sync asks) is the table\'s PUBLISH_MEDIA: the stage roles publish, listeners do not', () => {
    expect(Object.values(ParticipantRole).filter((role) => roleAllowsInLiveRoom(RoomOperation.PublishMedia, role))).toEqual(
      Object.values(ParticipantRole).filter((role) => STAGE_ROLES.has(role)),
    );
    expect(roleAllowsInLiveRoom(RoomOperation.PublishMedia, ParticipantRole.Listener)).toBe(false);
  });

  it('gives one class key per distinct field access', () => {
    expect(fieldAccessClassOfRole(ParticipantRole.Host)).toBe(fieldAccessClassOfRole(ParticipantRole.Moderator));
    expect(fieldAccessClassOfRole(ParticipantRole.Speaker)).toBe(fieldAccessClassOfRole(null));
    expect(fieldAccessClassOfRole(ParticipantRole.Host)).not.toBe(fieldAccessClassOfRole(ParticipantRole.Listener));
  });
});
