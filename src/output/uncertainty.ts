/**
 * What an interval carries when replicates are spread over an ensemble of parameter sets
 * (`models/ensemble.json`): replicate r runs with set r mod K, so each set has the same number of
 * replicates and every scenario of replicate r shares its set and its luck (common random numbers).
 *
 * The interval is where 95% of single runs fall across the ensemble: the 2.5th and 97.5th
 * percentiles of all replicates pooled (each set equally weighted, as the ensemble was resampled
 * to equal weights). Its width is split by the law of total variance, as in a one-way random
 * effects analysis of variance (Searle, Casella & McCulloch 1992, ch. 3):
 *
 *   chance      sigma2_within = the pooled variance of replicates within a set (df = R - K)
 *   parameters  sigma2_between = var(set means) - sigma2_within / n   (n replicates per set; >= 0)
 *
 * parameterShare = sigma2_between / (sigma2_between + sigma2_within); chanceShare the rest.
 */
import { quantileSorted, tQuantile975 } from './stats.ts';

export interface Uncertainty {
  /** Parameter sets the replicates were spread over, and replicates per set (the fewest). */
  sets: number;
  perSet: number;
  /** 2.5th-97.5th percentile of all replicates: chance and parameter uncertainty together. */
  interval95: [number, number];
  /** Shares of the variance of a single run: what we do not know about the parameters, and chance. */
  parameterShare: number;
  chanceShare: number;
  /** The mean's own Monte Carlo error (Student's t over the K set means): how well the runs pin the ensemble mean. */
  meanCi95: [number, number];
  /** Share of parameter sets whose mean has the same sign as the overall mean (1 when all agree). */
  sameSign: number;
}

/** Set k of replicate r. */
export const setOf = (replicate: number, sets: number) => replicate % sets;

export function uncertaintyOf(values: ArrayLike<number>, sets: number): Uncertainty {
  const R = values.length;
  const sums = new Float64Array(sets);
  const counts = new Float64Array(sets);
  let total = 0;
  for (let r = 0; r < R; r++) {
    sums[setOf(r, sets)] += values[r];
    counts[setOf(r, sets)]++;
    total += values[r];
  }
  const mean = total / R;
  const means = Float64Array.from(sums, (s, k) => s / counts[k]);
  let within = 0;
  for (let r = 0; r < R; r++) within += (values[r] - means[setOf(r, sets)]) ** 2;
  const dfWithin = R - sets;
  const sigma2Within = dfWithin > 0 ? within / dfWithin : NaN;
  let between = 0;
  for (let k = 0; k < sets; k++) between += (means[k] - mean) ** 2;
  const varMeans = sets > 1 ? between / (sets - 1) : NaN;
  const perSet = Math.min(...counts);
  const sigma2Between = Math.max(0, varMeans - (Number.isFinite(sigma2Within) ? sigma2Within : 0) / (R / sets));
  const totalVar = sigma2Between + (Number.isFinite(sigma2Within) ? sigma2Within : 0);
  const parameterShare = totalVar > 0 ? sigma2Between / totalVar : 0;
  const sorted = Float64Array.from(values).sort();
  const half = tQuantile975(sets - 1) * Math.sqrt(varMeans / sets);
  let same = 0;
  for (let k = 0; k < sets; k++) if (Math.sign(means[k]) === Math.sign(mean)) same++;
  return {
    sets, perSet,
    interval95: [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)],
    parameterShare,
    chanceShare: 1 - parameterShare,
    meanCi95: [mean - half, mean + half],
    sameSign: same / sets,
  };
}
