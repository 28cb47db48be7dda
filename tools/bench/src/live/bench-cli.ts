import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { runCommand, UsageError } from '@roundtable/config';

import { REPO_ROOT } from './process-tools';

/**
 * The options every live-room benchmark takes (node:util `parseArgs` configuration): `--no-pin`,
 * `--label`, `--write-docs` and `--help`. Each benchmark spreads them into its own.
 */
export const COMMON_BENCH_OPTIONS = {
  'no-pin': { type: 'boolean', default: false },
  label: { type: 'string', default: '' },
  'write-docs': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** A mistake in how a benchmark was called: one line that points to `--help`, no stack, exit code 2 (see `runCommand`). */
export { UsageError, usageMessage } from '@roundtable/config';

export interface IntegerBounds {
  /** Smallest value accepted (default 1). */
  readonly min?: number;
  /** Largest value accepted (default Number.MAX_SAFE_INTEGER). */
  readonly max?: number;
}

/**
 * The value of `--name` as an integer within `bounds`.
 * @throws UsageError naming the flag, the accepted range and what was given.
 */
export function integerOption(name: string, raw: string | undefined, bounds: IntegerBounds = {}): number {
  const min = bounds.min ?? 1;
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  const value = Number(raw?.trim());
  if (raw === undefined || raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    throw new UsageError(`--${name} must be ${range}; got ${JSON.stringify(raw ?? '')} (see --help)`);
  }
  return value;
}

/** The value of `--name` as a comma-separated list of integers within `bounds` (at least one). */
export function integerListOption(name: string, raw: string, bounds: IntegerBounds = {}): number[] {
  return raw.split(',').map((part) => integerOption(name, part, bounds));
}

/**
 * Checks that the build outputs a benchmark runs (paths relative to the repository) exist.
 * @throws UsageError naming the first missing one and the command that builds it.
 */
export function requireBuilt(entries: readonly string[]): void {
  for (const entry of entries) {
    if (!existsSync(join(REPO_ROOT, entry))) throw new UsageError(`${entry} is missing: run \`node tools/scripts/build.mjs\` first (the npm script does)`);
  }
}

/**
 * Runs a benchmark's `main`: a usage mistake is printed as one line and exits 2; any other failure
 * prints its stack and exits 1.
 */
export function runBench(main: () => Promise<void>): void {
  runCommand('bench', main, { detail: 'stack' });
}

/** `--transport` of the benches that send mutations: `socket` (over graphql-ws, as the web client does once its socket is live) or `http`. */
export function transportOption(value: string | undefined): 'socket' | 'http' {
  if (value === 'socket' || value === 'http') return value;
  throw new UsageError(`--transport must be socket or http, not ${JSON.stringify(value)}`);
}
