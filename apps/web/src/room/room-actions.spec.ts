import { ParticipantRole, RoomStatus } from '@roundtable/domain';

import type { Participant } from '../api/types';
import { actionsFor, audioStatus, initialsOf, viewerControls } from './room-actions';

function participant(id: string, role: ParticipantRole, extra: Partial<Participant> = {}): Participant {
  return {
    id: `p-${id}`,
    role,
    handRaisedAt: null,
    handRaiseQuestion: null,
    invitedToStageAt: null,
    muted: false,
    connected: false,
    joinedAt: '2026-01-01T00:00:00.000Z',
    profile: { id, displayName: id, headline: null },
    ...extra,
  };
}

describe('actionsFor', () => {
  it('gives listeners and speakers nothing to do to others', () => {
    expect(actionsFor(ParticipantRole.Listener, participant('x', ParticipantRole.Listener), 'me')).toEqual([]);
    expect(actionsFor(ParticipantRole.Speaker, participant('x', ParticipantRole.Listener), 'me')).toEqual([]);
    expect(actionsFor(null, participant('x', ParticipantRole.Listener), 'me')).toEqual([]);
  });

  it('lets a moderator invite, remove and ban a listener', () => {
    expect(actionsFor(ParticipantRole.Moderator, participant('x', ParticipantRole.Listener), 'me')).toEqual(['inviteToStage', 'remove', 'removeAndBan']);
  });

  it('does not offer a second invitation while one waits', () => {
    const invited = participant('x', ParticipantRole.Listener, { invitedToStageAt: '2026-01-01T00:00:00.000Z' });
    expect(actionsFor(ParticipantRole.Host, invited, 'me')).not.toContain('inviteToStage');
  });

  it('lets the host manage a speaker fully', () => {
    expect(actionsFor(ParticipantRole.Host, participant('x', ParticipantRole.Speaker), 'me')).toEqual([
      'moveToAudience',
      'mute',
      'makeModerator',
      'remove',
      'removeAndBan',
    ]);
  });

  it('lets the host demote a moderator; a moderator cannot act on another moderator except mute', () => {
    expect(actionsFor(ParticipantRole.Host, participant('x', ParticipantRole.Moderator, { muted: true }), 'me')).toEqual([
      'moveToAudience',
      'removeModerator',
      'remove',
      'removeAndBan',
    ]);
    expect(actionsFor(ParticipantRole.Moderator, participant('x', ParticipantRole.Moderator), 'me')).toEqual(['mute']);
  });

  it('offers nothing against the host or oneself', () => {
    expect(actionsFor(ParticipantRole.Moderator, participant('h', ParticipantRole.Host), 'me')).toEqual([]);
    expect(actionsFor(ParticipantRole.Host, participant('me', ParticipantRole.Host), 'me')).toEqual([]);
  });
});

describe('viewerControls', () => {
  it('offers join to a visitor of a live room', () => {
    expect(viewerControls(RoomStatus.Live, null, false)).toMatchObject({ join: true, leave: false, raiseHand: false });
  });

  it('offers raise hand to a listener, lower hand once raised, and the invitation answer when invited', () => {
    expect(viewerControls(RoomStatus.Live, participant('me', ParticipantRole.Listener), false)).toMatchObject({ raiseHand: true, lowerHand: false, leave: true });
    const raised = participant('me', ParticipantRole.Listener, { handRaisedAt: '2026-01-01T00:00:00.000Z' });
    expect(viewerControls(RoomStatus.Live, raised, false)).toMatchObject({ raiseHand: false, lowerHand: true });
    const invited = participant('me', ParticipantRole.Listener, { invitedToStageAt: '2026-01-01T00:00:00.000Z' });
    expect(viewerControls(RoomStatus.Live, invited, false)).toMatchObject({ raiseHand: false, answerInvite: true });
  });

  it('offers start and end to the host by status, and nothing once ended', () => {
    const host = participant('me', ParticipantRole.Host);
    expect(viewerControls(RoomStatus.Scheduled, host, true)).toMatchObject({ start: true, end: false });
    expect(viewerControls(RoomStatus.Live, host, true)).toMatchObject({ start: false, end: true });
    expect(viewerControls(RoomStatus.Ended, host, true)).toEqual({
      join: false,
      leave: false,
      raiseHand: false,
      lowerHand: false,
      answerInvite: false,
      leaveStage: false,
      start: false,
      end: false,
    });
  });
});

describe('audioStatus', () => {
  it('says what the grant allows and that no media connection is made', () => {
    expect(audioStatus(null, false)).toMatch(/join the room/);
    expect(audioStatus({ serverUrl: 'ws://localhost:7880', canPublish: false }, true)).toMatch(/^Audio: listen-only token ready for ws:\/\/localhost:7880\..*does not connect/);
    expect(audioStatus({ serverUrl: 'ws://lk', canPublish: true }, true)).toMatch(/speaker token ready/);
  });
});

describe('initialsOf', () => {
  it.each([
    ['Ada Lovelace', 'AL'],
    ['Grace Brewster Murray Hopper', 'GH'],
    ['plato', 'PL'],
    ['  ', '?'],
  ])('%s → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
