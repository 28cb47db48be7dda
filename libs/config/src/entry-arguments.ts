/** What an entry point does with its command-line arguments (see `entryArguments`). */
export type EntryArguments = { readonly kind: 'run' } | { readonly kind: 'help'; readonly text: string } | { readonly kind: 'usage-error'; readonly text: string };

/**
 * What an entry point configured by the environment only (`npm start`, `start:api`,
 * `start:recommender`, `schema:print`) does with its command-line arguments:
 * - `{ kind: 'run' }` with none;
 * - `{ kind: 'help', text }` for `--help` or `-h`: print `text` and exit 0, doing nothing else
 *   (no server started, no file written);
 * - `{ kind: 'usage-error', text }` for anything else: print `text` (it names the argument and
 *   ends with the help) and exit 2, doing nothing else.
 *
 * @param argv the arguments after the script (`process.argv.slice(2)`)
 * @param help the entry point's help: what it does, and where its settings come from
 */
export function entryArguments(argv: readonly string[], help: string): EntryArguments {
  const text = help.endsWith('\n') ? help : `${help}\n`;
  if (argv.length === 0) return { kind: 'run' };
  if (argv.some((argument) => argument === '--help' || argument === '-h')) return { kind: 'help', text };
  return {
    kind: 'usage-error',
    text: `Unknown argument${argv.length === 1 ? '' : 's'}: ${argv.join(' ')}. This command takes no arguments: its settings come from the environment.\n\n${text}`,
  };
}

/**
 * `entryArguments` applied to this process: returns when the entry point should run; otherwise
 * writes the help (to stdout, exit 0) or the usage error (to stderr, exit 2) and exits.
 */
export function handleEntryArguments(help: string, argv: readonly string[] = process.argv.slice(2)): void {
  const outcome = entryArguments(argv, help);
  if (outcome.kind === 'run') return;
  if (outcome.kind === 'help') {
    process.stdout.write(outcome.text);
    process.exit(0);
  }
  process.stderr.write(outcome.text);
  process.exit(2);
}
