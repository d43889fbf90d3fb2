/**
 * The split of an interval over an ensemble into parameters and chance (src/output/uncertainty.ts):
 * exact on constructed data, and right on average on simulated random-effects data.
 */
import { describe, expect, it } from 'vitest';
import { normal, openStream } from '../../src/random/streams.ts';
import { setOf, uncertaintyOf } from '../../src/output/uncertainty.ts';

describe('uncertaintyOf', () => {
  it('is all parameters when runs within a set agree, all chance when the sets agree', () => {
    // 4 sets x 3 replicates, replicate r in set r mod 4
    const bySet = [10, 20, 30, 40];
    const onlySets = Float64Array.from({ length: 12 }, (_, r) => bySet[setOf(r, 4)]);
    const a = uncertaintyOf(onlySets, 4);
    expect(a.parameterShare).toBe(1);
    expect(a.chanceShare).toBe(0);
    expect(a.perSet).toBe(3);
    expect(a.sameSign).toBe(1);
    const noise = [-1, 0, 1];
    const onlyChance = Float64Array.from({ length: 12 }, (_, r) => 5 + noise[Math.floor(r / 4)]);
    const b = uncertaintyOf(onlyChance, 4);
    expect(b.parameterShare).toBe(0);
    expect(b.chanceShare).toBe(1);
  });

  it('counts the sets whose mean has the overall sign', () => {
    const means = [3, 2, -1, 4];
    const v = Float64Array.from({ length: 8 }, (_, r) => means[setOf(r, 4)]);
    expect(uncertaintyOf(v, 4).sameSign).toBe(0.75);
  });

  it('recovers the variance components of simulated data within 5 points (40 sets x 10 runs, 200 seeded trials averaged)', () => {
    // sigma_between = 2, sigma_within = 1: the parameter share is 4 / 5
    const u = openStream(['uncertainty-test', 7]);
    let sum = 0;
    const trials = 200;
    for (let t = 0; t < trials; t++) {
      const K = 40, n = 10;
      const means = Array.from({ length: K }, () => 2 * normal(u));
      const v = Float64Array.from({ length: K * n }, (_, r) => means[setOf(r, K)] + normal(u));
      sum += uncertaintyOf(v, K).parameterShare;
    }
    expect(Math.abs(sum / trials - 0.8)).toBeLessThan(0.05);
  });

  it('pools every replicate for the 95% interval', () => {
    const v = Float64Array.from({ length: 41 }, (_, r) => r);
    const x = uncertaintyOf(v, 1);
    expect(x.interval95).toEqual([1, 39]);
  });
});
