import { ModerationError, ModerationErrorCode } from '../errors/moderation-error';
import { AUTO_MUTE_DEFAULTS, AUTO_MUTE_LIMITS, validateAutoMuteSettings } from './auto-mute-settings';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ModerationError && error.code === ModerationErrorCode.InvalidInput) return error.field;
    throw error;
  }
  return undefined;
}

describe('auto-mute settings', () => {
  it('defaults to 3 reporters within 10 minutes, and the defaults are valid', () => {
    expect(AUTO_MUTE_DEFAULTS).toEqual({ reporters: 3, windowMs: 600_000, minPresenceSeconds: 300, minAccountAgeHours: 168 });
    expect(validateAutoMuteSettings(AUTO_MUTE_DEFAULTS)).toBe(AUTO_MUTE_DEFAULTS);
  });

  it('accepts both ends of each range', () => {
    const limits = AUTO_MUTE_LIMITS;
    for (const settings of [
      { reporters: limits.reportersMin, windowMs: limits.windowMsMin, minPresenceSeconds: limits.minPresenceSecondsMin, minAccountAgeHours: limits.minAccountAgeHoursMin },
      { reporters: limits.reportersMax, windowMs: limits.windowMsMax, minPresenceSeconds: limits.minPresenceSecondsMax, minAccountAgeHours: limits.minAccountAgeHoursMax },
    ]) {
      expect(validateAutoMuteSettings(settings)).toEqual(settings);
    }
  });

  it('refuses one reporter: one account must never silence a speaker', () => {
    expect(fieldOf(() => validateAutoMuteSettings({ ...AUTO_MUTE_DEFAULTS, reporters: 1, windowMs: 600_000 }))).toBe('AUTO_MUTE_REPORTERS');
  });

  it.each([0, -3, 2.5, Number.NaN, AUTO_MUTE_LIMITS.reportersMax + 1, Number.POSITIVE_INFINITY])(
    'refuses AUTO_MUTE_REPORTERS=%p naming the variable',
    (reporters) => {
      expect(fieldOf(() => validateAutoMuteSettings({ ...AUTO_MUTE_DEFAULTS, reporters, windowMs: 600_000 }))).toBe('AUTO_MUTE_REPORTERS');
    },
  );

  it.each([0, 59_999, 1.5, Number.NaN, AUTO_MUTE_LIMITS.windowMsMax + 1])('refuses AUTO_MUTE_WINDOW_MS=%p naming the variable', (windowMs) => {
    expect(fieldOf(() => validateAutoMuteSettings({ ...AUTO_MUTE_DEFAULTS, reporters: 3, windowMs }))).toBe('AUTO_MUTE_WINDOW_MS');
  });

  it('puts the variable, the range and the value in the message', () => {
    expect(() => validateAutoMuteSettings({ ...AUTO_MUTE_DEFAULTS, reporters: 1, windowMs: 600_000 })).toThrow(
      'AUTO_MUTE_REPORTERS must be an integer from 2 to 1000, got 1',
    );
  });

  it.each([
    ['AUTO_MUTE_MIN_PRESENCE_SECONDS', { minPresenceSeconds: 0 }],
    ['AUTO_MUTE_MIN_PRESENCE_SECONDS', { minPresenceSeconds: 86_401 }],
    ['AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS', { minAccountAgeHours: 0 }],
    ['AUTO_MUTE_MIN_ACCOUNT_AGE_HOURS', { minAccountAgeHours: 2.5 }],
  ] as const)('refuses %s out of range, naming the variable (%p)', (name, override) => {
    expect(fieldOf(() => validateAutoMuteSettings({ ...AUTO_MUTE_DEFAULTS, ...override }))).toBe(name);
  });
});
