/**
 * Variance decomposition against known answers: an outcome driven by B alone, a pure (XOR)
 * interaction, common randomness split out as a replicate block, sums of squares of a small design
 * worked out independently, and the verdict sentence read back from the result object.
 */
import { describe, expect, it } from 'vitest';
import { decompose, percent, verdict, type Decomposition, type Term } from '../../src/experiment/decompose.ts';
import { normal, openStream } from '../../src/random/streams.ts';

/** y[cell][r] for an a × b design: mean(i, j) + sd · N(0,1) (+ a replicate effect shared by all cells). */
function factorial(a: number, b: number, R: number, mean: (i: number, j: number) => number, sd: number, seed: string, sharedSd = 0): Float64Array[] {
  const u = openStream(['test-decompose', seed]);
  const shared = Float64Array.from({ length: R }, () => sharedSd * normal(u));
  const y: Float64Array[] = [];
  for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) y.push(Float64Array.from({ length: R }, (_, r) => mean(i, j) + shared[r] + sd * normal(u)));
  return y;
}

const term = (d: Decomposition, key: string): Term => {
  const t = d.terms.find((x) => x.key === key);
  if (!t) throw new Error(`no term ${key}`);
  return t;
};
const shareSum = (d: Decomposition) => d.terms.reduce((s, t) => s + t.share, 0);

describe('decompose, two factors', () => {
  // B's levels have means 0, 1, 2, 3: between-level variance 1.25; noise variance 1.
  // Theoretical share of B = 1.25 / (1.25 + 1) = 0.556; A and A×B have none.
  const muB = [0, 1, 2, 3];
  const y = factorial(3, 4, 60, (_, j) => muB[j], 1, 'only-b');
  const d = decompose(y, [{ name: 'policy', levels: 3 }, { name: 'economy', levels: 4 }], { seed: 7 });

  it('gives A no share and B its theoretical share when the outcome depends on B alone', () => {
    expect(term(d, 'policy').share).toBeLessThan(0.01);
    expect(term(d, 'economy').share).toBeCloseTo(1.25 / 2.25, 1); // |error| < 0.05
    expect(term(d, 'policy×economy').share).toBeLessThan(0.02);
    expect(term(d, 'chance').share).toBeCloseTo(1 / 2.25, 1);
  });

  it('gives A a narrow bootstrap interval near 0 and B an interval around its share', () => {
    const [lo, hi] = term(d, 'policy').ci95;
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(0.02);
    const b = term(d, 'economy');
    expect(b.ci95[0]).toBeLessThan(b.share);
    expect(b.ci95[1]).toBeGreaterThan(b.share);
    expect(b.ci95[0]).toBeLessThan(1.25 / 2.25);
    expect(b.ci95[1]).toBeGreaterThan(1.25 / 2.25);
  });

  it('has shares that sum to 1 and the degrees of freedom of the classic two-way ANOVA', () => {
    expect(shareSum(d)).toBeCloseTo(1, 12);
    expect(d.terms.map((t) => [t.key, t.df])).toEqual([['policy', 2], ['economy', 3], ['policy×economy', 6], ['chance', 12 * 59]]);
    expect(d.chance).toBe('within-cells');
  });

  it('gives the interaction the whole non-chance share for an XOR outcome', () => {
    // ±1 by XOR of the levels, noise sd 0.5: interaction 1 / 1.25 = 0.8, chance 0.2.
    const xor = factorial(2, 2, 100, (i, j) => ((i ^ j) === 1 ? 1 : -1), 0.5, 'xor');
    const x = decompose(xor, [{ name: 'A', levels: 2 }, { name: 'B', levels: 2 }], { bootstrap: 200 });
    const chance = term(x, 'chance').share;
    expect(term(x, 'A').share + term(x, 'B').share).toBeLessThan(0.01);
    expect(term(x, 'A×B').share).toBeCloseTo(1 - chance, 2);
    expect(term(x, 'A×B').share).toBeCloseTo(0.8, 1);
    expect(shareSum(x)).toBeCloseTo(1, 12);
  });

  it('matches sums of squares worked out by hand on a 2 × 2 design with 2 replicates', () => {
    // cells (0,0): 1, 3; (0,1): 5, 7; (1,0): 2, 2; (1,1): 10, 14. Grand mean 5.5.
    // cell means 2, 6, 2, 12; A means 4, 7; B means 2, 9.
    // SS_A = 4·(1.5² + 1.5²) = 18; SS_B = 4·(3.5² + 3.5²) = 98;
    // SS_cells = 2·(3.5² + 0.5² + 3.5² + 6.5²) = 134 → SS_AB = 18; SS_within = 2 + 2 + 0 + 8 = 12.
    const h = decompose([[1, 3], [5, 7], [2, 2], [10, 14]], [{ name: 'A', levels: 2 }, { name: 'B', levels: 2 }], { bootstrap: 0 });
    expect(h.terms.map((t) => t.ss)).toEqual([18, 98, 18, 12]);
    expect(h.totalSS).toBe(146);
    expect(term(h, 'chance').ci95).toEqual([12 / 146, 12 / 146]);
  });

  it('splits common randomness out of chance as a replicate block when asked', () => {
    // Replicate effect sd 1 shared by every cell, own noise sd 1, economy as above: the block
    // takes ≈ 1 / (1.25 + 1 + 1) = 0.31 and chance ≈ 0.31.
    const crn = factorial(3, 4, 60, (_, j) => muB[j], 1, 'crn', 1);
    const factors = [{ name: 'policy', levels: 3 }, { name: 'economy', levels: 4 }];
    const plain = decompose(crn, factors, { bootstrap: 100 });
    const blocked = decompose(crn, factors, { blockReplicates: true, bootstrap: 100 });
    expect(blocked.chance).toBe('within-cells-minus-replicate-block');
    expect(term(blocked, 'replicate').share + term(blocked, 'chance').share).toBeCloseTo(term(plain, 'chance').share, 12);
    expect(term(blocked, 'replicate').share).toBeCloseTo(1 / 3.25, 1);
    expect(term(blocked, 'chance').share).toBeCloseTo(1 / 3.25, 1);
    expect(term(blocked, 'replicate').df + term(blocked, 'chance').df).toBe(term(plain, 'chance').df);
    expect(shareSum(blocked)).toBeCloseTo(1, 12);
  });

  it('is reproducible with the seed and differs with another', () => {
    const again = decompose(y, [{ name: 'policy', levels: 3 }, { name: 'economy', levels: 4 }], { seed: 7 });
    const other = decompose(y, [{ name: 'policy', levels: 3 }, { name: 'economy', levels: 4 }], { seed: 8 });
    expect(again).toEqual(d);
    expect(other.terms.map((t) => t.share)).toEqual(d.terms.map((t) => t.share));
    expect(other.terms.map((t) => t.ci95)).not.toEqual(d.terms.map((t) => t.ci95));
  });

  it('renders a verdict whose numbers are those of the result', () => {
    const text = verdict(d, { outcome: 'caseload change', factors: { economy: 'the economy' } });
    const [pol, eco, int, cha] = ['policy', 'economy', 'policy×economy', 'chance'].map((k) => term(d, k));
    const ci = (t: Term) => `${percent(t.ci95[0])}-${percent(t.ci95[1])}%`;
    expect(text).toBe(
      `In this experiment, the economy explains ${percent(eco.share)}% (95% CI ${ci(eco)}) of the variation in caseload change, ` +
      `policy ${percent(pol.share)}% (${ci(pol)}), interaction ${percent(int.share)}% (${ci(int)}), chance ${percent(cha.share)}% (${ci(cha)}).`,
    );
    expect(percent(eco.share)).toBe(String(Math.round(eco.share * 100)));
  });
});

