import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { fan, meanInterval, pairedDifference, quantile } from '../../src/classroom/page/stats.ts';

/** A series of `months` with the caseload at the end set by `f(t)`. */
const series = (months: number, f: (t: number) => number) => {
  const s = new Float64Array(months * METRIC_COUNT);
  for (let t = 0; t < months; t++) s[t * METRIC_COUNT + M.caseloadEnd] = f(t);
  return s;
};

describe('page statistics', () => {
  it('quantiles interpolate between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10], 0.95)).toBe(10);
  });

  it('the mean has a 95% interval of Student\'s t standard errors (2.776 for five replicates, not 1.96)', () => {
    const m = meanInterval([1, 2, 3, 4, 5]);
    expect(m.mean).toBe(3);
    expect(m.hi - m.mean).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5));
  });

  it('the fan gives percentiles per month', () => {
    const runs = [0, 1, 2, 3, 4].map((r) => series(2, (t) => 100 + r + t));
    expect(fan(runs, M.caseloadEnd, 2)[1]).toMatchObject({ p50: 103, p05: 101.2, p95: 104.8, mean: 103 });
  });

  it('a paired difference that is the same in every replicate has no width; unpaired it would', () => {
    const a = [0, 1, 2, 3].map((r) => series(1, () => 100 + 10 * r));
    const b = a.map((s) => series(1, () => s[M.caseloadEnd] - 5));
    const [d] = pairedDifference(a, b, M.caseloadEnd, 1);
    expect(d.mean).toBe(-5);
    expect(d.hi - d.lo).toBe(0);
    expect(d.unpairedHalf).toBeGreaterThan(10);
  });
});
