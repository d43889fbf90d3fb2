/**
 * Summaries of many replicates for the page: the fan (percentiles per month), the mean with its
 * 95% interval, and the paired difference of two settings run with the same seeds.
 */
import { METRIC_COUNT } from '../../engine/metrics.ts';
import { tQuantile975 } from '../../output/stats.ts';

/** The q-quantile of sorted values (linear between order statistics, as the run's percentiles). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

export interface MeanInterval {
  n: number;
  mean: number;
  sd: number;
  /** 95% interval of the mean (normal approximation). */
  lo: number;
  hi: number;
}

export function meanInterval(values: readonly number[]): MeanInterval {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
  const half = n > 1 ? (tQuantile975(n - 1) * sd) / Math.sqrt(n) : 0; // Student's t: a class runs few replicates
  return { n, mean, sd, lo: mean - half, hi: mean + half };
}

/** A metric's value in every replicate at month `t`. */
export function column(series: readonly Float64Array[], metric: number, t: number): number[] {
  return series.map((s) => s[t * METRIC_COUNT + metric]);
}

export interface FanRow {
  t: number;
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  mean: number;
}

/** Percentiles of a metric per month over replicates. */
export function fan(series: readonly Float64Array[], metric: number, months: number): FanRow[] {
  const rows: FanRow[] = [];
  for (let t = 0; t < months; t++) {
    const v = column(series, metric, t).sort((a, b) => a - b);
    rows.push({ t, p05: quantile(v, 0.05), p25: quantile(v, 0.25), p50: quantile(v, 0.5), p75: quantile(v, 0.75), p95: quantile(v, 0.95), mean: v.reduce((a, b) => a + b, 0) / v.length });
  }
  return rows;
}

export interface DifferenceRow extends MeanInterval {
  t: number;
  /** Half-width of the 95% interval had A and B been run with independent luck. */
  unpairedHalf: number;
}

/** B − A per month, replicate by replicate (both lists in replicate order, same seeds). */
export function pairedDifference(a: readonly Float64Array[], b: readonly Float64Array[], metric: number, months: number): DifferenceRow[] {
  const n = Math.min(a.length, b.length);
  const rows: DifferenceRow[] = [];
  for (let t = 0; t < months; t++) {
    const va = column(a.slice(0, n), metric, t);
    const vb = column(b.slice(0, n), metric, t);
    const d = meanInterval(vb.map((x, k) => x - va[k]));
    const sa = meanInterval(va).sd, sb = meanInterval(vb).sd;
    rows.push({ ...d, t, unpairedHalf: n > 1 ? tQuantile975(2 * n - 2) * Math.sqrt((sa * sa + sb * sb) / n) : 0 });
  }
  return rows;
}
