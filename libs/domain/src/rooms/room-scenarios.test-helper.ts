import fc from 'fast-check';

import type { RoomCommand, RoomCommandType } from './room.commands';
import type { RoomEvent } from './room.events';
import { createRoom } from './room-creation';
import { decide } from './room.rules';
import { MODERATING_ROLES, ParticipantRole, type ParticipantState, ROOM_LIMITS, type RoomState, STAGE_ROLES } from './room.types';
import { HOST, T0, snapshot } from './room.test-helper';

/** The host plus seven others: few enough that commands keep hitting the same people. */
export const PROFILES: readonly string[] = [HOST, 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

/**
 * Whom a command names, as a choice made against the room at the time it runs. Uniformly
 * random actors make almost every moderation command fail (only the host may invite at
 * first), so the stage would rarely fill; picking "some moderator" or "some invitee" reaches
 * the interesting states, while `anyone` keeps outsiders and nonsense in the mix.
 */
export interface ProfilePick {
  /** `natural` is the kind the command usually names (see {@link NATURAL_PICKS}). */
  readonly kind: 'natural' | PickKind;
  readonly index: number;
}

type PickKind = 'anyone' | 'host' | 'participant' | 'listener' | 'stage' | 'moderating' | 'invited' | 'handRaised';

const PICK_FILTERS: Record<PickKind, (p: ParticipantState) => boolean> = {
  anyone: () => true,
  host: (p) => p.role === ParticipantRole.Host,
  participant: () => true,
  listener: (p) => p.role === ParticipantRole.Listener,
  stage: (p) => STAGE_ROLES.has(p.role),
  moderating: (p) => MODERATING_ROLES.has(p.role),
  invited: (p) => p.invitedToStageAt !== null,
  handRaised: (p) => p.handRaisedAt !== null,
};

/** Whom each command usually names: [actor, target]. */
const NATURAL_PICKS: Record<RoomCommandType, readonly [PickKind, PickKind]> = {
  StartRoom: ['anyone', 'anyone'],
  // Ending is left to chance so that most runs stay live long enough to matter.
  EndRoom: ['anyone', 'anyone'],
  JoinRoom: ['anyone', 'anyone'],
  // The host leaving ends the room or hands it over; random picks still reach that.
  LeaveRoom: ['listener', 'anyone'],
  RaiseHand: ['listener', 'anyone'],
  LowerHand: ['handRaised', 'anyone'],
  DismissHand: ['moderating', 'handRaised'],
  InviteToStage: ['moderating', 'listener'],
  AcceptStageInvite: ['invited', 'anyone'],
  DeclineStageInvite: ['invited', 'anyone'],
  MoveToAudience: ['moderating', 'stage'],
  // Moderators are appointed from the stage (a listener must accept an invitation first).
  SetModerator: ['host', 'stage'],
  MuteParticipant: ['moderating', 'stage'],
  UnmuteSelf: ['stage', 'anyone'],
  RemoveParticipant: ['moderating', 'participant'],
  RecordMediaConnection: ['stage', 'anyone'],
  // Trust and safety acts from outside the room, on anyone on it.
  EnforceModeration: ['anyone', 'stage'],
};

function resolvePick(pick: ProfilePick, natural: PickKind, state: RoomState): string {
  const kind = pick.kind === 'natural' ? natural : pick.kind;
  const candidates =
    kind === 'anyone'
      ? PROFILES
      : [...state.participants.values()].filter(PICK_FILTERS[kind]).map((p) => p.profileId);
  const pool = candidates.length > 0 ? candidates : PROFILES;
  return pool[pick.index % pool.length] ?? HOST;
}

/** A command before its actor and target are chosen. */
export interface CommandTemplate {
  readonly type: RoomCommandType;
  readonly actor: ProfilePick;
  readonly target: ProfilePick;
  /** `moderator` for SetModerator, `ban` for RemoveParticipant, RemoveAndBan for EnforceModeration. */
  readonly flag: boolean;
  readonly question: string | null;
}

/** The concrete command a template stands for in `state`. */
export function resolveCommand(template: CommandTemplate, state: RoomState): RoomCommand {
  const [naturalActor, naturalTarget] = NATURAL_PICKS[template.type];
  const actorId = resolvePick(template.actor, naturalActor, state);
  const targetId = resolvePick(template.target, naturalTarget, state);
  switch (template.type) {
    case 'RaiseHand':
      return { type: template.type, actorId, question: template.question };
    case 'InviteToStage':
    case 'DismissHand':
    case 'MoveToAudience':
    case 'MuteParticipant':
      return { type: template.type, actorId, targetId };
    case 'SetModerator':
      return { type: template.type, actorId, targetId, moderator: template.flag };
    case 'RemoveParticipant':
      return { type: template.type, actorId, targetId, ban: template.flag };
    case 'RecordMediaConnection':
      return { type: template.type, actorId, connected: template.flag };
    case 'EnforceModeration':
      return { type: template.type, actorId, targetId, enforcement: template.flag ? 'RemoveAndBan' : 'Mute' };
    default:
      return { type: template.type, actorId };
  }
}

const pick: fc.Arbitrary<ProfilePick> = fc.record({
  kind: fc.oneof(
    { weight: 6, arbitrary: fc.constant('natural' as const) },
    {
      weight: 4,
      arbitrary: fc.constantFrom<PickKind>('anyone', 'host', 'participant', 'listener', 'stage', 'moderating', 'invited', 'handRaised'),
    },
  ),
  index: fc.nat({ max: PROFILES.length - 1 }),
});

const question = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  // Around the limit (ROOM_LIMITS.questionMax), sometimes padded (trimming must come before counting).
  // Built from an integer, not fc.string, so a failure shrinks in a few steps, not thousands.
  fc
    .tuple(fc.integer({ min: ROOM_LIMITS.questionMax - 4, max: ROOM_LIMITS.questionMax + 4 }), fc.boolean())
    .map(([length, padded]) => (padded ? `  ${'q'.repeat(length)}  ` : 'q'.repeat(length))),
);

