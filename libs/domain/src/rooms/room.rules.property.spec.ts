import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { checkInvariants, stageCount } from './room.rules';
import { ParticipantRole, RoomStatus } from './room.types';
import { play, scenario } from './room-scenarios.test-helper';
import { snapshot } from './room.test-helper';
import fc from 'fast-check';

/**
 * 300 runs of up to 60 commands each: a count, never a time limit (a busy CI machine must not
 * turn a slow run into a failure). Shrinking a real failure is capped by steps, not seconds.
 */
const RUNS = { numRuns: 300, maxShrinks: 2000 };

/** Codes only the access and validation functions use. */
const NOT_FROM_DECIDE = new Set<DomainErrorCode>([
  DomainErrorCode.RoomNotFound,
  DomainErrorCode.ProfileNotFound,
  DomainErrorCode.GroupNotFound,
  // Raised by the API's services and guards, never by decide().
  DomainErrorCode.NotFound,
  DomainErrorCode.Unauthenticated,
  DomainErrorCode.NotInvited,
  // Group join requests are not room commands.
  DomainErrorCode.JoinRequestAlreadyDecided,
  // The question queue has its own rules (questions/question-queue.ts).
  DomainErrorCode.QuestionStateConflict,
  DomainErrorCode.QuestionLimitReached,
  // The chat has its own rules (conversation/chat-rules.ts).
  DomainErrorCode.ChatClosed,
  // Follow settings are not room commands (issue 18).
  DomainErrorCode.NotFollowing,
  // Every run starts live; scheduled rooms are covered by the unit tests.
  DomainErrorCode.RoomNotLive,
]);

describe('decide (properties)', () => {
  it('keeps every invariant, numbers events consecutively and never mutates its input', () => {
    // What the runs reached, so a generator that stops reaching the interesting states fails.
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenario, ({ maxSpeakers, steps }) => {
        play(maxSpeakers, steps, ({ before, command: cmd, now, outcome, beforeSnapshot }) => {
          // Pure: the input is untouched whether the command was accepted or refused.
          expect(snapshot(before)).toEqual(beforeSnapshot);
          if ('error' in outcome) {
            expect(outcome.error).toBeInstanceOf(DomainError);
            seen.add((outcome.error as DomainError).code);
            return;
          }
          const { state, events } = outcome;
          for (const event of events) seen.add(event.type);
          if (state.hostId !== before.hostId) seen.add('host handover');
          if (stageCount(state) === maxSpeakers) seen.add('full stage');
          expect(checkInvariants(state)).toEqual([]);
          expect(state.version).toBe(before.version + events.length);
          events.forEach((event, index) => {
            expect(event.version).toBe(before.version + index + 1);
            expect(event.previousVersion).toBe(event.version - 1);
            expect(event.roomId).toBe(before.id);
            expect(event.at).toBe(now);
          });
          if (events.length === 0) expect(state).toBe(before);
          // The room's identity and configuration never change through commands.
          expect(state.id).toBe(before.id);
          expect(state.maxSpeakers).toBe(before.maxSpeakers);
          expect(state.visibility).toBe(before.visibility);
          // Only the host may end a room directly; otherwise only the host leaving ends it.
          if (before.status === RoomStatus.Live && state.status === RoomStatus.Ended) {
            expect(cmd.actorId).toBe(before.hostId);
          }
        });
      }),
      // A fixed seed: this property also checks what the generator reaches, which must not depend on luck.
      { ...RUNS, seed: 20261130 },
    );
    const mustReach = [
      ...Object.values(DomainErrorCode).filter((code) => !NOT_FROM_DECIDE.has(code)),
      'HandRaised',
      'HandLowered',
      'StageInvitation',
      'StageInvitationDeclined',
      'RoleChanged',
      'ParticipantMuted',
      'ParticipantUnmuted',
      'ParticipantRemoved',
      'ParticipantLeft',
      'host handover',
      'full stage',
    ];
    // Named, so a generator that stops reaching a state says which one.
    expect(mustReach.filter((what) => !seen.has(what))).toEqual([]);
  });

  it('emits, for each participant, their final state in the last event that names them', () => {
    fc.assert(
      fc.property(scenario, ({ maxSpeakers, steps }) => {
        play(maxSpeakers, steps, ({ outcome }) => {
          if (!('state' in outcome) || outcome.state.status !== RoomStatus.Live) return;
          const last = new Map<string, unknown>();
          for (const event of outcome.events) if ('participant' in event) last.set(event.participant.profileId, event.participant);
          for (const [id, participant] of last) expect(outcome.state.participants.get(id)).toEqual(participant);
        });
      }),
      RUNS,
    );
  });

  it('never lets a banned profile be a participant again, and keeps the ban', () => {
    fc.assert(
      fc.property(scenario, ({ maxSpeakers, steps }) => {
        const banned = new Set<string>();
        play(maxSpeakers, steps, ({ command: cmd, outcome }) => {
          if ('error' in outcome) {
            // A banned profile trying to join must be told so, not silently let in.
            if (cmd.type === 'JoinRoom' && banned.has(cmd.actorId)) {
              expect(outcome.error).toEqual(expect.objectContaining({ code: expect.stringMatching(/BANNED|ROOM_ENDED/) }));
            }
            return;
          }
          for (const event of outcome.events) {
            if (event.type === 'ParticipantRemoved' && event.banned) banned.add(event.profileId);
          }
          for (const id of banned) {
            expect(outcome.state.participants.has(id)).toBe(false);
            expect(outcome.state.bannedIds.has(id)).toBe(true);
          }
        });
      }),
      RUNS,
    );
  });

  it('never seats more than maxSpeakers on the stage, and refuses with StageFull at the limit', () => {
    fc.assert(
      fc.property(scenario, ({ maxSpeakers, steps }) => {
        play(maxSpeakers, steps, ({ before, command: cmd, outcome }) => {
          if ('state' in outcome) {
            expect(stageCount(outcome.state)).toBeLessThanOrEqual(maxSpeakers);
            return;
          }
          const actor = before.participants.get(cmd.actorId);
          // Accepting a pending invitation is refused only for a full stage.
          if (cmd.type === 'AcceptStageInvite' && actor?.invitedToStageAt != null && before.status === RoomStatus.Live) {
            expect(outcome.error).toEqual(expect.objectContaining({ code: DomainErrorCode.StageFull }));
            expect(stageCount(before)).toBe(maxSpeakers);
          }
        });
      }),
      RUNS,
    );
  });

  it('always has exactly one host while live, even as hosts leave and moderators take over', () => {
    fc.assert(
      fc.property(scenario, ({ maxSpeakers, steps }) => {
        const final = play(maxSpeakers, steps, () => undefined);
        if (final.status === RoomStatus.Live) {
          const hosts = [...final.participants.values()].filter((p) => p.role === ParticipantRole.Host);
          expect(hosts.map((h) => h.profileId)).toEqual([final.hostId]);
        } else {
          expect(final.participants.size).toBe(0);
        }
      }),
      RUNS,
    );
  });
});
