/** Small statistics helpers over typed arrays (deterministic: fixed summation order). */

/** Quantile by linear interpolation between order statistics (type 7, as R's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export interface Summary {
  n: number;
  mean: number;
  sd: number;
  /** Standard error of the mean. */
  se: number;
  /** 95% confidence interval of the mean (normal approximation). */
  ci95: [number, number];
  /** 2.5th and 97.5th percentiles across replicates: where 95% of outcomes fall. */
  range95: [number, number];
  p05: number;
  p50: number;
  p95: number;
}

export function summarise(values: ArrayLike<number>): Summary {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const se = sd / Math.sqrt(n);
  const sorted = Float64Array.from(values).sort();
  return {
    n, mean, sd, se,
    ci95: [mean - 1.96 * se, mean + 1.96 * se],
    range95: [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)],
    p05: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
  };
}

/** A number as text for files: 10 significant digits, no exponent noise for integers. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : x < 0 ? '-Inf' : 'NA';
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(10)));
}
