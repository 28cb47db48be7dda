import { Presets, SingleBar } from 'cli-progress';

/** A progress bar on stderr (stdout stays clean for summaries); silent when stderr is not a TTY. */
export function progressBar(label: string, total: number): SingleBar {
  const bar = new SingleBar(
    {
      format: `${label.padEnd(22)} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left {detail}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { detail: '' });
  return bar;
}

/** Prints a step line on stderr, for steps too quick to deserve a bar. */
export function step(message: string): void {
  process.stderr.write(`• ${message}\n`);
}
