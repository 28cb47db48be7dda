import { DomainError, type DomainErrorCode } from '../errors/domain-error';
import type { RoomCommand } from './room.commands';
import { createRoom } from './room-creation';
import { decide } from './room.rules';
import type { RoomState } from './room.types';

export const HOST = 'host';
export const T0 = new Date('2025-03-01T12:00:00.000Z');

/** `T0` plus some seconds, so every step of a scenario has its own, ordered time. */
export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

/** A live room created by {@link HOST} at `T0`. */
export function newLiveRoom(maxSpeakers = 10): RoomState {
  return createRoom({ id: 'room-1', hostId: HOST, title: 'Platform engineering AMA', maxSpeakers }, T0).state;
}

/** Applies commands one second apart, starting at `fromSecond`, and returns the last state. */
export function run(state: RoomState, commands: readonly RoomCommand[], fromSecond = 1): RoomState {
  return commands.reduce((current, command, index) => decide(current, command, at(fromSecond + index)).state, state);
}

export interface Cast {
  readonly listeners?: readonly string[];
  readonly speakers?: readonly string[];
  readonly moderators?: readonly string[];
  readonly maxSpeakers?: number;
}

/**
 * A live room with the given people, built only through the rules (so it is a state the
 * rules can actually reach): speakers come up via invitation, moderators are appointed after.
 */
export function roomWith(cast: Cast): RoomState {
  const { listeners = [], speakers = [], moderators = [], maxSpeakers = 10 } = cast;
  const everyone = [...moderators, ...speakers, ...listeners];
  const commands: RoomCommand[] = [
    ...everyone.map((actorId): RoomCommand => ({ type: 'JoinRoom', actorId })),
    ...[...moderators, ...speakers].flatMap((id): RoomCommand[] => [
      { type: 'InviteToStage', actorId: HOST, targetId: id },
      { type: 'AcceptStageInvite', actorId: id },
    ]),
    ...moderators.map((id): RoomCommand => ({ type: 'SetModerator', actorId: HOST, targetId: id, moderator: true })),
  ];
  return run(newLiveRoom(maxSpeakers), commands);
}

/** Runs `fn` and asserts it throws a {@link DomainError} with `code`; returns the error. */
export function expectDomainError(fn: () => unknown, code: DomainErrorCode): DomainError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toEqual(expect.objectContaining({ code }));
  return thrown as DomainError;
}

/** A deep, comparable copy of a state, to prove the rules did not mutate their input. */
export function snapshot(state: RoomState): unknown {
  return JSON.parse(
    JSON.stringify({
      ...state,
      participants: [...state.participants.entries()],
      bannedIds: [...state.bannedIds],
    }),
  );
}
