/**
 * The seasons: estimated from CBS's monthly benefit counts, they sum to nothing over a year, put
 * the caseload's fall in late summer, and change nothing for a model that does not ask for them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEconomy } from '../../src/economy/path.ts';
import { seasonality } from '../../src/economy/seasonality.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { scenariosOf } from '../../src/engine/sim.ts';
import { resolveBehaviour } from '../../src/model/behaviour.ts';
import { validateModel } from '../../src/model/load.ts';
import type { Model, ModelInput } from '../../src/model/schema.ts';

let input: ModelInput;
let model: Model;
beforeAll(async () => {
  input = (await import('../fixtures/small.ts')).default;
  model = validateModel(input, 'small');
});

describe('seasonality()', () => {
  const s = seasonality();

  it('is a net change per calendar month that sums to zero over the year (it moves the caseload within the year, not across years)', () => {
    expect(s.netChange).toHaveLength(12);
    expect(Math.abs(s.netChange.reduce((a, b) => a + b, 0))).toBeLessThan(1e-12);
  });

  it('has the caseload falling in August and September and rising in December to March, as every year 2008-2017 shows', () => {
    expect(s.netChange[7]).toBeLessThan(-0.003);
    expect(s.netChange[8]).toBeLessThan(-0.003);
    for (const m of [11, 0, 1, 2]) expect(s.netChange[m]).toBeGreaterThan(0.002);
  });

  it('splits the net change a third to inflow, two thirds to exits, as CBS Q3 2017 does (27,000 in, 34,000 out against quarterly means of 29,238 and 29,530)', () => {
    const expected = (27000 - 116950 / 4) / (27000 - 116950 / 4 - (34000 - 118120 / 4));
    expect(s.inflowShare).toBeCloseTo(expected, 12);
    expect(s.inflowShare).toBeGreaterThan(0.3);
    expect(s.inflowShare).toBeLessThan(0.37);
  });

  it('turns it into factors on applicants (fewer in late summer) and on exits other than to work (more in late summer)', () => {
    expect(s.inflowFactor[7]).toBeLessThan(0.95);
    expect(s.nonWorkExitFactor[7]).toBeGreaterThan(1.2);
    expect(s.inflowFactor[0]).toBeGreaterThan(1.03);
    expect(s.nonWorkExitFactor[0]).toBeLessThan(0.85);
  });
});

describe('a model with seasons', () => {
  it('is unchanged byte for byte without them (the factors are exactly 1)', () => {
    const e = buildEconomy(model, model.economy.growth, 24, resolveBehaviour(model.behaviour));
    for (const f of e.nonWorkExitFactor) expect(f).toBe(1);
  });

  it('has its applicants follow the calendar from its start month', () => {
    const seasonal = validateModel({ ...structuredClone(input), economy: { ...input.economy, seasonal: true } }, 'seasonal');
    const b = resolveBehaviour(seasonal.behaviour);
    const plain = buildEconomy(model, 'flat', 24, b);
    const withSeasons = buildEconomy(seasonal, 'flat', 24, b);
    const start = Number(model.startMonth.slice(5)) - 1;
    for (let t = 0; t < 24; t++) {
      const m = (start + t) % 12;
      expect(withSeasons.applicants[t] / plain.applicants[t]).toBeCloseTo(seasonality().inflowFactor[m], 12);
      expect(withSeasons.nonWorkExitFactor[t]).toBe(seasonality().nonWorkExitFactor[m]);
    }
  });

  it('loses more recipients in August-September than in January-February, over 3 years with 4 seeds', () => {
    const seasonal = validateModel({ ...structuredClone(input), economy: { ...input.economy, seasonal: true } }, 'seasonal');
    const scenario = scenariosOf(seasonal)[0];
    const start = Number(seasonal.startMonth.slice(5)) - 1;
    let late = 0, early = 0;
    for (let r = 0; r < 4; r++) {
      const { series } = simulateReplicate(seasonal, scenario, r, 7, 36, undefined);
      for (let t = 0; t < 36; t++) {
        const m = (start + t) % 12;
        const out = series[t * METRIC_COUNT + M.exitsSchool] + series[t * METRIC_COUNT + M.exitsNonInfluenceable];
        if (m === 7 || m === 8) late += out;
        if (m === 0 || m === 1) early += out;
      }
    }
    expect(late).toBeGreaterThan(1.3 * early);
  });
});

