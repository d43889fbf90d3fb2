/**
 * Designs for continuous factors (behavioural parameters, policy intensities) and the Sobol
 * sensitivity indices computed from them.
 *
 * - **Latin hypercube**: n points on [0,1)^d with exactly one point in each of the n equal strata
 *   of every dimension, then scaled to each factor's [min, max] (linearly, or in log space).
 * - **Saltelli design**: base matrices A and B (n × d) and, for each factor i, A_B^(i) = A with
 *   column i taken from B; n·(d+2) runs in all. The base is a **Latin hypercube in 2d dimensions**
 *   (A its first d columns, B the last d), not a scrambled Sobol sequence: every row is still a
 *   uniform draw on [0,1)^2d, so the estimators stay unbiased, and the stratification lowers
 *   their variance against plain uniform sampling.
 * - **Sobol indices**: first order by the Saltelli (2010) estimator,
 *   S_i = mean((f(B) − m)·(f(A_B^i) − f(A))) / V, and total order by the Jansen (1999) estimator,
 *   ST_i = mean((f(A) − f(A_B^i))²) / 2V, where m and V are the mean and variance of the 2n
 *   outputs of A and B together. Centring f(B) on m leaves the expectation unchanged (as
 *   E[f(A_B^i) − f(A)] = 0) but removes the noise an output offset adds: at n = 2048 it cut the
 *   interval of a linear function's largest index from ±0.14 to ±0.04. 95% intervals by
 *   bootstrap over the n base rows (percentiles, type 7; m and V re-estimated in each draw).
 *
 * A design is an array of points (one per run), each point an array of d factor values.
 * Every random draw comes from `openStream([purpose, seed])`.
 */
import { quantileSorted } from '../output/stats.ts';
import { openStream, type Uniform } from '../random/streams.ts';

/** A continuous factor and the range it is sampled over. */
export interface ContinuousFactor {
  name: string;
  min: number;
  max: number;
  /** Sample uniformly in log space (for rates and scales spanning orders of magnitude); needs min > 0. */
  log?: boolean;
}

/** Points (runs), each an array of d values. */
export type Design = number[][];

/** A Latin hypercube of n points on [0,1)^d drawn from `u`. */
export function latinHypercubeUnit(n: number, d: number, u: Uniform): Design {
  if (!Number.isInteger(n) || n < 1) throw new Error(`latinHypercube: n must be a positive integer, found ${n}`);
  const points: Design = Array.from({ length: n }, () => new Array<number>(d));
  const perm = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(u() * (i + 1));
      const t = perm[i]; perm[i] = perm[k]; perm[k] = t;
    }
    for (let i = 0; i < n; i++) points[i][j] = (perm[i] + u()) / n;
  }
  return points;
}

/** A Latin hypercube of n points scaled to `factors`, from the stream ('lhs', seed). */
export function latinHypercube(n: number, factors: readonly ContinuousFactor[], seed: string | number): Design {
  checkFactors(factors);
  return scaleToFactors(latinHypercubeUnit(n, factors.length, openStream(['lhs', seed])), factors);
}

/** Maps points on [0,1)^d to the factors' ranges (log-uniform where `log` is set). */
export function scaleToFactors(unit: Design, factors: readonly ContinuousFactor[]): Design {
  return unit.map((p) => p.map((x, j) => {
    const { min, max, log } = factors[j];
    return log ? Math.exp(Math.log(min) + x * (Math.log(max) - Math.log(min))) : min + x * (max - min);
  }));
}

/** The runs of a Saltelli design. */
export interface SaltelliDesign {
  n: number;
  d: number;
  A: Design;
  B: Design;
  /** AB[i] = A with column i taken from B. */
  AB: Design[];
  /** All n·(d+2) runs in the order A, B, AB[0], …, AB[d−1]; `splitSaltelli` undoes it. */
  runs: Design;
}

/** A Saltelli design with n base rows over `factors`, from the stream ('saltelli', seed). */
export function saltelliDesign(n: number, factors: readonly ContinuousFactor[], seed: string | number): SaltelliDesign {
  checkFactors(factors);
  const d = factors.length;
  const base = scaleToFactors(
    latinHypercubeUnit(n, 2 * d, openStream(['saltelli', seed])),
    [...factors, ...factors],
  );
  const A = base.map((p) => p.slice(0, d));
  const B = base.map((p) => p.slice(d));
  const AB = factors.map((_, i) => A.map((a, row) => a.map((x, j) => (j === i ? B[row][i] : x))));
  return { n, d, A, B, AB, runs: [...A, ...B, ...AB.flat()] };
}

