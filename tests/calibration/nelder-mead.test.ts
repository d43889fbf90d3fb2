import { describe, expect, it } from 'vitest';
import { nelderMead, toBounded, toUnbounded } from '../../src/calibration/nelder-mead.ts';

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic in 3 dimensions (within 1e-3)', async () => {
    const f = async (x: number[]) => (x[0] - 1) ** 2 + 2 * (x[1] + 2) ** 2 + 0.5 * (x[2] - 0.3) ** 2;
    const r = await nelderMead(f, [0, 0, 0], { step: 0.5, maxEvaluations: 2000, tolerance: 1e-12 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(-2, 3);
    expect(r.x[2]).toBeCloseTo(0.3, 3);
  });

  it('follows the Rosenbrock valley to (1, 1) (within 1e-2)', async () => {
    const f = async ([a, b]: number[]) => 100 * (b - a * a) ** 2 + (1 - a) ** 2;
    const r = await nelderMead(f, [-1.2, 1], { step: 0.5, maxEvaluations: 5000, tolerance: 1e-14 });
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-2);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-2);
  });

  it('stops at the evaluation budget and reports it did not converge', async () => {
    let calls = 0;
    const f = async ([a, b]: number[]) => { calls++; return 100 * (b - a * a) ** 2 + (1 - a) ** 2; };
    const r = await nelderMead(f, [-1.2, 1], { step: 0.5, maxEvaluations: 20, tolerance: 1e-14 });
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBe(calls);
    expect(calls).toBeLessThanOrEqual(20 + 2); // a shrink step may finish its simplex
  });

  it('is deterministic: the same start gives the same path', async () => {
    const f = async ([a, b]: number[]) => Math.abs(a - 0.2) + (b + 1) ** 2;
    const one = await nelderMead(f, [3, 3], { step: 1, maxEvaluations: 200, tolerance: 1e-9 });
    const two = await nelderMead(f, [3, 3], { step: 1, maxEvaluations: 200, tolerance: 1e-9 });
    expect(two).toEqual(one);
  });
});

describe('bounds transform', () => {
  it('maps R into [min, max] and back', () => {
    for (const z of [-30, -2, 0, 0.7, 5]) {
      const x = toBounded(z, 2, 5);
      expect(x).toBeGreaterThanOrEqual(2);
      expect(x).toBeLessThanOrEqual(5);
    }
    for (const x of [2.5, 3, 4.9]) expect(toBounded(toUnbounded(x, 2, 5), 2, 5)).toBeCloseTo(x, 9);
  });
});
