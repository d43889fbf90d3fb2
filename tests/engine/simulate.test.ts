import { beforeAll, describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { AS_IS, scenariosOf } from '../../src/engine/sim.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { validateModel } from '../../src/model/load.ts';
import type { Model, ModelInput, Scenario } from '../../src/model/schema.ts';

let input: ModelInput;
let model: Model;

beforeAll(async () => {
  input = (await import('../fixtures/small.ts')).default;
  model = validateModel(input, 'small');
});

const run = (m: Model, sc: Scenario, r: number, months = m.horizonMonths, seed = m.run.seed) => simulateReplicate(m, sc, r, seed, months).series;
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const total = (s: Float64Array, k: number) => {
  let x = 0;
  for (let t = 0; t < s.length / METRIC_COUNT; t++) x += s[t * METRIC_COUNT + k];
  return x;
};
const at = (s: Float64Array, t: number, k: number) => s[t * METRIC_COUNT + k];
const sampleVariance = (x: number[]) => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
};

describe('simulateReplicate', () => {
  it('is deterministic: the same model, scenario, replicate and seed give an identical series', () => {
    for (const sc of scenariosOf(model)) {
      const a = run(model, sc, 3);
      const b = run(model, sc, 3);
      expect(a.length).toBe(model.horizonMonths * METRIC_COUNT);
      expect(bytes(a).equals(bytes(b))).toBe(true);
    }
  });

  it('gives different series for a different replicate or master seed', () => {
    const a = run(model, AS_IS, 0);
    expect(bytes(a).equals(bytes(run(model, AS_IS, 1)))).toBe(false);
    expect(bytes(a).equals(bytes(run(model, AS_IS, 0, model.horizonMonths, model.run.seed + 1)))).toBe(false);
    // and not just in one cell: the exits to work differ in most months
    const b = run(model, AS_IS, 1);
    let differ = 0;
    for (let t = 0; t < model.horizonMonths; t++) if (at(a, t, M.exitsWork) !== at(b, t, M.exitsWork)) differ++;
    expect(differ).toBeGreaterThan(model.horizonMonths / 2);
  });

  it('common random numbers: scenarios with identical policies give byte-identical series', () => {
    const same = structuredClone(input);
    same.scenarios = [{ name: 'no-policy', description: 'now the same policies', policies: structuredClone(input.policies) }];
    const m = validateModel(same, 'same-policies');
    const [asIs, copy] = scenariosOf(m);
    expect(copy.name).not.toBe(asIs.name);
    for (let r = 0; r < 3; r++) expect(bytes(run(m, asIs, r)).equals(bytes(run(m, copy, r))), `replicate ${r}`).toBe(true);
    // opting out of common random numbers gives the scenario its own luck: then the series differ
    const own = structuredClone(same);
    own.scenarios = [{ ...same.scenarios![0], commonRandomNumbers: false }];
    const mo = validateModel(own, 'own-luck');
    const [asIsO, copyO] = scenariosOf(mo);
    expect(bytes(run(mo, asIsO, 0)).equals(bytes(run(mo, copyO, 0)))).toBe(false);
  });

  it('pairing replicates across scenarios makes the policy difference in exits to work far less noisy', () => {
    const [asIs, none] = scenariosOf(model);
    const R = 20;
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r <= R; r++) {
      a.push(total(run(model, asIs, r), M.exitsWork));
      b.push(total(run(model, none, r), M.exitsWork));
    }
    const paired = Array.from({ length: R }, (_, r) => a[r] - b[r]);
    const unpaired = Array.from({ length: R }, (_, r) => a[r] - b[r + 1]);
    // Without any benefit from common random numbers the ratio of the two sample variances would be
    // about F(19, 19)-distributed around 1 and fall below 0.5 only ~7% of the time; CRN should cut the
    // variance several-fold. Required: paired variance below half the unpaired variance.
    expect(sampleVariance(paired)).toBeLessThan(0.5 * sampleVariance(unpaired));
  });

  it('dynamic selection: with no inflow the mean employability of those left falls, because the employable leave first', () => {
    const base = structuredClone(input);
    base.horizonMonths = 60;
    base.inflow.applicantsPerMonth = 0;
    base.economy = { ...base.economy, growth: 'flat' };
    base.policies = [];
    base.scenarios = [];
    // Duration effects off (no scarring, no trait decay, no age term in employability), so a change in
    // mean employability can only come from who leaves.
    const selectionOnly = { employability: { scarringPerLogYear: 0, agePer10YearsOver45: 0 }, dynamics: { motivationDecayPerMonth: 0, skillDecayPerMonth: 0 } };
    const withDefaults = validateModel(base, 'no-inflow');
    const withSelectionOnly = validateModel({ ...structuredClone(base), behaviour: selectionOnly }, 'selection-only');
    // Control: almost no vacancies, so exits are only the employability-blind routes.
    const noJobs = validateModel({ ...structuredClone(base), behaviour: selectionOnly, economy: { ...base.economy, regionalFactor: 1e-6 } }, 'no-jobs');
    for (let r = 0; r < 3; r++) {
      const d = run(withDefaults, AS_IS, r);
      const s = run(withSelectionOnly, AS_IS, r);
      const c = run(noJobs, AS_IS, r);
      const ratio = (x: Float64Array) => at(x, 59, M.meanEmployability) / at(x, 0, M.meanEmployability);
      expect(at(c, 59, M.caseloadEnd)).toBeGreaterThan(600); // enough people left for a stable mean
      // The mean of >= ~400 people whose employability has a CV of about 1 has a relative SE of ~5%;
      // 20% is 4 SE. With jobs, the mean falls by more than that; without jobs it moves by less.
      expect(ratio(d), `defaults, replicate ${r}`).toBeLessThan(0.8);
      expect(ratio(s), `selection only, replicate ${r}`).toBeLessThan(0.8);
      expect(Math.abs(ratio(c) - 1), `no jobs, replicate ${r}`).toBeLessThan(0.2);
      expect(ratio(s)).toBeLessThan(ratio(c) - 0.2);
      // and the fall is gradual: halfway is between start and end
      expect(at(s, 30, M.meanEmployability)).toBeLessThan(at(s, 0, M.meanEmployability));
      expect(at(s, 30, M.meanEmployability)).toBeGreaterThan(at(s, 59, M.meanEmployability));
    }
  });

  it('a stronger economy gives more exits to work: boom beats recession in every replicate', () => {
    const boom: Scenario = { name: 'boom', growth: 'boom', commonRandomNumbers: true };
    const recession: Scenario = { name: 'recession', growth: 'recession', commonRandomNumbers: true };
    let sumBoom = 0, sumRec = 0;
    for (let r = 0; r < 5; r++) {
      const b = run(model, boom, r);
      const c = run(model, recession, r);
      expect(total(b, M.exitsWork), `replicate ${r}`).toBeGreaterThan(total(c, M.exitsWork));
      expect(total(b, M.vacancies)).toBeGreaterThan(total(c, M.vacancies));
      sumBoom += total(b, M.exitsWork);
      sumRec += total(c, M.exitsWork);
    }
    // Vacancies are exp(0.3 * 2) ~ 1.8x reference in the boom and dip below 1 in the recession; with
    // matches ~ V^(1-alpha) the gap is large. Bar: boom above recession by > 4 Poisson SE of the totals.
    expect(sumBoom - sumRec).toBeGreaterThan(4 * Math.sqrt(sumBoom + sumRec));
  });

  it('with jobs limited by vacancies, exits to work average just under the recipients\' share of the vacancies', () => {
    // A very efficient matching function fills every vacancy (M = phi V); recipients get the share of
    // the search units they hold. With no outside jobseekers that share is all: the month's work
    // hazards add up to phi V. Realised exits are then slightly below V (a hazard h becomes a
    // probability 1 - e^-h < h, and the other routes compete), and far above the default matching.
    const limited = validateModel({ ...structuredClone(input), policies: [], scenarios: [], economy: { ...input.economy, unemploymentRatio: 1e-9, regionalFactor: 0.3 }, behaviour: { matching: { efficiency: 5, fillsPerVacancy: 1 } } }, 'limited');
    const R = 5;
    let exits = 0, vacancies = 0, exitsDefault = 0;
    const plain = validateModel({ ...structuredClone(input), policies: [], scenarios: [] }, 'plain');
    for (let r = 0; r < R; r++) {
      // the first six months, while the caseload is large enough to fill every vacancy
      const s = run(limited, AS_IS, r);
      const first = (x: Float64Array, k: number) => { let v = 0; for (let t = 0; t < 6; t++) v += at(x, t, k); return v; };
      exits += first(s, M.exitsWork);
      vacancies += first(s, M.vacancies);
      exitsDefault += first(run(plain, AS_IS, r), M.exitsWork);
    }
    // Upper bar: V plus 4 Poisson SE. Lower bar 0.85 V: the hazard-to-probability loss is h/2 on average
    // (work hazards here are mostly below 0.1) plus the competing routes (~1% a month): a few percent.
    expect(exits).toBeLessThan(vacancies + 4 * Math.sqrt(vacancies));
    expect(exits).toBeGreaterThan(0.85 * vacancies);
    expect(exitsDefault).toBeLessThan(exits);
  });
});
