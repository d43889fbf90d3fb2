import { describe, expect, it } from 'vitest';
import {
  abcMessages, abcSmc, effectiveSampleSize, posteriorSummary, resampleEnsemble, weightedQuantile,
  type AbcOptions, type Prior,
} from '../../src/calibration/abc.ts';
import { luck } from '../../src/random/luck.ts';
import { openStream, probit } from '../../src/random/streams.ts';

/**
 * The toy simulator: y_1..y_n ~ Normal(theta, sigma) with sigma known. The sample mean is
 * sufficient and is Normal(theta, sigma^2 / n), so one draw of it stands for the whole data set;
 * the exact posterior under a uniform prior is Normal(ybar, sigma^2 / n) truncated to the prior.
 */
const SIGMA = 1;
const N_OBS = 25;
const S = SIGMA / Math.sqrt(N_OBS); // posterior sd, 0.2
const THETA: Prior = { name: 'theta', lower: -10, upper: 10, scale: 'linear', source: 'toy' };

/** One simulated sample mean from (theta, simulator seed): a counter-based draw, cheap and pure. */
const simulatedMean = (theta: number, seed: number) => theta + S * probit(luck(seed, 0, 0, 1));

function toyOptions(ybar: number, seed: number, particles: number): AbcOptions {
  return {
    priors: [THETA], particles, generations: 20, quantile: 0.3, seed,
    // the ABC posterior is the exact one convolved with Uniform(-eps, eps): variance + eps^2 / 3, sd + 0.7%
    targetEpsilon: 0.2 * S,
    distance: async (thetas, seeds) => thetas.map(([theta], i) => Math.abs(simulatedMean(theta, seeds[i]) - ybar)),
  };
}

describe('abcSmc on a toy simulator with a known posterior', () => {
  it('gives central 90% intervals that cover the true theta in 85-95% of 400 trials (theta drawn from the prior)', async () => {
    // Theta from the prior, so the exact posterior's 90% interval covers it in exactly 90% of trials
    // even near the prior's edges. 400 trials: binomial sd of the rate 1.5 points, the band is +-3.3 sd.
    const trials = 400;
    const truth = openStream(['abc-test', 'coverage']);
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const theta = THETA.lower + truth() * (THETA.upper - THETA.lower);
      const ybar = theta + S * probit(truth());
      // 400 particles: with fewer, the Monte Carlo noise in the interval's ends costs ~1 point of coverage
      const [p] = posteriorSummary(await abcSmc(toyOptions(ybar, 1000 + t, 400)));
      if (p.p05 <= theta && theta <= p.p95) covered++;
    }
    const rate = covered / trials;
    console.log(`abc coverage: 90% intervals covered the true theta in ${(100 * rate).toFixed(1)}% of ${trials} trials`);
    expect(rate).toBeGreaterThanOrEqual(0.85);
    expect(rate).toBeLessThanOrEqual(0.95);
  });

  it('matches the exact posterior Normal(ybar, sigma^2/n) in one trial (mean within 0.1 sd, sd within 8%, 5/95% within 0.2 sd)', async () => {
    const ybar = 1.234; // far from the prior's edges: no truncation
    const result = await abcSmc(toyOptions(ybar, 42, 1000));
    const [p] = posteriorSummary(result);
    expect(result.stop).toBe('targetEpsilon');
    expect(Math.abs(p.mean - ybar)).toBeLessThan(0.1 * S);
    expect(Math.abs(p.sd / S - 1)).toBeLessThan(0.08);
    expect(Math.abs(p.p05 - (ybar - 1.6449 * S))).toBeLessThan(0.2 * S);
    expect(Math.abs(p.p95 - (ybar + 1.6449 * S))).toBeLessThan(0.2 * S);
  });
});

