import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { replaceSection } from '../ranking/stats';
import { loadAverageText, REPO_ROOT } from './process-tools';

/** "2026-11-30 07:12 UTC" */
export function runStamp(): string {
  return `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Short commit of the checkout being measured, with "+dirty" when it has local changes. */
export function commitLabel(): string {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
  return head ? `${head}${dirty ? '+dirty' : ''}` : 'unknown';
}

export function machineLine(loadAtStart: string): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; load average (1/5/15 min) ${loadAtStart} at the start, ${loadAverageText()} at the end — the machine is shared with other work, so absolute numbers are noisy; the same-run ratios are what to compare`;
}

/**
 * Rewrites the `## title` section of docs/benchmarks.md, leaving the other sections alone, and
 * keeping the section's `### ` subsections (earlier runs written down for comparison) below the new run.
 */
export function writeDocsSection(title: string, body: string): void {
  const path = join(REPO_ROOT, 'docs', 'benchmarks.md');
  let doc = '# Benchmarks\n';
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    // a new file
  }
  writeFileSync(path, replaceSection(doc, title, body, { keepHistory: true }));
  process.stdout.write(`updated the "${title}" section of ${path}\n`);
}

export function bytesText(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a';
  return Math.abs(bytes) >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}
