/** Career level; values match the contract's `Seniority` enum. */
export enum Seniority {
  Entry = 'ENTRY',
  Mid = 'MID',
  Senior = 'SENIOR',
  Lead = 'LEAD',
  Manager = 'MANAGER',
  Director = 'DIRECTOR',
  Executive = 'EXECUTIVE',
}

/** Every level, most junior first; the index is the level's rank. */
export const SENIORITY_LEVELS: readonly Seniority[] = Object.freeze([
  Seniority.Entry,
  Seniority.Mid,
  Seniority.Senior,
  Seniority.Lead,
  Seniority.Manager,
  Seniority.Director,
  Seniority.Executive,
]);

/** 0 (Entry) to 6 (Executive), so features can compare levels numerically. */
export function seniorityRank(seniority: Seniority): number {
  return SENIORITY_LEVELS.indexOf(seniority);
}

/** Whether `value` is one of the {@link Seniority} values (for untyped input). */
export function isSeniority(value: string): value is Seniority {
  return (SENIORITY_LEVELS as readonly string[]).includes(value);
}