describe('decompose, one and three factors', () => {
  it('handles a single factor: main effect and chance', () => {
    const y = factorial(1, 5, 40, (_, j) => j, 1, 'one'); // level variance 2, noise 1 → 2/3
    const d = decompose(y, [{ name: 'policy', levels: 5 }], { bootstrap: 200 });
    expect(d.terms.map((t) => t.key)).toEqual(['policy', 'chance']);
    expect(term(d, 'policy').share).toBeCloseTo(2 / 3, 1);
    expect(shareSum(d)).toBeCloseTo(1, 12);
    expect(verdict(d, { outcome: 'exits' })).toMatch(/^In this experiment, policy explains \d+% \(95% CI \d+-\d+%\) of the variation in exits, chance \d+% \(\d+-\d+%\)\.$/);
  });

  it('gives main effects, two-way interactions and a higher-order term for three factors', () => {
    // y = A + 2B + C + 2·(A xor B) + 3·(A xor B xor C), no noise except a tiny jitter.
    const u = openStream(['test-decompose', 'three']);
    const y: number[][] = [];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) for (let k = 0; k < 2; k++) {
      const s = (x: number) => (x ? 1 : -1);
      const m = s(i) + 2 * s(j) + s(k) + 2 * s(i ^ j) + 3 * s(i ^ j ^ k);
      y.push(Array.from({ length: 10 }, () => m + 0.001 * normal(u)));
    }
    const d = decompose(y, [{ name: 'A', levels: 2 }, { name: 'B', levels: 2 }, { name: 'C', levels: 2 }], { bootstrap: 100 });
    expect(d.terms.map((t) => t.key)).toEqual(['A', 'B', 'C', 'A×B', 'A×C', 'B×C', 'higher-order', 'chance']);
    expect(d.terms.map((t) => t.df)).toEqual([1, 1, 1, 1, 1, 1, 1, 80 - 8]);
    // Orthogonal ±1 contrasts: SS of each is N · coefficient², shares 1:4:1:4:0:0:9 over 19.
    const expected = [1, 4, 1, 4, 0, 0, 9].map((c) => c / 19);
    d.terms.slice(0, 7).forEach((t, n) => expect(t.share).toBeCloseTo(expected[n], 3));
    expect(shareSum(d)).toBeCloseTo(1, 12);
    expect(verdict(d, { outcome: 'y' })).toContain('the A-B interaction');
  });

  it('rejects designs that do not fit', () => {
    expect(() => decompose([[1, 2], [3, 4]], [{ name: 'A', levels: 3 }])).toThrow(/expected 3 cells/);
    expect(() => decompose([[1, 2], [3]], [{ name: 'A', levels: 2 }])).toThrow(/balanced/);
    expect(() => decompose([[1], [3]], [{ name: 'A', levels: 2 }])).toThrow(/at least 2 replicates/);
    expect(() => decompose([[1, 1], [1, 1]], [{ name: 'A', levels: 2 }])).toThrow(/does not vary/);
    expect(() => decompose([[1, 2], [3, 4]], [{ name: 'A', levels: 0 }])).toThrow(/positive integer/);
  });

  it('accepts a factor held at one level: its terms are 0 with 0 degrees of freedom', () => {
    const d = decompose([[1, 3], [5, 8]], [{ name: 'town', levels: 1 }, { name: 'A', levels: 2 }], { bootstrap: 50 });
    expect(term(d, 'town')).toMatchObject({ ss: 0, df: 0, share: 0 });
    expect(term(d, 'town×A')).toMatchObject({ ss: 0, df: 0, share: 0 });
    expect(shareSum(d)).toBeCloseTo(1, 12);
  });
});
