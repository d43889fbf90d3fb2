/**
 * Aggregator against a direct computation on synthetic series; headline figures from a series
 * built by hand; paired contrasts of identical and shifted scenarios.
 */
import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT, METRICS } from '../../src/engine/metrics.ts';
import { Aggregator } from '../../src/output/aggregate.ts';
import { HEADLINES, headlinesOf } from '../../src/output/headline.ts';

const MONTHS = 4;
const RUNS = 7;
const SCENARIOS = ['as-is', 'other'];

/** A synthetic value, exactly representable in float32 (multiples of 0.25, below 2^20). */
const value = (s: number, r: number, t: number, m: number) => (((r * 37 + t * 11 + m * 5 + s * 3) * 7919) % 1009) * 0.25 - 50;

function seriesOf(s: number, r: number, shift = 0): Float64Array {
  const out = new Float64Array(MONTHS * METRIC_COUNT);
  for (let t = 0; t < MONTHS; t++) for (let m = 0; m < METRIC_COUNT; m++) out[t * METRIC_COUNT + m] = value(s, r, t, m) + shift;
  return out;
}

/** R's type-7 quantile, written out independently of src. */
function type7(values: number[], q: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * q;
  const lo = Math.floor(h);
  return x[lo] + (h - lo) * ((x[Math.min(lo + 1, x.length - 1)]) - x[lo]);
}

function direct(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, sd, p05: type7(values, 0.05), p50: type7(values, 0.5), p95: type7(values, 0.95) };
}

describe('Aggregator.seriesRows', () => {
  const agg = new Aggregator(SCENARIOS, RUNS, MONTHS);
  for (let r = 0; r < RUNS; r++) for (let s = 0; s < SCENARIOS.length; s++) agg.add(s, r, seriesOf(s, r));
  const rows = [...agg.seriesRows()];

  it('one row per scenario x month x metric, in that order', () => {
    expect(rows).toHaveLength(SCENARIOS.length * MONTHS * METRIC_COUNT);
    let k = 0;
    for (const scenario of SCENARIOS) {
      for (let t = 0; t < MONTHS; t++) {
        for (const metric of METRICS) {
          expect([rows[k].scenario, rows[k].month, rows[k].metric]).toEqual([scenario, t, metric]);
          k++;
        }
      }
    }
  });

  it('means, sds and percentiles equal a direct computation over the replicates', () => {
    for (const row of rows) {
      const s = SCENARIOS.indexOf(row.scenario);
      const m = METRICS.indexOf(row.metric as (typeof METRICS)[number]);
      const values = Array.from({ length: RUNS }, (_, r) => value(s, r, row.month, m));
      const d = direct(values);
      expect(row.mean).toBeCloseTo(d.mean, 10);
      expect(row.sd).toBeCloseTo(d.sd, 10);
      expect(row.p05).toBeCloseTo(d.p05, 10);
      expect(row.p50).toBeCloseTo(d.p50, 10);
      expect(row.p95).toBeCloseTo(d.p95, 10);
      expect(row.p05).toBeLessThanOrEqual(row.p50);
      expect(row.p50).toBeLessThanOrEqual(row.p95);
    }
    // the synthetic values do vary, so this is not comparing zeros
    expect(rows.some((r) => r.sd > 10)).toBe(true);
  });

  it('does not depend on the order replicates are added in', () => {
    const other = new Aggregator(SCENARIOS, RUNS, MONTHS);
    for (let r = RUNS - 1; r >= 0; r--) for (let s = SCENARIOS.length - 1; s >= 0; s--) other.add(s, r, seriesOf(s, r));
    expect([...other.seriesRows()]).toEqual(rows);
  });

  it('one replicate: no sd (NaN, written NA) and all percentiles equal the value', () => {
    const one = new Aggregator(['as-is'], 1, 1);
    const series = new Float64Array(METRIC_COUNT).map((_, m) => m * 1.5);
    one.add(0, 0, series);
    for (const row of one.seriesRows()) {
      const v = METRICS.indexOf(row.metric as (typeof METRICS)[number]) * 1.5;
      expect(row).toMatchObject({ mean: v, p05: v, p50: v, p95: v });
      expect(row.sd).toBeNaN();
    }
  });
});

