import { beforeAll, describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { createSim, scenariosOf } from '../../src/engine/sim.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { step } from '../../src/engine/step.ts';
import { validateModel } from '../../src/model/load.ts';
import type { Model, ModelInput } from '../../src/model/schema.ts';

let input: ModelInput;
let model: Model;
let recession: Model;

beforeAll(async () => {
  input = (await import('../fixtures/small.ts')).default;
  model = validateModel(input, 'small');
  recession = validateModel({ ...structuredClone(input), economy: { ...input.economy, growth: 'recession' } }, 'recession');
});

/** Checks every month of one replicate's series; returns the totals of a few flows for teeth checks. */
function checkSeries(m: Model, s: Float64Array, months: number, label: string) {
  const at = (t: number, k: number) => s[t * METRIC_COUNT + k];
  const totals = { admitted: 0, reentries: 0, work: 0, school: 0, non: 0, pension: 0 };
  expect(at(0, M.caseload), label).toBe(m.population.size);
  for (let t = 0; t < months; t++) {
    const where = `${label}, month ${t}`;
    const flows = [M.applicants, M.deterred, M.admitted, M.reentries, M.exitsWork, M.exitsSchool, M.exitsNonInfluenceable, M.exitsPension];
    for (const k of flows) {
      expect(at(t, k), where).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(at(t, k)), where).toBe(true);
    }
    expect(at(t, M.exitsPension), where).toBeLessThanOrEqual(at(t, M.exitsNonInfluenceable));
    expect(at(t, M.admitted) + at(t, M.deterred), where).toBe(at(t, M.applicants));
    const expected = at(t, M.caseload) + at(t, M.admitted) + at(t, M.reentries)
      - at(t, M.exitsWork) - at(t, M.exitsSchool) - at(t, M.exitsNonInfluenceable);
    expect(at(t, M.caseloadEnd), where).toBe(expected);
    if (t + 1 < months) expect(at(t + 1, M.caseload), where).toBe(at(t, M.caseloadEnd));
    totals.admitted += at(t, M.admitted);
    totals.reentries += at(t, M.reentries);
    totals.work += at(t, M.exitsWork);
    totals.school += at(t, M.exitsSchool);
    totals.non += at(t, M.exitsNonInfluenceable);
    totals.pension += at(t, M.exitsPension);
  }
  return totals;
}

describe('step', () => {
  it('keeps the stock-flow identity in every month of every replicate, for both fixture scenarios and a recession', () => {
    const grand = { admitted: 0, reentries: 0, work: 0, school: 0, non: 0, pension: 0 };
    for (const m of [model, recession]) {
      for (const sc of scenariosOf(m)) {
        for (let r = 0; r < 5; r++) {
          const { series } = simulateReplicate(m, sc, r, m.run.seed, m.horizonMonths);
          const t = checkSeries(m, series, m.horizonMonths, `${m.economy.growth}/${sc.name}/replicate ${r}`);
          for (const k of Object.keys(grand) as (keyof typeof grand)[]) grand[k] += t[k];
        }
      }
    }
    // every flow in the identity actually occurs, so none of its terms is checked vacuously
    for (const [k, v] of Object.entries(grand)) expect(v, k).toBeGreaterThan(0);
  });

  it('writes only its own row, and carries the end-of-month caseload into the next month', () => {
    const months = 6;
    const sim = createSim(model, scenariosOf(model)[0], 0, model.run.seed, months);
    const out = new Float64Array(months * METRIC_COUNT).fill(-7);
    for (let t = 0; t < months; t++) {
      step(sim, t, out);
      for (let k = (t + 1) * METRIC_COUNT; k < out.length; k++) expect(out[k]).toBe(-7);
      expect(sim.caseload).toBe(out[t * METRIC_COUNT + M.caseloadEnd]);
    }
    checkSeries(model, out, months, 'manual steps');
    // and stepping by hand gives what simulateReplicate gives
    const { series } = simulateReplicate(model, scenariosOf(model)[0], 0, model.run.seed, months);
    expect(Array.from(out)).toEqual(Array.from(series));
  });

  it('leaves employability 0 for everyone off benefit at the end of every month (deterred applicants included)', () => {
    const months = model.horizonMonths;
    const sim = createSim(model, scenariosOf(model)[0], 1, model.run.seed, months);
    const out = new Float64Array(months * METRIC_COUNT);
    let off = 0, wrong = 0, deterred = 0;
    for (let t = 0; t < months; t++) {
      step(sim, t, out);
      deterred += out[t * METRIC_COUNT + M.deterred];
      const a = sim.agents;
      for (let i = 0; i < a.size; i++) {
        if (a.state[i] === State.onBenefit) continue;
        off++;
        if (a.employability[i] !== 0) wrong++;
      }
    }
    expect(deterred).toBeGreaterThan(0); // the fixture's strict intake deters, so the case is tested
    expect(off).toBeGreaterThan(1000);
    expect(wrong).toBe(0);
  });

  it('records the economy, the composition shares and the costs consistently', () => {
    const { series: s } = simulateReplicate(recession, scenariosOf(recession)[0], 1, recession.run.seed, recession.horizonMonths);
    const at = (t: number, k: number) => s[t * METRIC_COUNT + k];
    for (let t = 0; t < recession.horizonMonths; t++) {
      // vacancies = national vacancy rate x labour force x regional factor; other jobseekers = u x ratio x labour force
      expect(at(t, M.otherJobseekers)).toBeCloseTo(at(t, M.unemploymentPct) / 100 * recession.economy.unemploymentRatio * recession.economy.labourForce, 6);
      expect(at(t, M.vacancyFill)).toBeGreaterThan(0);
      expect(at(t, M.vacancyFill)).toBeLessThanOrEqual(1);
      expect(at(t, M.hires)).toBeGreaterThanOrEqual(at(t, M.exitsWork) * 0.5);
      for (const k of [M.share45Plus, M.share5YearsPlus, M.meanMotivation]) {
        expect(at(t, k)).toBeGreaterThanOrEqual(0);
        expect(at(t, k)).toBeLessThanOrEqual(1);
      }
      expect(at(t, M.meanEmployability)).toBeGreaterThan(0);
      // recipients paid this month: those at the start plus those who came on during it
      expect(at(t, M.benefitCost)).toBeCloseTo((at(t, M.caseload) + at(t, M.admitted) + at(t, M.reentries)) * recession.costs.benefitPerRecipientMonth, 6);
    }
    // the recession bites within the horizon: demand falls, unemployment rises
    expect(Math.min(...Array.from({ length: recession.horizonMonths }, (_, t) => at(t, M.demand)))).toBeLessThan(1);
    expect(at(recession.horizonMonths - 1, M.unemploymentPct)).toBeGreaterThan(at(0, M.unemploymentPct));
  });
});
