/** Nearest-rank percentile of samples (milliseconds or any unit). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

/** p50 and p99 of samples. */
export function summarise(samples: readonly number[]): { p50: number; p99: number } {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

/**
 * Replaces (or appends) one `## Title` section of a Markdown file, leaving every other section
 * untouched: docs/benchmarks.md is shared with the API's end-to-end benchmark. With
 * `keepHistory`, the old section's `### ` subsections (earlier runs kept for comparison) stay
 * after the new body; only the text above the first of them is replaced.
 */
export function replaceSection(markdown: string, title: string, body: string, { keepHistory = false }: { keepHistory?: boolean } = {}): string {
  const heading = `## ${title}`;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  const section = [heading, '', ...body.trimEnd().split('\n'), ''];
  if (start < 0) {
    const base = markdown.trimEnd();
    return `${base}${base ? '\n\n' : ''}${section.join('\n')}`;
  }
  let end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  if (end < 0) end = lines.length;
  const firstSubsection = lines.findIndex((line, index) => index > start && index < end && /^### /.test(line));
  const history = keepHistory && firstSubsection >= 0 ? [...lines.slice(firstSubsection, end), ''] : [];
  return [...lines.slice(0, start), ...section, ...history, ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