describe('abcSmc with a parameter the distance does not identify', () => {
  // The summary depends on `effect` only; `share` (log-uniform on [0.01, 1], like a deterrence
  // share confounded with other behaviour) is passed to the simulator but changes nothing.
  const priors: Prior[] = [
    { name: 'effect', lower: 0, upper: 10, scale: 'linear', source: 'toy' },
    { name: 'share', lower: 0.01, upper: 1, scale: 'log', source: 'toy [choice]' },
  ];
  const run = () => abcSmc({
    priors, particles: 500, generations: 12, seed: 7, targetEpsilon: 0.1 * S,
    distance: async (thetas, seeds) => thetas.map(([effect], i) => Math.abs(simulatedMean(effect, seeds[i]) - 3)),
  });

  it('concentrates the identified parameter and leaves the other near its prior', async () => {
    const result = await run();
    const [effect, share] = posteriorSummary(result);
    expect(Math.abs(effect.mean - 3)).toBeLessThan(0.25 * S); // Monte Carlo sd of the mean ~0.06 S
    expect(effect.sd).toBeLessThan(1.1 * S); // prior sd 2.9
    // log-uniform prior: the exact posterior's 5-95% range spans 90% of the log range; ask 80%
    const span = Math.log(share.p95 / share.p05) / Math.log(priors[1].upper / priors[1].lower);
    expect(span).toBeGreaterThan(0.8);
    // and half the weight (within 0.1) on each side of the geometric midpoint 0.1
    const below = result.particles.reduce((s, p, i) => s + (p[1] < 0.1 ? result.weights[i] : 0), 0);
    expect(Math.abs(below - 0.5)).toBeLessThan(0.1);
  });
});

describe('abcSmc mechanics', () => {
  const priors: Prior[] = [
    { name: 'a', lower: 0, upper: 1, scale: 'linear', source: 'toy' },
    { name: 'b', lower: 0.1, upper: 10, scale: 'log', source: 'toy' },
  ];
  const seen: number[][] = [];
  const base = (o: Partial<AbcOptions> = {}): AbcOptions => ({
    priors, particles: 100, generations: 5, seed: 3,
    distance: async (thetas, seeds) => {
      seen.push(...thetas);
      return thetas.map(([a, b], i) => Math.abs(a * b - 1.5 + 0.1 * probit(luck(seeds[i], 0, 0, 2))));
    },
    ...o,
  });

  it('is deterministic: the same options and seed give the same result; another seed another', async () => {
    const first = await abcSmc(base());
    expect(await abcSmc(base())).toEqual(first);
    expect((await abcSmc(base({ seed: 4 }))).particles).not.toEqual(first.particles);
  });

  it('does not depend on batch sizes: only the surplus evaluations differ', async () => {
    const small = await abcSmc(base({ minBatch: 1 }));
    const large = await abcSmc(base({ minBatch: 97 }));
    expect(large.particles).toEqual(small.particles);
    expect(large.weights).toEqual(small.weights);
    const withoutEvaluations = (r: typeof small) => r.generations.map(({ evaluations, ...rest }) => rest);
    expect(withoutEvaluations(large)).toEqual(withoutEvaluations(small));
    expect(large.evaluations).toBeGreaterThanOrEqual(small.evaluations);
  });

  it('hands the simulator only parameter sets inside the prior support, and seeds that are whole 32-bit numbers', async () => {
    seen.length = 0;
    let seedsOk = true;
    const o = base();
    const result = await abcSmc({ ...o, distance: (t, s, g) => { seedsOk &&= s.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32); return o.distance(t, s, g); } });
    expect(seen.length).toBe(result.evaluations);
    for (const theta of [...seen, ...result.particles]) {
      // strictly inside: a proposal outside is redrawn, not clamped to the bound
      theta.forEach((x, k) => { expect(x).toBeGreaterThan(priors[k].lower); expect(x).toBeLessThan(priors[k].upper); });
    }
    expect(seedsOk).toBe(true);
  });

  it('normalises the weights, keeps ESS in [1, N], tolerances falling, and distances within the last tolerance', async () => {
    const diagnostics: number[] = [];
    const result = await abcSmc(base({ onGeneration: (g) => diagnostics.push(g.generation) }));
    expect(diagnostics).toEqual([0, 1, 2, 3, 4]);
    expect(result.stop).toBe('generations');
    expect(result.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(result.weights.every((w) => w >= 0)).toBe(true);
    for (const g of result.generations) {
      expect(g.ess).toBeGreaterThanOrEqual(1);
      expect(g.ess).toBeLessThanOrEqual(100 + 1e-9);
      expect(g.accepted).toBe(100);
      expect(g.acceptanceRate).toBeCloseTo(100 / g.proposed, 12);
      expect(g.evaluations).toBeGreaterThanOrEqual(g.proposed);
    }
    expect(result.generations.at(-1)!.ess).toBeCloseTo(effectiveSampleSize(result.weights), 9);
    const eps = result.generations.map((g) => g.epsilon);
    for (let i = 1; i < eps.length; i++) expect(eps[i]).toBeLessThanOrEqual(eps[i - 1]);
    expect(Math.max(...result.distances)).toBeLessThanOrEqual(eps.at(-1)!);
  });

  it('stops at the budget with the last complete generation, and at the minimum acceptance rate', async () => {
    const budget = await abcSmc(base({ generations: 50, maxEvaluations: 1000 }));
    expect(budget.stop).toBe('budget');
    expect(budget.evaluations).toBeLessThanOrEqual(1000);
    expect(budget.evaluations).toBeGreaterThan(budget.generations.reduce((s, g) => s + g.evaluations, 0)); // the dropped generation's runs count
    expect(budget.particles).toHaveLength(100);
    const slow = await abcSmc(base({ generations: 50, minAcceptance: 0.2 }));
    expect(slow.stop).toBe('minAcceptance');
    expect(slow.generations.at(-1)!.acceptanceRate).toBeLessThan(0.2);
    expect(slow.generations.slice(0, -1).every((g) => g.acceptanceRate >= 0.2)).toBe(true);
  });

  it('never accepts a failed simulation (NaN or Infinity)', async () => {
    const result = await abcSmc(base({ distance: async (t) => t.map(([a]) => (a < 0.5 ? NaN : a > 0.9 ? Infinity : a)) }));
    expect(result.particles.every(([a]) => a >= 0.5 && a <= 0.9)).toBe(true);
  });

  it('checks its options with exact messages', async () => {
    await expect(abcSmc(base({ priors: [] }))).rejects.toThrow(abcMessages.noPriors);
    await expect(abcSmc(base({ priors: [{ ...priors[1], lower: 0 }] }))).rejects.toThrow(abcMessages.badPrior('b'));
    await expect(abcSmc(base({ particles: 1 }))).rejects.toThrow(abcMessages.badOption('particles', 'a whole number >= 2'));
    await expect(abcSmc(base({ quantile: 1 }))).rejects.toThrow(abcMessages.badOption('quantile', 'in (0, 1)'));
    await expect(abcSmc(base({ maxEvaluations: 50 }))).rejects.toThrow(abcMessages.budgetTooSmall(100));
    await expect(abcSmc(base({ distance: async () => [1] }))).rejects.toThrow(abcMessages.badDistances(100, 1));
  });
});

