import type { Reaction } from '../gql/graphql';

// The reaction bar's pure parts: the kinds, and how many floating icons a tick's counts become.

export type ReactionKind = Reaction;

/** Every `Reaction` of the served schema, in the bar's order (reactions.spec.ts checks none is missing). */
export const REACTIONS = ['CLAP', 'HEART', 'LAUGH', 'INSIGHTFUL', 'PLUS_ONE'] as const satisfies readonly Reaction[];

/** What each button is called; a kind added to the schema fails to compile here until it is named. */
export const REACTION_LABELS: Readonly<Record<Reaction, string>> = {
  CLAP: 'Clap',
  HEART: 'Heart',
  LAUGH: 'Laugh',
  INSIGHTFUL: 'Insightful',
  PLUS_ONE: 'Plus one',
};

/** Most icons one kind floats for one tick: beyond it the "+N" beside the button carries the count. */
export const MAX_ICONS_PER_KIND = 12;
/** Most icons in flight at once, all kinds together (a busy room must not flood the page). */
export const MAX_ICONS_IN_FLIGHT = 40;

export interface ReactionCountLike {
  readonly reaction: string;
  readonly count: number;
}

export interface FloatingIcon {
  readonly id: number;
  readonly reaction: ReactionKind;
  /** Where it starts across its button, 0–1. */
  readonly x: number;
  /** When it starts within the tick's second, ms. */
  readonly delayMs: number;
}

export const isReactionKind = (value: string): value is ReactionKind => (REACTIONS as readonly string[]).includes(value);

/**
 * Icons for one tick's counts: one per reaction up to {@link MAX_ICONS_PER_KIND} per kind, spread
 * over the tick's second, and no more than leaves {@link MAX_ICONS_IN_FLIGHT} on the page.
 * Unknown kinds (a newer server) are skipped.
 */
export function iconsForTick(counts: readonly ReactionCountLike[], inFlight: number, nextId: number, random: () => number = Math.random): FloatingIcon[] {
  const icons: FloatingIcon[] = [];
  let room = Math.max(0, MAX_ICONS_IN_FLIGHT - inFlight);
  for (const { reaction, count } of counts) {
    if (!isReactionKind(reaction)) continue;
    const n = Math.min(count, MAX_ICONS_PER_KIND, room);
    room -= n;
    for (let i = 0; i < n; i += 1) icons.push({ id: nextId + icons.length, reaction, x: random(), delayMs: Math.floor(random() * 900) });
  }
  return icons;
}

/** The tick's count per kind, for the "+N" beside each button; kinds nobody used are absent. */
export function countsByKind(counts: readonly ReactionCountLike[]): Partial<Record<ReactionKind, number>> {
  const result: Partial<Record<ReactionKind, number>> = {};
  for (const { reaction, count } of counts) if (isReactionKind(reaction) && count > 0) result[reaction] = (result[reaction] ?? 0) + count;
  return result;
}
