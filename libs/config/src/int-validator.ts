import { EnvError, makeValidator, type Spec } from 'envalid';

/** Bounds of an integer setting, inclusive. */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Parses an environment value as a decimal integer within `[range.min, range.max]`.
 *
 * @throws EnvError `must be an integer from <min> to <max>, got "<input>"` for anything else:
 *   signs out of range, fractions, exponents ("1e3"), blanks, `NaN`, `Infinity`.
 */
export function parseInteger(input: string, range: IntegerRange): number {
  const text = String(input).trim();
  const value = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new EnvError(`must be an integer from ${range.min} to ${range.max}, got "${input}"`);
  }
  return value;
}

/**
 * An envalid validator for integers within `[min, max]`, so every numeric setting is
 * range-checked where it is declared and a bad value fails naming its variable (envalid's own
 * `num` accepts -5, 1.5 and 1e9 alike). Defaults are not parsed by envalid: keep them in range.
 *
 * ```ts
 * cleanEnv(process.env, { PORT: int({ min: 0, max: 65535, default: 4000 }) });
 * ```
 */
export function int(spec: Spec<number> & IntegerRange) {
  const { min, max, ...rest } = spec;
  return makeValidator<number>((input: string) => parseInteger(input, { min, max }))(rest);
}