describe('helpers', () => {
  it('weightedQuantile interpolates between weight centres (type 5 for equal weights)', () => {
    expect(weightedQuantile([3, 1, 2, 4], [1, 1, 1, 1], 0.5)).toBeCloseTo(2.5, 12);
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.125)).toBeCloseTo(1, 12);
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0.25)).toBeCloseTo(1.5, 12);
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 0)).toBe(1);
    expect(weightedQuantile([1, 2, 3, 4], [1, 1, 1, 1], 1)).toBe(4);
    expect(weightedQuantile([1, 2, 3], [0, 1, 0], 0.9)).toBe(2); // zero weights drop out
    expect(weightedQuantile([1, 2], [3, 1], 0.5)).toBeCloseTo(1 + (0.5 - 0.375) / (0.875 - 0.375), 12);
  });

  it('effectiveSampleSize is N for equal weights and 1 for a single weight', () => {
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(4, 12);
    expect(effectiveSampleSize([0, 1, 0])).toBe(1);
    expect(effectiveSampleSize([2, 2])).toBeCloseTo(2, 12); // scale-free
  });

  it('resampleEnsemble is deterministic, returns k named sets, each particle floor or ceil of k w times', () => {
    const result = {
      priors: [
        { name: 'x', lower: 0, upper: 10, scale: 'linear', source: '' },
        { name: 'y', lower: 1, upper: 100, scale: 'log', source: '' },
      ] as Prior[],
      particles: [[1, 10], [2, 20], [3, 30], [4, 40]], weights: [0.5, 0.3, 0.15, 0.05], distances: [0, 0, 0, 0],
      generations: [], evaluations: 4, seed: 0, stop: 'generations' as const,
    };
    const k = 13;
    const first = resampleEnsemble(result, k, 11);
    expect(first).toHaveLength(k);
    expect(resampleEnsemble(result, k, 11)).toEqual(first);
    for (const [i, [x, y]] of result.particles.entries()) {
      const count = first.filter((e) => e.x === x && e.y === y).length;
      expect(count).toBeGreaterThanOrEqual(Math.floor(k * result.weights[i]));
      expect(count).toBeLessThanOrEqual(Math.ceil(k * result.weights[i]));
    }
    expect(Object.keys(first[0])).toEqual(['x', 'y']);
    expect(() => resampleEnsemble(result, 0, 1)).toThrow(abcMessages.badOption('k', 'a whole number >= 1'));
  });
});
