import { DomainErrorCode } from '../errors/domain-error';
import { type CreateRoomSpec, ROOM_SCHEDULE_MAX_DAYS, createRoom } from './room-creation';
import { checkInvariants } from './room.rules';
import { ParticipantRole, RoomStatus, RoomVisibility } from './room.types';
import { T0, expectDomainError } from './room.test-helper';

const DAY_MS = 24 * 60 * 60 * 1000;
const base: CreateRoomSpec = { id: 'r1', hostId: 'host', title: 'Scaling Postgres' };

function invalid(spec: Partial<CreateRoomSpec>, field: string) {
  const error = expectDomainError(() => createRoom({ ...base, ...spec }, T0), DomainErrorCode.InvalidInput);
  expect(error.field).toBe(field);
}

describe('createRoom', () => {
  it('creates a live public room with the host on stage and sensible defaults', () => {
    const created = createRoom(base, T0);
    expect(created).toEqual({
      title: 'Scaling Postgres',
      description: null,
      topics: [],
      inviteeIds: [],
      state: {
        id: 'r1',
        hostId: 'host',
        status: RoomStatus.Live,
        visibility: RoomVisibility.Public,
        groupId: null,
        maxSpeakers: 10,
        scheduledFor: null,
        startedAt: T0,
        endedAt: null,
        version: 0,
        participants: new Map([
          [
            'host',
            {
              profileId: 'host',
              role: ParticipantRole.Host,
              joinedAt: T0,
              stageSince: T0,
              handRaisedAt: null,
              handRaiseQuestion: null,
              invitedToStageAt: null,
              muted: false,
            },
          ],
        ]),
        bannedIds: new Set(),
      },
    });
    expect(checkInvariants(created.state)).toEqual([]);
  });

  it('normalises title, description and topics', () => {
    const created = createRoom(
      {
        ...base,
        title: '  Scaling Postgres  ',
        description: '   ',
        topics: ['backend-development', 'data-engineering', 'backend-development'],
        maxSpeakers: 4,
      },
      T0,
    );
    expect(created.title).toBe('Scaling Postgres');
    expect(created.description).toBeNull();
    expect(created.topics).toEqual(['backend-development', 'data-engineering']);
    expect(created.state.maxSpeakers).toBe(4);
    expect(createRoom({ ...base, description: '  Bring questions ' }, T0).description).toBe('Bring questions');
  });

  it.each<[string, Partial<CreateRoomSpec>, string]>([
    ['a blank title', { title: '   ' }, 'title'],
    ['a title over 120 characters', { title: 'x'.repeat(121) }, 'title'],
    ['a description over 2000 characters', { description: 'x'.repeat(2001) }, 'description'],
    ['an unknown topic', { topics: ['basket-weaving'] }, 'topics'],
    ['more than 10 topics', { topics: ['sales', 'marketing', 'finance', 'design', 'devops', 'seo', 'gaming', 'edtech', 'biotech', 'mlops', 'fintech'] }, 'topics'],
    ['maxSpeakers below 2', { maxSpeakers: 1 }, 'maxSpeakers'],
    ['maxSpeakers above 50', { maxSpeakers: 51 }, 'maxSpeakers'],
    ['a fractional maxSpeakers', { maxSpeakers: 2.5 }, 'maxSpeakers'],
    ['a GROUP room without a group', { visibility: RoomVisibility.Group }, 'groupId'],
    ['a group on a PUBLIC room', { groupId: 'g1' }, 'groupId'],
    ['a group on a PRIVATE room', { visibility: RoomVisibility.Private, groupId: 'g1' }, 'groupId'],
    ['invitees on a PUBLIC room', { inviteeIds: ['ann'] }, 'inviteeIds'],
    ['invitees on a GROUP room', { visibility: RoomVisibility.Group, groupId: 'g1', inviteeIds: ['ann'] }, 'inviteeIds'],
    ['more than 500 invitees', { visibility: RoomVisibility.Private, inviteeIds: Array.from({ length: 501 }, (_, i) => `p${i}`) }, 'inviteeIds'],
    ['a schedule more than 90 days ahead', { scheduledFor: new Date(T0.getTime() + ROOM_SCHEDULE_MAX_DAYS * DAY_MS + 1) }, 'scheduledFor'],
    ['an invalid date', { scheduledFor: new Date(Number.NaN) }, 'scheduledFor'],
  ])('rejects %s', (_name, spec, field) => {
    invalid(spec, field);
  });

  it('accepts the limits themselves', () => {
    const created = createRoom(
      {
        ...base,
        title: 'x'.repeat(120),
        description: 'd'.repeat(2000),
        topics: ['sales', 'marketing', 'finance', 'design', 'devops', 'seo', 'gaming', 'edtech', 'biotech', 'mlops'],
        maxSpeakers: 50,
        scheduledFor: new Date(T0.getTime() + ROOM_SCHEDULE_MAX_DAYS * DAY_MS),
      },
      T0,
    );
    expect(created.topics).toHaveLength(10);
    expect(createRoom({ ...base, maxSpeakers: 2 }, T0).state.maxSpeakers).toBe(2);
  });

  it('creates a GROUP room in its group', () => {
    const { state } = createRoom({ ...base, visibility: RoomVisibility.Group, groupId: 'g1' }, T0);
    expect(state).toMatchObject({ visibility: RoomVisibility.Group, groupId: 'g1' });
  });

  it('dedupes PRIVATE invitees and drops the host', () => {
    const created = createRoom(
      { ...base, visibility: RoomVisibility.Private, inviteeIds: ['ann', 'host', 'bob', 'ann'] },
      T0,
    );
    expect(created.inviteeIds).toEqual(['ann', 'bob']);
    // 500 distinct invitees plus the host and duplicates still fit.
    const many = [...Array.from({ length: 500 }, (_, i) => `p${i}`), 'host', 'p1'];
    expect(createRoom({ ...base, visibility: RoomVisibility.Private, inviteeIds: many }, T0).inviteeIds).toHaveLength(500);
  });

  it('treats an empty invitee list on a PUBLIC room as none', () => {
    expect(createRoom({ ...base, inviteeIds: [] }, T0).inviteeIds).toEqual([]);
  });

  it('schedules a room in the future with nobody in it', () => {
    const scheduledFor = new Date(T0.getTime() + DAY_MS);
    const { state } = createRoom({ ...base, scheduledFor }, T0);
    expect(state).toMatchObject({ status: RoomStatus.Scheduled, scheduledFor, startedAt: null, version: 0 });
    expect(state.participants.size).toBe(0);
    expect(checkInvariants(state)).toEqual([]);
  });

  it('starts a room at once when its time has passed', () => {
    const { state } = createRoom({ ...base, scheduledFor: new Date(T0.getTime() - 60_000) }, T0);
    expect(state).toMatchObject({ status: RoomStatus.Live, scheduledFor: null, startedAt: T0 });
  });
});