const weightedTypes: ReadonlyArray<readonly [RoomCommandType, number]> = [
  // Joins are common so rooms fill; ending and leaving end runs early (host), so they are rare.
  ['JoinRoom', 12],
  ['StartRoom', 1],
  ['EndRoom', 1],
  ['LeaveRoom', 4],
  ['RaiseHand', 6],
  ['LowerHand', 3],
  ['DismissHand', 2],
  ['InviteToStage', 10],
  ['AcceptStageInvite', 10],
  ['DeclineStageInvite', 3],
  ['MoveToAudience', 5],
  ['SetModerator', 10],
  ['MuteParticipant', 5],
  ['UnmuteSelf', 4],
  ['RemoveParticipant', 4],
  ['RecordMediaConnection', 2],
  ['EnforceModeration', 2],
];

const commandType = fc.oneof(...weightedTypes.map(([type, weight]) => ({ weight, arbitrary: fc.constant(type) })));

export const commandTemplate: fc.Arbitrary<CommandTemplate> = fc.record({
  type: commandType,
  actor: pick,
  target: pick,
  flag: fc.boolean(),
  question,
});

/** A command template and how many seconds after the previous one it arrives; 0 makes ties. */
const step = fc.tuple(commandTemplate, fc.integer({ min: 0, max: 5 }));

/** A random room size and up to 60 random commands. */
export const scenario = fc.record({
  maxSpeakers: fc.integer({ min: 2, max: 5 }),
  steps: fc.array(step, { maxLength: 60, size: 'max' }),
});

export interface Step {
  readonly before: RoomState;
  readonly command: RoomCommand;
  readonly now: Date;
  /** The decision, or the error `decide` threw. */
  readonly outcome: { readonly state: RoomState; readonly events: readonly RoomEvent[] } | { readonly error: unknown };
  /** `before` as it was before `decide` ran, to detect mutation. */
  readonly beforeSnapshot: unknown;
}

/** Plays a scenario from a LIVE room created by `createRoom`, calling `check` after every step. */
export function play(
  maxSpeakers: number,
  steps: ReadonlyArray<readonly [CommandTemplate, number]>,
  check: (step: Step) => void,
): RoomState {
  let state = createRoom({ id: 'room-p', hostId: HOST, title: 'Property room', maxSpeakers }, T0).state;
  let time = T0.getTime();
  for (const [template, gapSeconds] of steps) {
    time += gapSeconds * 1000;
    const now = new Date(time);
    const command = resolveCommand(template, state);
    const beforeSnapshot = snapshot(state);
    let outcome: Step['outcome'];
    try {
      outcome = decide(state, command, now);
    } catch (error) {
      outcome = { error };
    }
    check({ before: state, command, now, outcome, beforeSnapshot });
    if ('state' in outcome) state = outcome.state;
  }
  return state;
}
