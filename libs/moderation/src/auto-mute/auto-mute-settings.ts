import { ModerationError } from '../errors/moderation-error';

/** The thresholds of the automatic mute, as the API's configuration reads them. */
export interface AutoMuteSettings {
  /** `AUTO_MUTE_REPORTERS`: independent reporters needed to trigger it (count). */
  readonly reporters: number;
  /** `AUTO_MUTE_WINDOW_MS`: how recent their reports must be (milliseconds). */
  readonly windowMs: number;
  /**
   * `AUTO_MUTE_MIN_PRESENCE_SECONDS`: a reporter counts when they had been in the room at least
   * this long when they reported (seconds), or when their account is established (below).
   */
  readonly minPresenceSeconds: number;
  /**
   * `AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS`: a reporter counts when their account was at least this old
   * when they reported (hours), or when they had been present long enough (above).
   */
  readonly minAccountAgeHours: number;
}

/**
 * `AUTO_MUTE_REPORTERS=3`, `AUTO_MUTE_WINDOW_MS=600000` (10 minutes),
 * `AUTO_MUTE_MIN_PRESENCE_SECONDS=300` (5 minutes: longer than a brigade joining and reporting
 * at once, shorter than most real listening), `AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS=168` (7 days:
 * accounts minted for a raid are rarely that old).
 */
export const AUTO_MUTE_DEFAULTS: AutoMuteSettings = { reporters: 3, windowMs: 10 * 60 * 1000, minPresenceSeconds: 300, minAccountAgeHours: 168 };

/**
 * Allowed ranges, both ends included. At least 2 reporters, because one account must never be able
 * to silence a speaker; at most 1000, beyond which the rule could never fire. The window runs
 * from 1 minute (shorter, and reporters typing at normal speed would not add up) to 24 hours
 * (longer, and old grudges would add up with today's reports). Presence runs from 30 seconds
 * (0 would let any fresh account count again) to 24 hours; account age from 1 hour to 1 year.
 */
export const AUTO_MUTE_LIMITS = {
  reportersMin: 2,
  reportersMax: 1000,
  windowMsMin: 60 * 1000,
  windowMsMax: 24 * 60 * 60 * 1000,
  minPresenceSecondsMin: 30,
  minPresenceSecondsMax: 24 * 60 * 60,
  minAccountAgeHoursMin: 1,
  minAccountAgeHoursMax: 365 * 24,
} as const;

/**
 * Checks the thresholds (for the API's start-up configuration and any admin setting).
 * @returns the settings unchanged when valid.
 * @throws ModerationError `InvalidInput` whose `field` is the variable's name (`AUTO_MUTE_REPORTERS`,
 *   `AUTO_MUTE_WINDOW_MS`, `AUTO_MUTE_MIN_PRESENCE_SECONDS` or `AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS`)
 *   and whose message names it, the range and the value given.
 */
export function validateAutoMuteSettings(settings: AutoMuteSettings): AutoMuteSettings {
  const limits = AUTO_MUTE_LIMITS;
  const checks: readonly [string, number, number, number, string][] = [
    ['AUTO_MUTE_REPORTERS', settings.reporters, limits.reportersMin, limits.reportersMax, ''],
    ['AUTO_MUTE_WINDOW_MS', settings.windowMs, limits.windowMsMin, limits.windowMsMax, ' (milliseconds)'],
    ['AUTO_MUTE_MIN_PRESENCE_SECONDS', settings.minPresenceSeconds, limits.minPresenceSecondsMin, limits.minPresenceSecondsMax, ' (seconds)'],
    ['AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS', settings.minAccountAgeHours, limits.minAccountAgeHoursMin, limits.minAccountAgeHoursMax, ' (hours)'],
  ];
  for (const [name, value, min, max, unit] of checks) {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw ModerationError.invalidInput(name, `${name} must be an integer from ${min} to ${max}${unit}, got ${value}`);
    }
  }
  return settings;
}
