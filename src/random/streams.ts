/**
 * Random streams. Every draw in the simulation comes from one of two sources, both derived
 * from the run's master seed and never from a global generator:
 *
 * 1. **Sequential streams** (`openStream`): a seedrandom `xor4096` generator keyed by a path such
 *    as `(master seed, replicate, "population")`. Used where a whole batch of draws is made in a
 *    fixed order, e.g. synthesising the starting population or one month's applicants.
 * 2. **Per-person luck** (`luck` in `./luck.ts`): a counter-based hash of (replicate key, person
 *    key, month, purpose). A person meets the same luck in every scenario whatever happens to
 *    others, which is what makes common random numbers (CRN) precise.
 *
 * The scenario enters a key only when a scenario opts out of common random numbers.
 */
import seedrandom from 'seedrandom';

/** A uniform generator on [0, 1). */
export type Uniform = () => number;

/** Key parts that identify a stream; joined with '/'. */
export type StreamKey = readonly (string | number)[];

/** Opens a seeded sequential stream for the given key (xor4096: fast, long period, seedable). */
export function openStream(key: StreamKey): Uniform {
  return seedrandom.xor4096(key.join('/'));
}

/** Derives a 32-bit unsigned integer seed for a key, e.g. for the per-person luck hash. */
export function deriveSeed32(key: StreamKey): number {
  const rng = seedrandom.xor4096(key.join('/'));
  return rng.int32() >>> 0;
}

/** A standard normal draw by inversion of one uniform (probit): cheaper than Box-Muller. */
export function normal(u: Uniform): number {
  return probit(u());
}

/** `v[k] = probit(v[k])` for each k listed in `at`: uniforms to standard normals in place. */
export function toNormals(v: Float64Array, at: Int8Array): void {
  for (let k = 0; k < at.length; k++) v[at[k]] = probit(v[at[k]]);
}

/**
 * `v[k] = normalCdf(shift + scale v[k])` for each k listed in `at`: normals to correlated uniforms
 * in place. Both loops live beside the functions they call, and leave no number to box: the
 * synthesis of a person called them once per draw and boxed every result.
 */
export function toDisadvantages(v: Float64Array, at: Int8Array, shift: number, scale: number): void {
  for (let k = 0; k < at.length; k++) v[at[k]] = normalCdf(shift + scale * v[at[k]]);
}

/** Poisson draw by inversion from one uniform (monotone in u, so nearby means stay coupled). */
export function poissonFromUniform(mean: number, u: number): number {
  if (mean <= 0) return 0;
  if (mean > 500) {
    // normal approximation with continuity correction; inversion via the probit
    const k = Math.round(mean + Math.sqrt(mean) * probit(u));
    return k < 0 ? 0 : k;
  }
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (u > cdf && k < 10_000) {
    k += 1;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation; absolute error about 1e-7 in tests). */
export function probit(p: number): number {
  const q0 = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
  if (q0 < PROBIT_LOW) return probitTail(q0);
  if (q0 > 1 - PROBIT_LOW) return -probitTail(1 - q0);
  const q = q0 - 0.5;
  const r = q * q;
  return ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r + 138.357751867269) * r - 30.66479806614716) * r + 2.506628277459239) * q) /
    (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r + 66.80131188771972) * r - 13.28068155211539) * r + 1);
}

const PROBIT_LOW = 0.02425;

/** Acklam's lower-tail branch, for p < PROBIT_LOW. */
function probitTail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return (((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) /
    ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}
