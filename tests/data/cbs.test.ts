import { describe, expect, it } from 'vitest';
import { aowAgeMonths, cbs, cbsRows, interpolate, stockAtStart, tightnessPoints, townYear, unemploymentPoints } from '../../src/data/cbs.ts';

describe('data/cbs: the one door for observed data', () => {
  it('reads every tidy table, each row validated (a number, a source)', () => {
    const rows = cbsRows();
    expect(rows.length).toBeGreaterThan(1_000);
    for (const r of rows) {
      expect(Number.isFinite(r.value)).toBe(true);
      expect(r.source_id.length).toBeGreaterThan(0);
    }
  });

  it('finds a figure by geo, period and measure with its source, and names what is missing', () => {
    const f = cbs('Rotterdam', '2015', 'outflow_to_work_u_aow');
    expect(f).toMatchObject({ value: 4790, sourceId: 'cbs_83450NED' });
    expect(() => cbs('Rotterdam', '2015', 'no_such_measure')).toThrow(/no row\(s\) for geo 'Rotterdam', period '2015', measure 'no_such_measure'/);
  });

  it("a town's year: persons under AOW age, end-of-year stock and the year's flows", () => {
    const y = townYear('Amsterdam', 2016);
    expect([y.stock.value, y.inflow.value, y.outflow.value, y.outflowToWork.value]).toEqual([42220, 10670, 9110, 4710]);
    // start-of-2015 stock: end-2015 stock - inflow + outflow
    expect(stockAtStart('Rotterdam', 2015)).toBe(41300 - 11230 + 10030);
  });

  it('the AOW age by year, in months, as the law set it', () => {
    expect(aowAgeMonths(2013)).toBe(65 * 12 + 1);
    expect(aowAgeMonths(2018)).toBe(66 * 12);
    expect(aowAgeMonths(2024)).toBe(67 * 12);
    expect(aowAgeMonths(2040)).toBe(aowAgeMonths(2028)); // after the table, its last value
  });

  it('national unemployment and tightness: dated points, interpolated between them', () => {
    const u = unemploymentPoints();
    expect(interpolate(u, 2015 * 12 + 6)).toBeCloseTo(6.9, 12);
    expect(interpolate(u, 2016 * 12)).toBeCloseTo((6.9 + 6.0) / 2, 12);
    const t = tightnessPoints();
    expect(interpolate(t, 2017 * 12 + 10)).toBeCloseTo(0.56, 12);
    expect(interpolate(t, 2000 * 12)).toBe(t[0].value);
  });
});
