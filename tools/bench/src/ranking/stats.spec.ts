import { percentile, replaceSection, summarise } from './stats';

describe('bench stats', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(summarise([3, 1, 2])).toEqual({ p50: 2, p99: 3 });
    expect(percentile([], 50)).toBeNaN();
  });

  it('replaces only its own section of a shared Markdown file', () => {
    const doc = '# Benchmarks\n\n## API\n\napi numbers\n\n## Ranking\n\nold\n\n## Other\n\nkept\n';
    const updated = replaceSection(doc, 'Ranking', 'new numbers');
    expect(updated).toBe('# Benchmarks\n\n## API\n\napi numbers\n\n## Ranking\n\nnew numbers\n\n## Other\n\nkept\n');
    expect(replaceSection('# Benchmarks\n', 'Ranking', 'first')).toBe('# Benchmarks\n\n## Ranking\n\nfirst\n');
  });

  it('with keepHistory, the earlier runs under ### headings stay below the new run', () => {
    const doc = '## Fan-out\n\nlatest run\n\n### Earlier: before the push path\n\nold run\n\n## Other\n\nkept\n';
    expect(replaceSection(doc, 'Fan-out', 'new run', { keepHistory: true })).toBe(
      '## Fan-out\n\nnew run\n\n### Earlier: before the push path\n\nold run\n\n## Other\n\nkept\n',
    );
    // Without it (the default) the whole section is the new body.
    expect(replaceSection(doc, 'Fan-out', 'new run')).toBe('## Fan-out\n\nnew run\n\n## Other\n\nkept\n');
  });
});
