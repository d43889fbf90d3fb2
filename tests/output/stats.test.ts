/** quantileSorted (R type 7), summarise and fmt on small vectors worked out by hand. */
import { describe, expect, it } from 'vitest';
import { fmt, quantileSorted, summarise, tQuantile975 } from '../../src/output/stats.ts';

describe('quantileSorted matches R quantile(type = 7)', () => {
  // R: quantile(c(1, 2, 3, 4), c(0, .25, .5, .9, 1)) -> 1.00 1.75 2.50 3.70 4.00
  it('1, 2, 3, 4', () => {
    const x = [1, 2, 3, 4];
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted(x, 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted(x, 1)).toBe(4);
  });

  // R: quantile(c(10, 20, 40, 80, 160), c(.05, .5, .95)) -> 12 40 144
  it('10, 20, 40, 80, 160 (uneven gaps)', () => {
    const x = Float64Array.of(10, 20, 40, 80, 160);
    expect(quantileSorted(x, 0.05)).toBeCloseTo(12, 12);
    expect(quantileSorted(x, 0.5)).toBe(40);
    expect(quantileSorted(x, 0.95)).toBeCloseTo(144, 12);
    // R: quantile(..., .3) -> h = 1.2: 20 + 0.2 * 20 = 24
    expect(quantileSorted(x, 0.3)).toBeCloseTo(24, 12);
  });

  // R: quantile(c(-3, 0, 5), c(.025, .975)) -> -2.85 4.75
  it('negative values, 2.5% and 97.5%', () => {
    const x = [-3, 0, 5];
    expect(quantileSorted(x, 0.025)).toBeCloseTo(-2.85, 12);
    expect(quantileSorted(x, 0.975)).toBeCloseTo(4.75, 12);
  });

  it('one value, ties, and no values', () => {
    expect(quantileSorted([7], 0.05)).toBe(7);
    expect(quantileSorted([7], 0.95)).toBe(7);
    expect(quantileSorted([2, 2, 2, 9], 0.5)).toBe(2);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('summarise', () => {
  // x = 2 4 4 4 5 5 7 9: mean 5, sum of squares 32, sd = sqrt(32 / 7)
  const x = [9, 4, 2, 5, 4, 7, 4, 5]; // unsorted on purpose
  const s = summarise(x);
  const sd = Math.sqrt(32 / 7);
  const se = sd / Math.sqrt(8);

  it("mean, sd (n - 1), se and the 95% CI of the mean with Student's t (7 df: 2.365)", () => {
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(sd, 12);
    expect(s.se).toBeCloseTo(se, 12);
    expect(s.ci95[0]).toBeCloseTo(5 - 2.365 * se, 12);
    expect(s.ci95[1]).toBeCloseTo(5 + 2.365 * se, 12);
  });

  it('percentiles of the sorted values (type 7), without sorting the input', () => {
    // sorted 2 4 4 4 5 5 7 9; h(.5) = 3.5 -> 4.5; h(.05) = .35 -> 2.7; h(.95) = 6.65 -> 8.3
    expect(s.p50).toBeCloseTo(4.5, 12);
    expect(s.p05).toBeCloseTo(2.7, 12);
    expect(s.p95).toBeCloseTo(8.3, 12);
    // h(.025) = .175 -> 2.35; h(.975) = 6.825 -> 8.65
    expect(s.range95[0]).toBeCloseTo(2.35, 12);
    expect(s.range95[1]).toBeCloseTo(8.65, 12);
    expect(x).toEqual([9, 4, 2, 5, 4, 7, 4, 5]);
  });

  it('one value: no sd, no se and no interval (NaN, written as n/a), never a zero-width CI', () => {
    const one = summarise(Float64Array.of(3.5));
    expect(one).toMatchObject({ n: 1, mean: 3.5, p05: 3.5, p50: 3.5, p95: 3.5 });
    expect(one.sd).toBeNaN();
    expect(one.se).toBeNaN();
    expect(one.ci95[0]).toBeNaN();
    expect(one.ci95[1]).toBeNaN();
    expect(one.range95).toEqual([3.5, 3.5]);
  });

  it('sorts numerically, not as text', () => {
    const t = summarise([100, 9, 20]);
    expect(t.p50).toBe(20);
    expect(t.range95[0]).toBeCloseTo(9 + 0.05 * 11, 12);
  });
});

describe('fmt', () => {
  it('integers as they are, fractions with 10 significant digits, no float noise', () => {
    expect(fmt(2000)).toBe('2000');
    expect(fmt(-7)).toBe('-7');
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(1 / 3)).toBe('0.3333333333');
    expect(fmt(2369500.125)).toBe('2369500.125');
    expect(fmt(14000 / 12)).toBe('1166.666667');
  });

  it('non-finite values as NA / Inf / -Inf', () => {
    expect(fmt(NaN)).toBe('NA');
    expect(fmt(Infinity)).toBe('Inf');
    expect(fmt(-Infinity)).toBe('-Inf');
  });
});

describe('tQuantile975', () => {
  it('matches published t tables and tends to 1.96', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(4)).toBeCloseTo(2.776, 3);
    expect(tQuantile975(30)).toBeCloseTo(2.042, 3);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 3);
    expect(tQuantile975(1e9)).toBeCloseTo(1.96, 3);
    expect(tQuantile975(0)).toBeNaN();
  });
});
