import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEconomy } from '../../src/economy/path.ts';
import { defaultBehaviour, resolveBehaviour, type Behaviour } from '../../src/model/behaviour.ts';
import { validateModel } from '../../src/model/load.ts';
import type { Model, ModelInput } from '../../src/model/schema.ts';

let input: ModelInput;
let model: Model;
let behaviour: Behaviour;

beforeAll(async () => {
  input = (await import('../fixtures/small.ts')).default;
  model = validateModel(input, 'small');
  behaviour = resolveBehaviour(model.behaviour);
});

/** The fixture with some fields changed, validated. */
function variant(change: (m: ModelInput) => void): Model {
  const m = structuredClone(input);
  change(m);
  return validateModel(m, 'variant');
}

/** gdp_growth_pct by year, read straight from the data file. */
function csvGrowth(): Map<number, number> {
  const [header, ...rows] = readFileSync(new URL('../../data/nl-economy.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
  const col = header.split(',').indexOf('gdp_growth_pct');
  return new Map(rows.map((r) => [Number(r.split(',')[0]), Number(r.split(',')[col])]));
}

describe('buildEconomy', () => {
  it("'flat' keeps labour demand at its reference level 1 in every month", () => {
    const e = buildEconomy(model, 'flat', 60, behaviour);
    expect(e.demand.length).toBe(60);
    for (const d of e.demand) expect(d).toBeCloseTo(1, 12);
    for (const g of e.growth) expect(g).toBe(behaviour.economy.referenceGrowthPct);
  });

  it("'boom' keeps demand above 1 and 'recession' pushes it below 1 within the first 18 months", () => {
    const boom = buildEconomy(model, 'boom', 36, behaviour);
    for (const d of boom.demand) expect(d).toBeGreaterThan(1);
    const rec = buildEconomy(model, 'recession', 36, behaviour);
    const first18 = Array.from(rec.demand.subarray(0, 18));
    expect(Math.min(...first18)).toBeLessThan(1);
    // it enters from a 1.8% economy (long-run demand exp(eta * 0.3) > 1) and falls while growth is -2.5%
    expect(rec.demand[0]).toBeLessThan(Math.exp(behaviour.economy.demandPerGrowthPoint * 0.3));
    for (let t = 1; t < 12; t++) expect(rec.demand[t]).toBeLessThan(rec.demand[t - 1]);
    // demand in a boom is above demand in a recession in every month
    for (let t = 0; t < 36; t++) expect(boom.demand[t]).toBeGreaterThan(rec.demand[t]);
  });

  it('follows a custom monthly path with the documented lag recursion', () => {
    const path = [...Array(6).fill(1.5), ...Array(10).fill(4.5)];
    const m = variant((x) => { x.economy.growth = { monthlyPath: path, note: 'a step up' }; });
    const months = 30;
    const e = buildEconomy(m, m.economy.growth, months, behaviour);
    // each month has its path value; the last value holds after the path ends
    for (let t = 0; t < months; t++) expect(e.growth[t]).toBe(path[Math.min(t, path.length - 1)]);
    expect(e.note).toBe('a step up');
    // ln D(t) = ln D(t-1) + (eta (g(t) - g*) - ln D(t-1)) / lag, starting at the long-run level of g(0)
    const { demandPerGrowthPoint: eta, referenceGrowthPct: gStar, lagMonths: lag } = behaviour.economy;
    let logD = eta * (path[0] - gStar);
    for (let t = 0; t < months; t++) {
      logD += (eta * (path[Math.min(t, path.length - 1)] - gStar) - logD) / lag;
      expect(e.demand[t]).toBeCloseTo(Math.exp(logD), 10);
    }
    // qualitatively: flat at 1 before the step, then rising towards exp(eta * 3) without overshooting
    for (let t = 0; t < 6; t++) expect(e.demand[t]).toBeCloseTo(1, 12);
    for (let t = 6; t < months; t++) {
      expect(e.demand[t]).toBeGreaterThan(e.demand[t - 1]);
      expect(e.demand[t]).toBeLessThan(Math.exp(eta * 3));
    }
  });

  it("'historical' from 2015 gives each month its calendar year's growth from data/nl-economy.csv", () => {
    const csv = csvGrowth();
    const e = buildEconomy(model, 'historical', 48, behaviour); // fixture starts 2015-01
    expect(e.growth[0]).toBe(2.0);
    expect(e.growth[12]).toBe(2.2);
    for (let t = 0; t < 48; t++) expect(e.growth[t], `month ${t}`).toBe(csv.get(2015 + Math.floor(t / 12)));
    // a mid-year start: July 2015, so January 2016 is month 6
    const july = variant((x) => { x.startMonth = '2015-07'; });
    const j = buildEconomy(july, 'historical', 24, behaviour);
    expect(j.growth[5]).toBe(csv.get(2015));
    expect(j.growth[6]).toBe(csv.get(2016));
    expect(j.growth[18]).toBe(csv.get(2017));
    // the lag is warmed up on the two years before the start: 2013 (-0.8) and 2014 (1.4) were weaker
    // than 2015, so demand starts below 1 and recovers
    expect(e.demand[0]).toBeLessThan(1);
    expect(e.demand[23]).toBeGreaterThan(e.demand[0]);
  });

  it("'historical' holds the last year's value past the data and says so", () => {
    const csv = csvGrowth();
    const last = Math.max(...csv.keys());
    const m = variant((x) => { x.startMonth = `${last - 1}-01`; });
    const e = buildEconomy(m, 'historical', 48, behaviour);
    expect(e.growth[0]).toBe(csv.get(last - 1));
    for (let t = 12; t < 48; t++) expect(e.growth[t]).toBe(csv.get(last));
    expect(e.note).toMatch(/extrapolated/);
  });

  it("'historical' throws for a start year before 2010 or after 2024", () => {
    for (const start of ['2009-12', '2008-01', '1999-05', '2025-01', '2030-06']) {
      const m = variant((x) => { x.startMonth = start; });
      expect(() => buildEconomy(m, 'historical', 24, behaviour), start).toThrow();
    }
    for (const start of ['2010-01', '2024-12']) {
      const m = variant((x) => { x.startMonth = start; });
      expect(() => buildEconomy(m, 'historical', 24, behaviour), start).not.toThrow();
    }
  });

  it('vacancies are vacanciesPerMonth x regionalFactor x demand', () => {
    const m = variant((x) => { x.economy.vacanciesPerMonth = 37; x.economy.regionalFactor = 0.7; });
    for (const g of ['flat', 'boom', 'recession', 'recovery', 'historical'] as const) {
      const e = buildEconomy(m, g, 40, behaviour);
      for (let t = 0; t < 40; t++) expect(e.vacancies[t]).toBeCloseTo(37 * 0.7 * e.demand[t], 9);
    }
  });

  it('applicants fall when demand rises (elasticity > 0) and are constant with elasticity 0', () => {
    const m = variant((x) => { x.inflow.applicantsPerMonth = 120; x.inflow.demandElasticity = 0.8; });
    let checked = 0;
    for (const g of ['boom', 'recession', 'recovery', 'historical'] as const) {
      const e = buildEconomy(m, g, 60, behaviour);
      for (let t = 0; t < 60; t++) {
        expect(e.applicants[t]).toBeCloseTo(120 * Math.pow(e.demand[t], -0.8), 9);
        if (t > 0 && Math.abs(e.demand[t] - e.demand[t - 1]) > 1e-9) {
          expect(Math.sign(e.applicants[t] - e.applicants[t - 1])).toBe(-Math.sign(e.demand[t] - e.demand[t - 1]));
          checked++;
        }
      }
      // more demand, fewer applicants: above-reference demand gives below-reference applicants
      for (let t = 0; t < 60; t++) if (e.demand[t] > 1) expect(e.applicants[t]).toBeLessThan(120);
    }
    expect(checked).toBeGreaterThan(100);
    const inelastic = variant((x) => { x.inflow.demandElasticity = 0; });
    const e0 = buildEconomy(inelastic, 'recession', 36, behaviour);
    for (const a of e0.applicants) expect(a).toBe(inelastic.inflow.applicantsPerMonth);
  });

  it('responds to the behaviour: no demand response when demandPerGrowthPoint is 0', () => {
    const still = resolveBehaviour({ economy: { demandPerGrowthPoint: 0 } }, defaultBehaviour);
    const e = buildEconomy(model, 'boom', 24, still);
    for (const d of e.demand) expect(d).toBe(1);
  });
});
