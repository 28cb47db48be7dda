import { checkFileDescriptors, fileDescriptorLimits, parseCpuList } from './process-tools';

describe('parseCpuList', () => {
  it('reads taskset affinity lists with single cores and ranges', () => {
    expect(parseCpuList('0,1')).toEqual([0, 1]);
    expect(parseCpuList(' 0-3,6 ')).toEqual([0, 1, 2, 3, 6]);
    expect(parseCpuList('2')).toEqual([2]);
  });

  it('skips what is not a core number', () => {
    expect(parseCpuList('')).toEqual([]);
    expect(parseCpuList('x,1')).toEqual([1]);
  });
});

describe('checkFileDescriptors', () => {
  it('passes within the soft limit without raising it', () => {
    const { soft } = fileDescriptorLimits();
    expect(checkFileDescriptors(Math.min(soft, 64))).toMatchObject({ ok: true, raiseTo: null });
  });

  it('explains how to raise the limit when the hard limit is too low', () => {
    const { hard } = fileDescriptorLimits();
    if (!Number.isFinite(hard)) return;
    const verdict = checkFileDescriptors(hard + 1);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain(`ulimit -n ${hard + 1}`);
  });
});
