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
    expect(e.note.startsWith('a step up; unemployment and tightness')).toBe(true);
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

  it('historical: unemployment and tightness as CBS observed them; vacancies and other jobseekers scale with the labour force', () => {
    const m = variant((x) => { x.economy.labourForce = 100_000; x.economy.regionalFactor = 0.7; x.economy.unemploymentRatio = 1.5; });
    const e = buildEconomy(m, 'historical', 36, behaviour); // 2015-01 .. 2017-12
    // data/nl-economy.csv: 6.9% in 2015 (placed at July), 6.0% in 2016; data/nl-tightness.csv: Q4 2015 0.25, Q4 2016 0.33
    expect(e.unemploymentPct[6]).toBeCloseTo(6.9, 9);
    expect(e.unemploymentPct[18]).toBeCloseTo(6.0, 9);
    expect(e.tightness[10]).toBeCloseTo(0.25, 9);
    expect(e.tightness[22]).toBeCloseTo(0.33, 9);
    for (let t = 0; t < 36; t++) {
      expect(e.vacancies[t]).toBeCloseTo(e.tightness[t] * e.unemploymentPct[t] / 100 * 100_000 * 0.7, 6);
      expect(e.otherJobseekers[t]).toBeCloseTo(e.unemploymentPct[t] / 100 * 1.5 * 100_000, 6);
    }
    // the recovery: tightness rises and unemployment falls over 2015-2017
    expect(e.tightness[35]).toBeGreaterThan(e.tightness[0] * 1.8);
    expect(e.unemploymentPct[35]).toBeLessThan(e.unemploymentPct[0] - 1.5);
  });

  it('other growth paths move unemployment and tightness with demand, from the observed start, by the estimated relation', () => {
    const boom = buildEconomy(model, 'boom', 48, behaviour);
    const recession = buildEconomy(model, 'recession', 48, behaviour);
    const flat = buildEconomy(model, 'flat', 48, behaviour);
    expect(boom.unemploymentPct[0]).toBeCloseTo(recession.unemploymentPct[0], 1);
    // more demand: less unemployment, a tighter market
    expect(boom.unemploymentPct[47]).toBeLessThan(flat.unemploymentPct[47]);
    expect(recession.unemploymentPct[47]).toBeGreaterThan(flat.unemploymentPct[47]);
    expect(boom.tightness[47]).toBeGreaterThan(recession.tightness[47] * 1.3);
    for (let t = 1; t < 48; t++) {
      const dd = Math.log(boom.demand[t]) - Math.log(boom.demand[0]);
      expect(Math.sign(Math.log(boom.tightness[t] / boom.tightness[0]))).toBe(dd === 0 ? 0 : Math.sign(dd));
    }
  });

  it('applicants scale with (unemployment / 6.9%)^elasticity, constant with elasticity 0', () => {
    const m = variant((x) => { x.inflow.applicantsPerMonth = 120; x.inflow.unemploymentElasticity = 0.8; });
    for (const g of ['boom', 'recession', 'recovery', 'historical'] as const) {
      const e = buildEconomy(m, g, 60, behaviour);
      for (let t = 0; t < 60; t++) expect(e.applicants[t]).toBeCloseTo(120 * Math.pow(e.unemploymentPct[t] / 6.9, 0.8), 9);
    }
    const inelastic = variant((x) => { x.inflow.unemploymentElasticity = 0; });
    const e0 = buildEconomy(inelastic, 'recession', 36, behaviour);
    for (const a of e0.applicants) expect(a).toBe(inelastic.inflow.applicantsPerMonth);
    // without an elasticity in the model file, the shared behaviour's is used
    const shared = variant((x) => { delete x.inflow.unemploymentElasticity; });
    const es = buildEconomy(shared, 'historical', 12, behaviour);
    expect(es.applicants[0]).toBeCloseTo(shared.inflow.applicantsPerMonth * Math.pow(es.unemploymentPct[0] / 6.9, behaviour.economy.inflowElasticity), 9);
  });

  it('the AOW age follows the law month by month (data/cbs/aow_age.csv) unless the model fixes a pension age', () => {
    const m = variant((x) => { delete x.exits!.pensionAge; });
    const e = buildEconomy(m, 'historical', 60, behaviour); // 2015-2019
    expect(e.pensionMonths[0]).toBe(65 * 12 + 3);
    expect(e.pensionMonths[12]).toBe(65 * 12 + 6);
    expect(e.pensionMonths[36]).toBe(66 * 12);
    expect(e.pensionMonths[59]).toBe(66 * 12 + 4);
    const fixed = buildEconomy(model, 'historical', 12, behaviour);
    for (const p of fixed.pensionMonths) expect(p).toBe(Math.round(65.75 * 12));
  });

  it('responds to the behaviour: no demand response when demandPerGrowthPoint is 0', () => {
    const still = resolveBehaviour({ economy: { demandPerGrowthPoint: 0 } }, defaultBehaviour);
    const e = buildEconomy(model, 'boom', 24, still);
    for (const d of e.demand) expect(d).toBe(1);
  });
});
