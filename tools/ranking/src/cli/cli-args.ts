import { parseArgs } from 'node:util';

/** One command-line option of a ranking tool. */
export interface CliOption {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  /** Shown in --help and applied when the option is absent. */
  readonly default?: string;
}

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
  number(name: string): number;
  flag(name: string): boolean;
}

/** Thrown for bad usage; the tools print the message and the help, then exit with code 2. */
export class CliUsageError extends Error {}

/** Renders --help. */
export function helpText(spec: CliSpec): string {
  const width = Math.max(...Object.keys(spec.options).map((name) => name.length)) + 4;
  const lines = [`Usage: ${spec.command} [options]`, '', spec.summary, '', 'Options:'];
  for (const [name, option] of Object.entries(spec.options)) {
    const flag = `--${name}`.padEnd(width + 2);
    const suffix = option.default !== undefined ? ` (default: ${option.default})` : '';
    lines.push(`  ${flag}${option.description}${suffix}`);
  }
  lines.push(`  ${'--help'.padEnd(width + 2)}Show this help`, '', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  return lines.join('\n');
}

/**
 * Parses argv against the spec. Returns null when --help was asked for (after printing it), so
 * the caller can exit cleanly.
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
        ...Object.fromEntries(Object.entries(spec.options).map(([name, option]) => [name, { type: option.type }])),
      },
    });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values['help'] === true) {
    process.stdout.write(`${helpText(spec)}\n`);
    return null;
  }
  const raw = (name: string): string | undefined => {
    const value = parsed.values[name];
    if (typeof value === 'string') return value;
    return spec.options[name]?.default;
  };
  return {
    string(name) {
      const value = raw(name);
      if (value === undefined) throw new CliUsageError(`--${name} is required`);
      return value;
    },
    optionalString: raw,
    number(name) {
      const value = Number(raw(name));
      if (!Number.isFinite(value)) throw new CliUsageError(`--${name} must be a number`);
      return value;
    },
    flag(name) {
      return parsed.values[name] === true;
    },
  };
}

/** Runs a tool's main, mapping usage errors to exit code 2 and anything else to 1. */
export function runCli(spec: CliSpec, main: (values: CliValues) => Promise<void>): void {
  let values: CliValues | null;
  try {
    values = parseCli(spec, process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${helpText(spec)}\n`);
    process.exit(2);
  }
  if (values === null) return;
  main(values).catch((error: unknown) => {
    process.stderr.write(`${spec.command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(error instanceof CliUsageError ? 2 : 1);
  });
}