/** Splits outputs in the order of `SaltelliDesign.runs` into f(A), f(B) and f(A_B^i). */
export function splitSaltelli(y: ArrayLike<number>, n: number, d: number): { yA: Float64Array; yB: Float64Array; yAB: Float64Array[] } {
  if (y.length !== n * (d + 2)) throw new Error(`splitSaltelli: expected n·(d+2) = ${n * (d + 2)} outputs, found ${y.length}`);
  const block = (b: number) => Float64Array.from({ length: n }, (_, i) => y[b * n + i]);
  return { yA: block(0), yB: block(1), yAB: Array.from({ length: d }, (_, i) => block(2 + i)) };
}

/** First- and total-order index of one factor with bootstrap 95% intervals. */
export interface SobolIndex {
  first: number;
  firstCi95: [number, number];
  total: number;
  totalCi95: [number, number];
}

export interface SobolResult {
  n: number;
  /** Variance of the outputs of A and B together. */
  variance: number;
  /** One per factor, in design order. */
  indices: SobolIndex[];
  bootstrap: number;
  seed: string | number;
}

export interface SobolOptions {
  /** Bootstrap draws over the n base rows; 0 skips the intervals. Default 1000. */
  bootstrap?: number;
  /** Seed of the bootstrap stream ('sobol', seed). Default 0. */
  seed?: string | number;
}

/** Sobol first-order (Saltelli 2010) and total-order (Jansen 1999) indices from a Saltelli design's outputs. */
export function sobolIndices(yA: ArrayLike<number>, yB: ArrayLike<number>, yAB: readonly ArrayLike<number>[], options: SobolOptions = {}): SobolResult {
  const { bootstrap = 1000, seed = 0 } = options;
  const n = yA.length;
  const d = yAB.length;
  if (n < 2 || yB.length !== n || yAB.some((y) => y.length !== n)) {
    throw new Error(`sobolIndices: yA, yB and every yAB[i] need the same length ≥ 2 (yA ${n}, yB ${yB.length}, yAB ${yAB.map((y) => y.length).join(', ')})`);
  }
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const point = estimate(yA, yB, yAB, identity);
  if (!(point.variance > 0)) throw new Error('sobolIndices: the outputs do not vary; the indices are undefined');

  const first = Array.from({ length: d }, () => new Float64Array(bootstrap));
  const total = Array.from({ length: d }, () => new Float64Array(bootstrap));
  const u = openStream(['sobol', seed]);
  const idx = new Int32Array(n);
  for (let b = 0; b < bootstrap; b++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(u() * n);
    const e = estimate(yA, yB, yAB, idx);
    for (let i = 0; i < d; i++) { first[i][b] = e.first[i]; total[i][b] = e.total[i]; }
  }
  const ci = (draws: Float64Array, value: number): [number, number] => (bootstrap > 0 ? percentile95(draws) : [value, value]);
  return {
    n,
    variance: point.variance,
    indices: point.first.map((s, i) => ({ first: s, firstCi95: ci(first[i], s), total: point.total[i], totalCi95: ci(total[i], point.total[i]) })),
    bootstrap,
    seed,
  };
}

// ---------------------------------------------------------------------------------------------

/** The estimators over the base rows `idx` (the identity, or a bootstrap resample). */
function estimate(yA: ArrayLike<number>, yB: ArrayLike<number>, yAB: readonly ArrayLike<number>[], idx: Int32Array) {
  const n = idx.length;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += yA[idx[k]] + yB[idx[k]];
  mean /= 2 * n;
  let variance = 0;
  for (let k = 0; k < n; k++) variance += (yA[idx[k]] - mean) ** 2 + (yB[idx[k]] - mean) ** 2;
  variance /= 2 * n;
  const first: number[] = [];
  const total: number[] = [];
  for (const y of yAB) {
    let s = 0, t = 0;
    for (let k = 0; k < n; k++) {
      const a = yA[idx[k]], ab = y[idx[k]];
      s += (yB[idx[k]] - mean) * (ab - a);
      t += (a - ab) ** 2;
    }
    first.push(s / n / variance);
    total.push(t / (2 * n) / variance);
  }
  return { variance, first, total };
}

function checkFactors(factors: readonly ContinuousFactor[]): void {
  if (factors.length === 0) throw new Error('sampling: at least one factor is needed');
  for (const { name, min, max, log } of factors) {
    if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) throw new Error(`sampling: factor '${name}' needs finite min < max, found [${min}, ${max}]`);
    if (log && !(min > 0)) throw new Error(`sampling: factor '${name}' is log-scaled and needs min > 0, found ${min}`);
  }
}

/** 2.5th and 97.5th percentiles (type 7) of the finite draws. */
function percentile95(draws: Float64Array): [number, number] {
  const sorted = draws.filter(Number.isFinite).sort();
  return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
}
