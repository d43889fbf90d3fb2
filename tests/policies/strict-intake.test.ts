import { resolveBehaviour } from '../../src/model/behaviour.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { createSim } from '../../src/engine/sim.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { inflow, intake } from '../../src/engine/stages.ts';
import { validateModel } from '../../src/model/load.ts';
import type { Model, ModelInput, Scenario } from '../../src/model/schema.ts';
import { strictIntake, type StrictIntakeParams } from '../../src/policies/strict-intake.ts';

/** The default behaviour with a given employability tilt for strict intake. */
const tilted = (employabilityTilt: number) => resolveBehaviour({ policyEffects: { strictIntake: { employabilityTilt } } });

let input: ModelInput;
let model: Model;
let strict: StrictIntakeParams;
/** Strict intake alone, and no policy at all: the same model otherwise. */
let onlyStrict: Scenario;
let none: Scenario;

beforeAll(async () => {
  input = (await import('../fixtures/small.ts')).default;
  model = validateModel(input, 'small');
  const p = model.policies.find((x) => x.type === 'strict-intake');
  if (!p || p.type !== 'strict-intake') throw new Error('fixture has no strict intake');
  strict = p;
  onlyStrict = { name: 'strict', policies: [strict], commonRandomNumbers: true };
  none = { name: 'none', policies: [], commonRandomNumbers: true };
});

const total = (s: Float64Array, metric: number, months: number) => {
  let x = 0;
  for (let t = 0; t < months; t++) x += s[t * METRIC_COUNT + metric];
  return x;
};

/** Runs inflow and intake only, month after month, returning the applicants' employability by outcome. */
function intakeOutcomes(m: Model, scenario: Scenario, replicates: number, months: number) {
  const admitted: number[] = [];
  const deterred: number[] = [];
  for (let r = 0; r < replicates; r++) {
    const sim = createSim(m, scenario, r, m.run.seed, months);
    for (let t = 0; t < months; t++) {
      const { from, to } = inflow(sim, t);
      const atApplication = sim.agents.employability.slice(from, to); // the deterred leave with employability 0
      intake(sim, t, from, to);
      for (let i = from; i < to; i++) (sim.agents.state[i] === State.left ? deterred : admitted).push(atApplication[i - from]);
    }
  }
  return { admitted, deterred };
}

const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const variance = (x: number[]) => { const m = mean(x); return x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1); };
/** Standard error of a difference of two independent means (Welch). */
const seDiff = (x: number[], y: number[]) => Math.sqrt(variance(x) / x.length + variance(y) / y.length);

describe('strict intake', () => {
  it('deterrence is deterredShare at average employability, rises with it and is capped at 0.95', () => {
    const p = strictIntake({ ...strict, deterredShare: 0.2 }, tilted(1), 0);
    const d = (rel: number) => p.deterrence!(undefined as never, 0, rel);
    expect(d(1)).toBeCloseTo(0.2, 12);
    expect(d(2)).toBeCloseTo(0.4, 12);
    expect(d(0.5)).toBeCloseTo(0.1, 12);
    expect(d(100)).toBe(0.95);
    const flat = strictIntake({ ...strict, deterredShare: 0.2 }, tilted(0), 0);
    expect(flat.deterrence!(undefined as never, 0, 3)).toBeCloseTo(0.2, 12);
    expect(p.participants()).toBe(0);
    expect(strictIntake({ ...strict, costPerApplicant: 350, fixedCostPerMonth: 1000 }, tilted(1), 0).cost(40)).toBe(40 * 350 + 1000);
  });

  it('deters close to deterredShare of applicants; without policies nobody is deterred', () => {
    const R = 10;
    let applicants = 0, deterred = 0;
    for (let r = 0; r < R; r++) {
      const s = simulateReplicate(model, onlyStrict, r, model.run.seed, model.horizonMonths).series;
      const n = simulateReplicate(model, none, r, model.run.seed, model.horizonMonths).series;
      // same applicants in both scenarios (common random numbers); all admitted without the policy
      // (with the policy, deterred applicants may apply again: they come on top, as `reapplied`)
      expect(total(n, M.applicants, model.horizonMonths)).toBe(total(s, M.applicants, model.horizonMonths) - total(s, M.reapplied, model.horizonMonths));
      expect(total(n, M.deterred, model.horizonMonths)).toBe(0);
      expect(total(n, M.admitted, model.horizonMonths)).toBe(total(n, M.applicants, model.horizonMonths));
      for (let t = 0; t < model.horizonMonths; t++) {
        const row = t * METRIC_COUNT;
        expect(s[row + M.admitted] + s[row + M.deterred]).toBe(s[row + M.applicants]);
      }
      applicants += total(s, M.applicants, model.horizonMonths) - total(s, M.reapplied, model.horizonMonths);
      deterred += total(s, M.deterred, model.horizonMonths);
    }
    const share = deterred / applicants;
    // Each applicant withdraws with probability deterredShare x (e / mean e)^tilt, whose average over a
    // month's applicants is exactly deterredShare for tilt 1 (less only where the 0.95 cap binds, which
    // needs e > 6x the mean: rare). Tolerance: 4 binomial SE (~0.01 for ~9,600 applicants) + 0.005 for the cap.
    const p = strict.deterredShare;
    expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / applicants) + 0.005);
  });

  it('the deterred are more employable than the admitted, because of the employability tilt', () => {
    const { admitted, deterred } = intakeOutcomes(model, onlyStrict, 5, model.horizonMonths);
    const share = deterred.length / (admitted.length + deterred.length);
    expect(share).toBeGreaterThan(0.1);
    // With tilt 1 the deterred are drawn in proportion to employability: their mean is E[e^2]/E[e],
    // about (1 + CV^2) times the applicants' mean, with CV ~ 1.1 here (lognormal frailty, traits), i.e. > 2x.
    // Required: a difference above 4 SE, and a ratio above a loose 1.2.
    const diff = mean(deterred) - mean(admitted);
    expect(diff).toBeGreaterThan(4 * seDiff(deterred, admitted));
    expect(mean(deterred) / mean(admitted)).toBeGreaterThan(1.2);

    // Without the tilt deterrence is blind to employability: no difference beyond 4 SE.
    const blind = validateModel({ ...structuredClone(input), behaviour: { policyEffects: { strictIntake: { employabilityTilt: 0 } } } }, 'blind');
    const b = intakeOutcomes(blind, onlyStrict, 5, blind.horizonMonths);
    expect(Math.abs(mean(b.deterred) - mean(b.admitted))).toBeLessThan(4 * seDiff(b.deterred, b.admitted));
  });

  it('admits a less employable intake than no policy does, from the very same applicants', () => {
    const withPolicy = intakeOutcomes(model, onlyStrict, 5, model.horizonMonths);
    const without = intakeOutcomes(model, none, 5, model.horizonMonths);
    expect(without.deterred.length).toBe(0);
    // common random numbers: the no-policy intake is exactly the strict scenario's applicants
    expect(without.admitted.length).toBe(withPolicy.admitted.length + withPolicy.deterred.length);
    expect(mean([...withPolicy.admitted, ...withPolicy.deterred])).toBeCloseTo(mean(without.admitted), 9);
    // the admitted are a subset of the same applicants, so the test is paired; 4 SE of the admitted mean
    expect(mean(without.admitted) - mean(withPolicy.admitted)).toBeGreaterThan(4 * Math.sqrt(variance(withPolicy.admitted) / withPolicy.admitted.length));
  });
});
