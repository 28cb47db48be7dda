import fc from 'fast-check';

import { audienceDelta, isAudienceDecision, mayBeAudienceCommand } from './command-tier';
import { decide, stageCount } from './room.rules';
import { ParticipantRole, RoomStatus, STAGE_ROLES } from './room.types';
import { play, scenario } from './room-scenarios.test-helper';
import { at, HOST, roomWith, run } from './room.test-helper';

describe('isAudienceDecision', () => {
  const room = roomWith({ listeners: ['lee'], speakers: ['sam'], moderators: ['mo'] });

  it('a listener joining or leaving, and joining twice, are audience decisions', () => {
    expect(isAudienceDecision(room, decide(room, { type: 'JoinRoom', actorId: 'newcomer' }, at(100)))).toBe(true);
    expect(isAudienceDecision(room, decide(room, { type: 'LeaveRoom', actorId: 'lee' }, at(100)))).toBe(true);
    const twice = decide(room, { type: 'JoinRoom', actorId: 'lee' }, at(100));
    expect(twice.events).toEqual([]);
    expect(isAudienceDecision(room, twice)).toBe(true);
  });

  it('a speaker or moderator leaving is a stage decision', () => {
    expect(isAudienceDecision(room, decide(room, { type: 'LeaveRoom', actorId: 'sam' }, at(100)))).toBe(false);
    expect(isAudienceDecision(room, decide(room, { type: 'LeaveRoom', actorId: 'mo' }, at(100)))).toBe(false);
  });

  it('the host leaving (handover, or the room ends) and the host rejoining are stage decisions', () => {
    expect(isAudienceDecision(room, decide(room, { type: 'LeaveRoom', actorId: HOST }, at(100)))).toBe(false);
    const alone = roomWith({ listeners: ['lee'] });
    expect(isAudienceDecision(alone, decide(alone, { type: 'LeaveRoom', actorId: HOST }, at(100)))).toBe(false);
    const handedOver = run(room, [{ type: 'LeaveRoom', actorId: HOST }], 100);
    expect(handedOver.hostId).toBe('mo');
    // The old host comes back as a listener (there is a host): an audience decision again.
    expect(isAudienceDecision(handedOver, decide(handedOver, { type: 'JoinRoom', actorId: HOST }, at(200)))).toBe(true);
    const ended = roomWith({});
    const hostless = { ...ended, participants: new Map() };
    const rejoin = decide(hostless, { type: 'JoinRoom', actorId: HOST }, at(100));
    expect(rejoin.events[0]).toMatchObject({ type: 'ParticipantJoined', participant: { role: ParticipantRole.Host } });
    expect(isAudienceDecision(hostless, rejoin)).toBe(false);
  });

  it('only joining and leaving may be audience commands', () => {
    expect(mayBeAudienceCommand({ type: 'JoinRoom', actorId: 'x' })).toBe(true);
    expect(mayBeAudienceCommand({ type: 'LeaveRoom', actorId: 'x' })).toBe(true);
    expect(mayBeAudienceCommand({ type: 'RaiseHand', actorId: 'x', question: null })).toBe(false);
    expect(mayBeAudienceCommand({ type: 'RemoveParticipant', actorId: HOST, targetId: 'x', ban: true })).toBe(false);
  });

  it('(property) an audience decision leaves the stage and the room fields as they were', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ maxSpeakers, steps }) => {
        play(maxSpeakers, steps, ({ before, command, outcome }) => {
          if ('error' in outcome || !mayBeAudienceCommand(command)) return;
          const decision = { state: outcome.state, events: outcome.events };
          if (!isAudienceDecision(before, decision)) {
            seen.add(`stage ${command.type}`);
            return;
          }
          seen.add(`audience ${command.type}`);
          const stageOf = (state: typeof before) =>
            [...state.participants.values()].filter((p) => STAGE_ROLES.has(p.role)).map((p) => [p.profileId, p.role, p.muted, p.stageSince]);
          expect(stageOf(outcome.state)).toEqual(stageOf(before));
          expect(stageCount(outcome.state)).toBe(stageCount(before));
          expect([outcome.state.status, outcome.state.hostId, outcome.state.startedAt, outcome.state.endedAt]).toEqual([
            before.status,
            before.hostId,
            before.startedAt,
            before.endedAt,
          ]);
        });
      }),
      { numRuns: 200 },
    );
    // The generator reached both kinds of leaving. (The host joins as HOST only into a room whose
    // host row is gone, which the rules never reach from a live room: the unit test covers it.)
    expect([...seen].sort()).toEqual(['audience JoinRoom', 'audience LeaveRoom', 'stage LeaveRoom']);
  });
});

describe('audienceDelta', () => {
  it('a listener joining or leaving moves both counters; a speaker leaving only participants; a ban ahead of a join nothing', () => {
    const room = roomWith({ listeners: ['lee'], speakers: ['sam'] });
    const joined = decide(room, { type: 'JoinRoom', actorId: 'newcomer' }, at(100)).events[0]!;
    expect(audienceDelta(joined, null)).toEqual({ listeners: 1, participants: 1 });
    const left = decide(room, { type: 'LeaveRoom', actorId: 'lee' }, at(100)).events[0]!;
    expect(audienceDelta(left, ParticipantRole.Listener)).toEqual({ listeners: -1, participants: -1 });
    expect(audienceDelta(left, ParticipantRole.Speaker)).toEqual({ listeners: 0, participants: -1 });
    expect(audienceDelta({ type: 'ParticipantRemoved' }, null)).toEqual({ listeners: 0, participants: 0 });
    expect(audienceDelta({ type: 'RoleChanged', participant: { role: ParticipantRole.Speaker }, previousRole: ParticipantRole.Listener }, null)).toEqual({
      listeners: -1,
      participants: 0,
    });
  });

  it('(property) the deltas of every event, with the role each leaver had, add up to the listeners and participants of the room', () => {
    fc.assert(
      fc.property(scenario, ({ maxSpeakers, steps }) => {
        let listeners = 0;
        let participants = 1; // the host, who created the room
        const final = play(maxSpeakers, steps, ({ before, outcome }) => {
          if ('error' in outcome) return;
          for (const event of outcome.events) {
            if (event.type === 'RoomStatusChanged' && event.status === RoomStatus.Ended) {
              listeners = 0;
              participants = 0;
              continue;
            }
            const leaving = event.type === 'ParticipantLeft' || event.type === 'ParticipantRemoved' ? (before.participants.get(event.profileId)?.role ?? null) : null;
            const delta = audienceDelta(event, leaving);
            listeners += delta.listeners;
            participants += delta.participants;
          }
        });
        const roles = [...final.participants.values()].map((p) => p.role);
        expect(participants).toBe(roles.length);
        expect(listeners).toBe(roles.filter((role) => role === ParticipantRole.Listener).length);
      }),
      { numRuns: 200 },
    );
  });
});
