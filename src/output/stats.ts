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

/** Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * The 97.5th percentile of Student's t with `df` degrees of freedom: the multiplier of a standard
 * error for a 95% interval of a mean of df + 1 values. A table up to 30, then the Cornish-Fisher
 * expansion around 1.96 (error below 1e-4). NaN for df < 1: one value gives no interval.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30 && Number.isInteger(df)) return T975[df - 1];
  const z = 1.959963984540054;
  const z3 = z ** 3, z5 = z ** 5, z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

export interface Summary {
  n: number;
  mean: number;
  sd: number;
  /** Standard error of the mean. */
  se: number;
  /** 95% confidence interval of the mean (Student's t with n - 1 degrees of freedom); NaN for one value. */
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
  // one value says nothing about the spread: no sd, no interval ("n/a"), never a zero-width one
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  const se = sd / Math.sqrt(n);
  const half = tQuantile975(n - 1) * se;
  const sorted = Float64Array.from(values).sort();
  return {
    n, mean, sd, se,
    ci95: [mean - half, mean + half],
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
