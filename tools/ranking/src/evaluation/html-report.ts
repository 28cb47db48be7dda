/**
 * A self-contained HTML report: inline SVG only (no scripts, fonts or CDNs), so it opens
 * offline from a file and can be committed next to the model.
 */

export interface ReportModelRow {
  readonly name: string;
  readonly kind: 'baseline' | 'model' | 'reference';
  readonly metrics: Readonly<Record<'ndcg@10' | 'recall@10' | 'mrr', number>>;
  readonly ci95: readonly [number, number];
}

export interface ReportInput {
  readonly title: string;
  readonly generatedAt: string;
  readonly dataset: Readonly<Record<string, string | number>>;
  readonly models: readonly ReportModelRow[];
  readonly target: { readonly ratio: number; readonly bestBaseline: string; readonly met: boolean };
  readonly histogram: { readonly edges: readonly number[]; readonly joined: readonly number[]; readonly notJoined: readonly number[] };
  readonly importance: ReadonlyArray<{ readonly group: string; readonly ndcgDrop: number }>;
  readonly notes: readonly string[];
}

const COLORS = ['#8da0cb', '#66c2a5', '#fc8d62', '#e78ac3', '#a6d854', '#ffd92f'];

export function renderHtmlReport(input: ReportInput): string {
  const rows = input.models
    .map(
      (model) =>
        `<tr><td>${esc(model.name)}</td><td>${model.kind}</td><td>${fmt(model.metrics['ndcg@10'])} <small>[${fmt(model.ci95[0])}, ${fmt(model.ci95[1])}]</small></td><td>${fmt(model.metrics['recall@10'])}</td><td>${fmt(model.metrics.mrr)}</td></tr>`,
    )
    .join('\n');
  const dataset = Object.entries(input.dataset)
    .map(([key, value]) => `<tr><th>${esc(key)}</th><td>${esc(String(value))}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:960px;color:#222;padding:0 1rem}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ddd;padding:4px 10px;text-align:left}
h2{margin-top:2rem}.met{color:#1a7f37}.missed{color:#b42318}small{color:#666}svg{background:#fafafa;border:1px solid #eee}
</style></head><body>
<h1>${esc(input.title)}</h1>
<p>Generated ${esc(input.generatedAt)}. Offline report: no scripts or external resources.</p>
<p class="${input.target.met ? 'met' : 'missed'}"><strong>Target NDCG@10 ≥ 1.2× best heuristic (${esc(input.target.bestBaseline)}): ${fmt(input.target.ratio, 3)}× — ${input.target.met ? 'met' : 'not met'}</strong></p>
<h2>Data</h2><table>${dataset}</table>
<h2>Metrics on the time-split holdout</h2>
<table><tr><th>Model</th><th>Kind</th><th>NDCG@10 [95% CI]</th><th>Recall@10</th><th>MRR</th></tr>
${rows}</table>
<h2>Metric by model</h2>
${metricBars(input.models)}
<h2>Score distribution (candidate model)</h2>
${histogramSvg(input.histogram)}
<h2>Feature-group importance (NDCG@10 lost when the group is neutralised)</h2>
${importanceSvg(input.importance)}
<h2>Notes</h2><ul>${input.notes.map((note) => `<li>${esc(note)}</li>`).join('')}</ul>
</body></html>
`;
}

function metricBars(models: readonly ReportModelRow[]): string {
  const metrics = ['ndcg@10', 'recall@10', 'mrr'] as const;
  const width = 900;
  const height = 300;
  const left = 50;
  const bottom = 40;
  const groupWidth = (width - left - 20) / metrics.length;
  const barWidth = Math.min(40, (groupWidth - 20) / models.length);
  const y = (value: number): number => height - bottom - value * (height - bottom - 20);
  const parts: string[] = [];
  for (let tick = 0; tick <= 10; tick += 2) {
    const value = tick / 10;
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(value)}" y2="${y(value)}" stroke="#e5e5e5"/><text x="${left - 8}" y="${y(value) + 4}" text-anchor="end" font-size="11">${value.toFixed(1)}</text>`);
  }
  metrics.forEach((metric, m) => {
    const x0 = left + m * groupWidth + 10;
    models.forEach((model, i) => {
      const value = model.metrics[metric];
      const x = x0 + i * barWidth;
      parts.push(
        `<rect x="${x}" y="${y(value)}" width="${barWidth - 4}" height="${y(0) - y(value)}" fill="${COLORS[i % COLORS.length] ?? '#888'}"><title>${esc(model.name)} ${metric} ${fmt(value)}</title></rect>`,
        `<text x="${x + (barWidth - 4) / 2}" y="${y(value) - 4}" text-anchor="middle" font-size="10">${fmt(value, 2)}</text>`,
      );
    });
    parts.push(`<text x="${x0 + (models.length * barWidth) / 2}" y="${height - bottom + 18}" text-anchor="middle" font-size="12">${metric}</text>`);
  });
  const legend = models
    .map((model, i) => `<tspan fill="${COLORS[i % COLORS.length] ?? '#888'}">■</tspan> ${esc(model.name)}`)
    .join('   ');
  parts.push(`<text x="${left}" y="${height - 6}" font-size="11">${legend}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="metric by model">${parts.join('')}</svg>`;
}

function histogramSvg(histogram: ReportInput['histogram']): string {
  const width = 900;
  const height = 260;
  const left = 50;
  const bottom = 36;
  const bins = histogram.joined.length;
  const share = (counts: readonly number[]): number[] => {
    const total = counts.reduce((sum, count) => sum + count, 0) || 1;
    return counts.map((count) => count / total);
  };
  const joined = share(histogram.joined);
  const notJoined = share(histogram.notJoined);
  const max = Math.max(...joined, ...notJoined, 1e-9);
  const binWidth = (width - left - 20) / bins;
  const y = (value: number): number => height - bottom - (value / max) * (height - bottom - 20);
  const parts: string[] = [];
  for (let b = 0; b < bins; b++) {
    const x = left + b * binWidth;
    parts.push(
      `<rect x="${x}" y="${y(notJoined[b] ?? 0)}" width="${binWidth / 2 - 1}" height="${y(0) - y(notJoined[b] ?? 0)}" fill="#8da0cb"/>`,
      `<rect x="${x + binWidth / 2}" y="${y(joined[b] ?? 0)}" width="${binWidth / 2 - 1}" height="${y(0) - y(joined[b] ?? 0)}" fill="#fc8d62"/>`,
    );
    if (b % 2 === 0) parts.push(`<text x="${x}" y="${height - bottom + 14}" font-size="10">${fmt(histogram.edges[b] ?? 0, 2)}</text>`);
  }
  parts.push(`<text x="${left}" y="${height - 6}" font-size="11"><tspan fill="#8da0cb">■</tspan> not joined (share of impressions)   <tspan fill="#fc8d62">■</tspan> joined</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="score distribution">${parts.join('')}</svg>`;
}

function importanceSvg(importance: ReportInput['importance']): string {
  const width = 900;
  const rowHeight = 24;
  const height = importance.length * rowHeight + 20;
  const left = 150;
  const max = Math.max(...importance.map((entry) => Math.abs(entry.ndcgDrop)), 1e-9);
  const scale = (width - left - 80) / max;
  const parts = importance.map((entry, i) => {
    const y = 10 + i * rowHeight;
    const w = Math.max(0, entry.ndcgDrop) * scale;
    return `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="12">${esc(entry.group)}</text><rect x="${left}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" fill="#66c2a5"/><text x="${left + w + 6}" y="${y + 15}" font-size="11">${entry.ndcgDrop.toFixed(4)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="feature importance">${parts.join('')}</svg>`;
}

function fmt(value: number, digits = 4): string {
  return value.toFixed(digits);
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