describe('headlinesOf', () => {
  it('computes every headline from a series built by hand', () => {
    const months = 3;
    const s = new Float64Array(months * METRIC_COUNT);
    const set = (t: number, m: number, v: number) => (s[t * METRIC_COUNT + m] = v);
    set(0, M.caseload, 1000);
    set(2, M.caseloadEnd, 900);
    [10, 20, 30].forEach((v, t) => set(t, M.exitsWork, v));
    [1, 2, 3].forEach((v, t) => set(t, M.exitsSchool, v));
    [4, 5, 6].forEach((v, t) => set(t, M.exitsNonInfluenceable, v));
    [7, 8, 9].forEach((v, t) => set(t, M.admitted, v));
    [2, 0, 1].forEach((v, t) => set(t, M.deterred, v));
    [0, 1, 1].forEach((v, t) => set(t, M.reentries, v));
    set(2, M.share45Plus, 0.25);
    set(2, M.share5YearsPlus, 0.5);
    [1e6, 2e6, 3e6].forEach((v, t) => set(t, M.benefitCost, v));
    [5e5, 0, 5e5].forEach((v, t) => set(t, M.programmeCost, v));
    const h = headlinesOf(s, months);
    const byKey = Object.fromEntries(HEADLINES.map((x, k) => [x.key, h[k]]));
    expect(byKey).toEqual({
      caseloadStart: 1000,
      caseloadEnd: 900,
      caseloadChange: -100,
      caseloadChangePct: -10,
      exitsWork: 60,
      exitsSchool: 6,
      exitsNonInfluenceable: 15,
      exitsTotal: 81,
      admitted: 24,
      deterred: 3,
      reentries: 2,
      share45PlusEnd: 25,
      share5YearsPlusEnd: 50,
      benefitCost: 6,
      programmeCost: 1,
      totalCost: 7,
    });
  });
});

describe('Aggregator: headline summaries and contrasts', () => {
  const exitsWork = HEADLINES.findIndex((h) => h.key === 'exitsWork');

  it('headline summaries are the mean over replicates of each replicate headline', () => {
    const agg = new Aggregator(['as-is'], RUNS, MONTHS);
    for (let r = 0; r < RUNS; r++) agg.add(0, r, seriesOf(0, r));
    const per = Array.from({ length: RUNS }, (_, r) => headlinesOf(seriesOf(0, r), MONTHS)[exitsWork]);
    const d = direct(per);
    const summary = agg.headlineSummaries()['as-is'].exitsWork;
    expect(summary.n).toBe(RUNS);
    expect(summary.mean).toBeCloseTo(d.mean, 10);
    expect(summary.sd).toBeCloseTo(d.sd, 10);
    expect(Array.from(agg.headline(0, exitsWork))).toEqual(per);
  });

  it('the contrast of two identical scenarios is exactly 0 with se 0', () => {
    const agg = new Aggregator(['as-is', 'copy'], RUNS, MONTHS);
    for (let r = 0; r < RUNS; r++) {
      agg.add(0, r, seriesOf(0, r));
      agg.add(1, r, seriesOf(0, r));
    }
    for (let h = 0; h < HEADLINES.length; h++) {
      const c = agg.contrast(0, 1, h);
      expect(c.mean).toBe(0);
      expect(c.sd).toBe(0);
      expect(c.se).toBe(0);
      expect(c.ci95).toEqual([0, 0]);
    }
    // the unpaired standard error is not 0: the replicates themselves vary
    const c = agg.contrast(0, 1, exitsWork);
    const sd = agg.headlineSummaries()['as-is'].exitsWork.sd;
    expect(sd).toBeGreaterThan(0);
    expect(c.independentSe).toBeCloseTo(Math.sqrt((2 * sd ** 2) / RUNS), 10);
  });

  it('a constant shift per replicate gives that difference with se 0, and the sign is b - a', () => {
    const agg = new Aggregator(['as-is', 'shifted'], RUNS, MONTHS);
    for (let r = 0; r < RUNS; r++) {
      agg.add(0, r, seriesOf(0, r));
      agg.add(1, r, seriesOf(0, r, 2)); // every metric of every month + 2
    }
    const c = agg.contrast(0, 1, exitsWork);
    expect(c.mean).toBe(2 * MONTHS); // exits to work summed over the months
    expect(c.se).toBe(0);
    expect(agg.contrast(1, 0, exitsWork).mean).toBe(-2 * MONTHS);
  });

  it('independent scenarios: paired se from the differences, independent se from both sds', () => {
    const agg = new Aggregator(['as-is', 'other'], RUNS, MONTHS);
    for (let r = 0; r < RUNS; r++) for (let s = 0; s < 2; s++) agg.add(s, r, seriesOf(s, r));
    const a = Array.from(agg.headline(0, exitsWork));
    const b = Array.from(agg.headline(1, exitsWork));
    const d = direct(b.map((v, r) => v - a[r]));
    const c = agg.contrast(0, 1, exitsWork);
    expect(c.mean).toBeCloseTo(d.mean, 10);
    expect(c.se).toBeCloseTo(d.sd / Math.sqrt(RUNS), 10);
    expect(c.independentSe).toBeCloseTo(Math.sqrt((direct(a).sd ** 2 + direct(b).sd ** 2) / RUNS), 10);
  });
});
