import { ModerationError } from '../errors/moderation-error';

/** The thresholds of the automatic mute, as the API's configuration reads them. */
export interface AutoMuteSettings {
  /** `AUTO_MUTE_REPORTERS`: independent reporters needed to trigger it (count). */
  readonly reporters: number;
  /** `AUTO_MUTE_WINDOW_MS`: how recent their reports must be (milliseconds). */
  readonly windowMs: number;
}

/** `AUTO_MUTE_REPORTERS=3`, `AUTO_MUTE_WINDOW_MS=600000` (10 minutes). */
export const AUTO_MUTE_DEFAULTS: AutoMuteSettings = { reporters: 3, windowMs: 10 * 60 * 1000 };

/**
 * Allowed ranges, both ends included. At least 2 reporters, because one account must never be able
 * to silence a speaker; at most 1000, beyond which the rule could never fire. The window runs
 * from 1 minute (shorter, and reporters typing at normal speed would not add up) to 24 hours
 * (longer, and old grudges would add up with today's reports).
 */
export const AUTO_MUTE_LIMITS = {
  reportersMin: 2,
  reportersMax: 1000,
  windowMsMin: 60 * 1000,
  windowMsMax: 24 * 60 * 60 * 1000,
} as const;

/**
 * Checks the thresholds (for the API's start-up configuration and any admin setting).
 * @returns the settings unchanged when valid.
 * @throws ModerationError `InvalidInput` whose `field` is the variable's name
 *   (`AUTO_MUTE_REPORTERS` or `AUTO_MUTE_WINDOW_MS`) and whose message names it, the range and
 *   the value given.
 */
export function validateAutoMuteSettings(settings: AutoMuteSettings): AutoMuteSettings {
  const { reportersMin, reportersMax, windowMsMin, windowMsMax } = AUTO_MUTE_LIMITS;
  if (!Number.isInteger(settings.reporters) || settings.reporters < reportersMin || settings.reporters > reportersMax) {
    throw ModerationError.invalidInput(
      'AUTO_MUTE_REPORTERS',
      `AUTO_MUTE_REPORTERS must be an integer from ${reportersMin} to ${reportersMax}, got ${settings.reporters}`,
    );
  }
  if (!Number.isInteger(settings.windowMs) || settings.windowMs < windowMsMin || settings.windowMs > windowMsMax) {
    throw ModerationError.invalidInput(
      'AUTO_MUTE_WINDOW_MS',
      `AUTO_MUTE_WINDOW_MS must be an integer from ${windowMsMin} to ${windowMsMax} (milliseconds), got ${settings.windowMs}`,
    );
  }
  return settings;
}
