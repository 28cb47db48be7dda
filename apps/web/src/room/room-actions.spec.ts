import { participant, roomDetail } from './room-fixtures.test-helper';
import { actionsFor, countOf, hostLeaveConsequence, initialsOf, viewerControls, type ViewerSituation } from './room-actions';
import { snapshotOf } from './room-reducer';

const situation = (overrides: Partial<ViewerSituation> = {}): ViewerSituation => ({
  status: 'LIVE',
  viewer: null,
  viewerIsHost: false,
  removed: null,
  joinRefused: false,
  ...overrides,
});

describe('actionsFor', () => {
  it('gives listeners and speakers nothing to do to others', () => {
    expect(actionsFor('LISTENER', participant('x', 'LISTENER'), 'me')).toEqual([]);
    expect(actionsFor('SPEAKER', participant('x', 'LISTENER'), 'me')).toEqual([]);
    expect(actionsFor(null, participant('x', 'LISTENER'), 'me')).toEqual([]);
  });

  it('lets a moderator invite, remove and ban a listener', () => {
    expect(actionsFor('MODERATOR', participant('x', 'LISTENER'), 'me')).toEqual(['inviteToStage', 'remove', 'removeAndBan']);
  });

  it('lets the host promote speakers and demote moderators, never act on themself', () => {
    expect(actionsFor('HOST', participant('x', 'SPEAKER'), 'me')).toEqual(['moveToAudience', 'mute', 'makeModerator', 'remove', 'removeAndBan']);
    expect(actionsFor('HOST', participant('x', 'MODERATOR', { muted: true }), 'me')).toEqual(['moveToAudience', 'removeModerator', 'remove', 'removeAndBan']);
    expect(actionsFor('HOST', participant('me', 'HOST'), 'me')).toEqual([]);
  });

  it('offers nothing in a room that is not live (bug 6: an ended room keeps no controls)', () => {
    expect(actionsFor('HOST', participant('x', 'SPEAKER'), 'me', 'ENDED')).toEqual([]);
    expect(actionsFor('HOST', participant('x', 'LISTENER'), 'me', 'SCHEDULED')).toEqual([]);
  });
});

// Bug 3 (kind: buttons that cannot work are offered): Join only when joining can succeed.
describe('viewerControls: stale and wrong buttons', () => {
  it('offers Join in a live room to someone not in it', () => {
    expect(viewerControls(situation())).toMatchObject({ join: true, joinBlock: null, leave: false });
  });

  it('a banned person gets no Join, and a sentence saying why (as reported)', () => {
    expect(viewerControls(situation({ removed: { banned: true } }))).toMatchObject({ join: false, joinBlock: 'banned' });
  });

  it('a person removed without a ban may join again', () => {
    expect(viewerControls(situation({ removed: { banned: false } }))).toMatchObject({ join: true });
  });

  it('after the server refused a join (e.g. banned in an earlier visit), Join goes away (variant)', () => {
    expect(viewerControls(situation({ joinRefused: true }))).toMatchObject({ join: false, joinBlock: 'refused' });
  });

  it('a SCHEDULED room offers nobody Join; its host gets Start and no End', () => {
    expect(viewerControls(situation({ status: 'SCHEDULED' }))).toMatchObject({ join: false, joinBlock: 'scheduled', start: false });
    const host = viewerControls(situation({ status: 'SCHEDULED', viewer: participant('me', 'HOST'), viewerIsHost: true }));
    expect(host).toMatchObject({ start: true, end: false, join: false, joinBlock: null });
  });

  it('an ENDED room offers nothing (bug 6)', () => {
    const controls = viewerControls(situation({ status: 'ENDED', viewerIsHost: true }));
    expect(controls).toMatchObject({ join: false, leave: false, start: false, end: false, raiseHand: false, joinBlock: 'ended' });
  });
});

// Bug 4 (kind: a state with no way out): a muted speaker can unmute.
describe('viewerControls: unmute', () => {
  it('a muted speaker or moderator gets Unmute; an unmuted one and a listener do not', () => {
    expect(viewerControls(situation({ viewer: participant('me', 'SPEAKER', { muted: true }) })).unmute).toBe(true);
    expect(viewerControls(situation({ viewer: participant('me', 'MODERATOR', { muted: true }) })).unmute).toBe(true);
    expect(viewerControls(situation({ viewer: participant('me', 'SPEAKER') })).unmute).toBe(false);
    expect(viewerControls(situation({ viewer: participant('me', 'LISTENER', { muted: true }) })).unmute).toBe(false);
  });

  it('a listener answers an invitation instead of raising a hand', () => {
    const invited = viewerControls(situation({ viewer: participant('me', 'LISTENER', { invitedToStageAt: '2026-01-01T00:00:00Z' }) }));
    expect(invited).toMatchObject({ answerInvite: true, raiseHand: false });
  });
});

// Bug 5 (kind: a consequential action without warning): the host is told what leaving does.
describe('hostLeaveConsequence', () => {
  it('names the moderator who takes over', () => {
    const room = snapshotOf(roomDetail({ stage: [participant('host', 'HOST'), participant('sam', 'SPEAKER'), participant('priya', 'MODERATOR')] }));
    expect(hostLeaveConsequence(room)).toContain('PRIYA becomes the host');
  });

  it('says the room ends when no moderator can take over', () => {
    expect(hostLeaveConsequence(snapshotOf(roomDetail()))).toContain('ends the room for everyone');
  });
});

describe('text', () => {
  it('counts in English (bug 9: "1 followers")', () => {
    expect(countOf(1, 'follower')).toBe('1 follower');
    expect(countOf(2, 'listener')).toBe('2 listeners');
    expect(countOf(100000, 'listener')).toBe('100,000 listeners');
  });

  it('makes initials', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL');
    expect(initialsOf('Plato')).toBe('PL');
    expect(initialsOf('  ')).toBe('?');
  });
});
