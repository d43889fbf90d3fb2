/**
 * Latin hypercube stratification, ranges and seeding; the Saltelli design's structure; Sobol
 * indices against the analytic values of the Ishigami function and of a linear additive function.
 */
import { describe, expect, it } from 'vitest';
import {
  latinHypercube, saltelliDesign, sobolIndices, splitSaltelli, type ContinuousFactor, type Design,
} from '../../src/experiment/sampling.ts';

const FACTORS: ContinuousFactor[] = [
  { name: 'elasticity', min: -2, max: 3 },
  { name: 'rate', min: 0.001, max: 10, log: true },
  { name: 'share', min: 0, max: 1 },
];

/** Stratum (0..n-1) of a value within a factor's range, in log space for log factors. */
function stratum(x: number, f: ContinuousFactor, n: number): number {
  const t = f.log ? (Math.log(x) - Math.log(f.min)) / (Math.log(f.max) - Math.log(f.min)) : (x - f.min) / (f.max - f.min);
  return Math.floor(t * n);
}

describe('latinHypercube', () => {
  const n = 50;
  const design = latinHypercube(n, FACTORS, 11);

  it('puts exactly one point in each of the n strata of every dimension, within [min, max]', () => {
    expect(design).toHaveLength(n);
    FACTORS.forEach((f, j) => {
      const values = design.map((p) => p[j]);
      for (const x of values) {
        expect(x).toBeGreaterThanOrEqual(f.min);
        expect(x).toBeLessThanOrEqual(f.max);
      }
      expect(values.map((x) => stratum(x, f, n)).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    });
  });

  it('spreads a log factor evenly over orders of magnitude', () => {
    const below1 = design.filter((p) => p[1] < 1).length; // 1 is 3/4 of the way from 1e-3 to 10 in log space
    expect(below1).toBeGreaterThanOrEqual(37);
    expect(below1).toBeLessThanOrEqual(38);
  });

  it('is reproducible with the seed and different with another', () => {
    expect(latinHypercube(n, FACTORS, 11)).toEqual(design);
    expect(latinHypercube(n, FACTORS, 12)).not.toEqual(design);
  });

  it('rejects bad ranges', () => {
    expect(() => latinHypercube(5, [{ name: 'x', min: 1, max: 1 }], 1)).toThrow(/min < max/);
    expect(() => latinHypercube(5, [{ name: 'x', min: 0, max: 1, log: true }], 1)).toThrow(/min > 0/);
  });
});

describe('saltelliDesign', () => {
  it('builds A, B and A_B^(i) with n·(d+2) runs that splitSaltelli takes apart again', () => {
    const n = 8, d = FACTORS.length;
    const s = saltelliDesign(n, FACTORS, 3);
    expect(s.runs).toHaveLength(n * (d + 2));
    for (let i = 0; i < d; i++) {
      for (let r = 0; r < n; r++) {
        for (let j = 0; j < d; j++) expect(s.AB[i][r][j]).toBe(j === i ? s.B[r][j] : s.A[r][j]);
      }
    }
    const index = s.runs.map((_, k) => k);
    const { yA, yB, yAB } = splitSaltelli(index, n, d);
    expect(Array.from(yA)).toEqual(index.slice(0, n));
    expect(Array.from(yB)).toEqual(index.slice(n, 2 * n));
    expect(yAB.map((y) => y[0])).toEqual([2 * n, 3 * n, 4 * n]);
    expect(s.runs[3 * n + 5]).toEqual(s.AB[1][5]);
    expect(saltelliDesign(n, FACTORS, 3)).toEqual(s);
  });
});

/** Evaluates f on every run of a Saltelli design and returns the indices. */
function indicesOf(design: Design, n: number, d: number, f: (x: number[]) => number, seed: number) {
  const { yA, yB, yAB } = splitSaltelli(design.map(f), n, d);
  return sobolIndices(yA, yB, yAB, { seed });
}

describe('sobolIndices', () => {
  // Tolerances are about 2.5 standard errors: over 30 design seeds the largest error of any index
  // was 0.045 (first order) and 0.035 (total) for Ishigami at n = 4096, 0.040 and 0.042 for the
  // linear function at n = 2048.
  it('recovers the Ishigami indices (a = 7, b = 0.1) within 0.05 at n = 4096', () => {
    const a = 7, b = 0.1, pi = Math.PI;
    const V1 = 0.5 * (1 + (b * pi ** 4) / 5) ** 2;
    const V2 = a ** 2 / 8;
    const V13 = (b ** 2 * pi ** 8 * 8) / 225;
    const V = V1 + V2 + V13;
    const S = [V1 / V, V2 / V, 0]; // 0.314, 0.442, 0
    const ST = [(V1 + V13) / V, V2 / V, V13 / V]; // 0.558, 0.442, 0.244
    expect(S[0]).toBeCloseTo(0.314, 3);
    expect(ST[2]).toBeCloseTo(0.244, 3);

    const n = 4096;
    const range = { min: -pi, max: pi };
    const s = saltelliDesign(n, [{ name: 'x1', ...range }, { name: 'x2', ...range }, { name: 'x3', ...range }], 2024);
    const r = indicesOf(s.runs, n, 3, ([x1, x2, x3]) => Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1), 5);
    expect(r.variance).toBeCloseTo(V, 0);
    r.indices.forEach((idx, i) => {
      expect(Math.abs(idx.first - S[i])).toBeLessThan(0.05);
      expect(Math.abs(idx.total - ST[i])).toBeLessThan(0.05);
      // the 95% intervals cover the analytic values and are reasonably narrow
      expect(idx.firstCi95[0]).toBeLessThan(S[i]);
      expect(idx.firstCi95[1]).toBeGreaterThan(S[i]);
      expect(idx.totalCi95[0]).toBeLessThan(ST[i]);
      expect(idx.totalCi95[1]).toBeGreaterThan(ST[i]);
      expect(idx.firstCi95[1] - idx.firstCi95[0]).toBeLessThan(0.1);
      expect(idx.totalCi95[1] - idx.totalCi95[0]).toBeLessThan(0.12);
    });
  });

  it('gives first = total = c_i² / Σ c_j² for a linear additive function, within 0.05 at n = 2048', () => {
    const c = [1, 2, 3, 0.5];
    const sumSq = c.reduce((s, x) => s + x * x, 0);
    const n = 2048;
    const s = saltelliDesign(n, c.map((_, i) => ({ name: `x${i}`, min: 0, max: 1 })), 9);
    const r = indicesOf(s.runs, n, c.length, (x) => x.reduce((acc, xi, i) => acc + c[i] * xi, 0), 1);
    r.indices.forEach((idx, i) => {
      expect(Math.abs(idx.first - c[i] ** 2 / sumSq)).toBeLessThan(0.05);
      expect(Math.abs(idx.total - c[i] ** 2 / sumSq)).toBeLessThan(0.05);
    });
  });

  it('is reproducible with the bootstrap seed', () => {
    const yA = [1, 2, 3, 4, 5], yB = [2, 1, 4, 3, 6], yAB = [[1, 1, 3, 5, 6]];
    expect(sobolIndices(yA, yB, yAB, { seed: 4, bootstrap: 50 })).toEqual(sobolIndices(yA, yB, yAB, { seed: 4, bootstrap: 50 }));
    expect(sobolIndices(yA, yB, yAB, { seed: 4, bootstrap: 50 }).indices[0].firstCi95)
      .not.toEqual(sobolIndices(yA, yB, yAB, { seed: 5, bootstrap: 50 }).indices[0].firstCi95);
  });
});
