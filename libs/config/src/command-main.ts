/**
 * A mistake in how a command was called (an unknown option, a value the option does not allow, a
 * missing required option): {@link runCommand} prints its message as one line, without a stack,
 * and exits with code 2, the Unix convention for bad usage.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The one line to print for a usage mistake: a {@link UsageError}'s message, or node:util
 * `parseArgs` refusing the command line (an unknown option, an option without its value) with
 * "(see --help)" added; null for any other failure.
 */
export function usageMessage(error: unknown): string | null {
  if (error instanceof UsageError) return error.message;
  // Duck-typed: node's own errors need not be instances of this realm's Error (under Jest they are not).
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_') && typeof message === 'string') return `${message} (see --help)`;
  return null;
}

/** How {@link runCommand} reports a failure that is not a usage mistake. */
export interface CommandFailureReport {
  /**
   * `stack` for developers' tools (benchmarks, the ranking pipeline); `message` for operators'
   * commands, whose failures are explained in words (a database that cannot be reached).
   */
  readonly detail: 'stack' | 'message';
}

/**
 * Runs a command's `main` and exits on failure: a usage mistake ({@link usageMessage}) prints
 * `<name>: <message>` to stderr and exits 2; any other failure exits 1 after printing
 * `<name> failed: <stack>` (detail `stack`) or `<name>: <message>` (detail `message`). A failure that is not an Error (libraries reject with anything, even
 * `undefined`) is described in words.
 * @param name the command as people type it, e.g. `staff` or `bench:fanout`
 */
export function runCommand(name: string, main: () => Promise<void>, report: CommandFailureReport): void {
  main().catch((error: unknown) => {
    const usage = usageMessage(error);
    if (usage !== null) {
      process.stderr.write(`${name}: ${usage}\n`);
      process.exit(2);
    }
    process.stderr.write(report.detail === 'stack' ? `${name} failed: ${describeFailure(error, 'stack')}\n` : `${name}: ${describeFailure(error)}\n`);
    process.exit(1);
  });
}

/** A failure in words: an Error's stack or message, or what was thrown when it is no Error. */
function describeFailure(error: unknown, detail: 'stack' | 'message' = 'message'): string {
  if (error instanceof Error) return (detail === 'stack' ? error.stack : undefined) ?? (error.message || error.name);
  if (error === undefined || error === null) return 'failed without a reason (please report this)';
  return typeof error === 'string' ? error : JSON.stringify(error);
}
