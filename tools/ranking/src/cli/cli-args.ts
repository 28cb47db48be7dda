import { parseArgs } from 'node:util';

import { runCommand, UsageError } from '@roundtable/config';

/** One command-line option of a ranking tool. Every constraint is checked before the tool's work begins. */
export type CliOption =
  | { readonly type: 'boolean'; readonly description: string }
  | {
      readonly type: 'string';
      readonly description: string;
      /** Shown in --help and applied when the option is absent. */
      readonly default?: string;
      /** The only values allowed, when it is one of a set. */
      readonly choices?: readonly string[];
      /** A comma-separated list (blank parts dropped) whose every item is one of these. */
      readonly listOf?: readonly string[];
    }
  | {
      readonly type: 'number';
      readonly description: string;
      readonly default?: string;
      readonly integer?: boolean;
      /** Inclusive bounds. */
      readonly min?: number;
      readonly max?: number;
      /** Exclusive bounds. */
      readonly above?: number;
      readonly below?: number;
    };

/** A tool's usage: the text --help prints and the options it parses. */
export interface CliSpec {
  readonly command: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, CliOption>>;
  readonly examples: readonly string[];
}

/** Parsed options: strings for string options (with defaults applied), booleans for flags. */
export interface CliValues {
  string(name: string): string;
  optionalString(name: string): string | undefined;
  /** A string option declared with `choices`, typed as one of them (checked at parse). */
  choice<T extends string>(name: string, choices: readonly T[]): T;
  number(name: string): number;
  flag(name: string): boolean;
}

/** Bad usage, the command line's or found by a tool's main: printed without a stack, exit code 2 (`runCommand`). */
export { UsageError } from '@roundtable/config';

/** What a number option allows, in words: "an integer ≥ 1", "a number > 0 and < 1". */
function numberRule(option: Extract<CliOption, { type: 'number' }>): string {
  const bounds = [
    option.min !== undefined ? `≥ ${option.min}` : null,
    option.above !== undefined ? `> ${option.above}` : null,
    option.max !== undefined ? `≤ ${option.max}` : null,
    option.below !== undefined ? `< ${option.below}` : null,
  ].filter((bound): bound is string => bound !== null);
  return `${option.integer ? 'an integer' : 'a number'}${bounds.length > 0 ? ` ${bounds.join(' and ')}` : ''}`;
}

/**
 * Checks one option's value against its declaration.
 * @throws UsageError naming the option, what it allows and the value given.
 */
function checkValue(name: string, option: CliOption, value: string): void {
  const refuse = (allowed: string) => {
    throw new UsageError(`--${name} must be ${allowed}; got ${JSON.stringify(value)}`);
  };
  if (option.type === 'number') {
    const number = value.trim() === '' ? Number.NaN : Number(value);
    const fits =
      Number.isFinite(number) &&
      (!option.integer || Number.isInteger(number)) &&
      (option.min === undefined || number >= option.min) &&
      (option.max === undefined || number <= option.max) &&
      (option.above === undefined || number > option.above) &&
      (option.below === undefined || number < option.below);
    if (!fits) refuse(numberRule(option));
  } else if (option.type === 'string') {
    if (option.choices && !option.choices.includes(value)) refuse(`one of ${option.choices.join(', ')}`);
    if (option.listOf) {
      const unknown = splitList(value).filter((item) => !option.listOf?.includes(item));
      if (unknown.length > 0) refuse(`a comma-separated list of ${option.listOf.join(', ')}`);
    }
  }
}

/** A comma-separated option value as its items, blank ones dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** Renders --help. */
export function helpText(spec: CliSpec): string {
  const width = Math.max(...Object.keys(spec.options).map((name) => name.length)) + 4;
  const lines = [`Usage: ${spec.command} [options]`, '', spec.summary, '', 'Options:'];
  for (const [name, option] of Object.entries(spec.options)) {
    const flag = `--${name}`.padEnd(width + 2);
    const fallback = option.type === 'boolean' ? undefined : option.default;
    const suffix = fallback !== undefined ? ` (default: ${fallback})` : '';
    lines.push(`  ${flag}${option.description}${suffix}`);
  }
  lines.push(`  ${'--help'.padEnd(width + 2)}Show this help`, '', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  return lines.join('\n');
}

/**
 * Parses argv against the spec and checks every value (given or default) against its declaration.
 * Returns null when --help was asked for (after printing it), so the caller can exit cleanly.
 * @throws UsageError for an unknown option, a missing value or a value the option does not allow.
 */
export function parseCli(spec: CliSpec, argv: readonly string[]): CliValues | null {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(Object.entries(spec.options).map(([name, option]) => [name, { type: option.type === 'boolean' ? ('boolean' as const) : ('string' as const) }])),
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values['help'] === true) {
    process.stdout.write(`${helpText(spec)}\n`);
    return null;
  }
  const raw = (name: string): string | undefined => {
    const value = parsed.values[name];
    if (typeof value === 'string') return value;
    const option = spec.options[name];
    return option && option.type !== 'boolean' ? option.default : undefined;
  };
  for (const [name, option] of Object.entries(spec.options)) {
    const value = raw(name);
    if (option.type !== 'boolean' && value !== undefined) checkValue(name, option, value);
  }
  return {
    string(name) {
      const value = raw(name);
      if (value === undefined) throw new UsageError(`--${name} is required`);
      return value;
    },
    optionalString: raw,
    choice<T extends string>(name: string, choices: readonly T[]): T {
      const value = raw(name);
      const option = spec.options[name];
      if (option?.type !== 'string' || option.choices !== choices) throw new TypeError(`--${name} is not declared with these choices`);
      if (value === undefined) throw new UsageError(`--${name} is required`);
      return value as T;
    },
    number(name) {
      if (spec.options[name]?.type !== 'number') throw new TypeError(`--${name} is not declared as a number option`);
      const value = raw(name);
      if (value === undefined) throw new UsageError(`--${name} is required`);
      return Number(value);
    },
    flag(name) {
      return parsed.values[name] === true;
    },
  };
}

/**
 * Runs a tool's main. A usage mistake, whether the command line's or found by `main` (a log that
 * does not suit the option), prints its message without a stack and exits 2; any other failure
 * prints its stack and exits 1.
 */
export function runCli(spec: CliSpec, main: (values: CliValues) => Promise<void>): void {
  let values: CliValues | null;
  try {
    values = parseCli(spec, process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${helpText(spec)}\n`);
    process.exit(2);
  }
  if (values === null) return;
  const parsed = values;
  runCommand(spec.command.replace(/^npm run /, '').replace(/ --$/, ''), () => main(parsed), { detail: 'stack' });
}
