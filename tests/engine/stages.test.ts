import { beforeAll, describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { METRIC_COUNT } from '../../src/engine/metrics.ts';
import { COMPACT_AT, createSim, scenariosOf, type Sim } from '../../src/engine/sim.ts';
import { assignPolicies, compactIfSparse, workHazards } from '../../src/engine/stages.ts';
import { step } from '../../src/engine/step.ts';
import { loadModel } from '../../src/model/load.ts';
import { validateModel } from '../../src/model/load.ts';
import type { ModelInput } from '../../src/model/schema.ts';

let input: ModelInput;

beforeAll(async () => {
  input = (await import('../fixtures/small.ts')).default;
});

/** Search units U = sum over recipients of search effort x employability x policy multipliers. */
function searchUnits(sim: Sim): number {
  const a = sim.agents;
  const { base, motivationSlope } = sim.behaviour.search;
  let u = 0;
  for (let i = 0; i < a.size; i++) {
    if (a.state[i] !== State.onBenefit) continue;
    u += (base + motivationSlope * a.motivation[i]) * a.searchMult[i] * a.employability[i] * a.employMult[i];
  }
  return u;
}

describe('workHazards (a job market shared with other jobseekers)', () => {
  it('hires M = phi V (1 - exp(-mu (U_r + U_o) / (phi V))); recipients get the share of their search units', () => {
    for (const efficiency of [0.035, 5]) {
      const m = validateModel({ ...structuredClone(input), behaviour: { matching: { efficiency } } }, `mu-${efficiency}`);
      for (const sc of scenariosOf(m)) {
        const sim = createSim(m, sc, 0, m.run.seed, m.horizonMonths);
        assignPolicies(sim, 0);
        const jobs = workHazards(sim, 0);
        const V = sim.economy.vacancies[0];
        const { fillsPerVacancy: phi, outsideSearch } = sim.behaviour.matching;
        const Ur = searchUnits(sim);
        const Uo = outsideSearch * sim.economy.otherJobseekers[0];
        // U summed in double here and possibly in a different order in src: relative 1e-9 is ample
        const hires = phi * V * -Math.expm1(-efficiency * (Ur + Uo) / (phi * V));
        const expected = hires * Ur / (Ur + Uo);
        expect(Math.abs(jobs - expected) / expected, `${efficiency}/${sc.name}`).toBeLessThan(1e-9);
        expect(Math.abs(sim.market.hires - hires) / hires).toBeLessThan(1e-9);
        expect(sim.market.fill).toBeCloseTo(hires / (phi * V), 12);
        if (efficiency === 5) expect(sim.market.fill).toBeGreaterThan(0.99); // every vacancy filled: the market caps
        else expect(sim.market.fill).toBeLessThan(0.9);
        expect(jobs).toBeLessThan(sim.market.hires); // others get some of the hires
      }
    }
  });

  it('displacement is partial and larger in a slack market: one more search unit adds fewer hires when vacancies are scarce', () => {
    const marginal = (factor: number) => {
      const m = validateModel({ ...structuredClone(input), economy: { ...input.economy, regionalFactor: factor } }, `f-${factor}`);
      const sim = createSim(m, scenariosOf(m)[0], 0, m.run.seed, m.horizonMonths);
      assignPolicies(sim, 0);
      workHazards(sim, 0);
      const before = sim.market.hires;
      // everyone on benefit searches 10% harder (the test writes searchMult, as a policy would)
      sim.hazards.searchMult = true;
      for (let i = 0; i < sim.agents.size; i++) sim.agents.searchMult[i] *= 1.1;
      workHazards(sim, 0);
      const jobs = sim.market.hires - before;
      return jobs;
    };
    const slack = marginal(0.25), tight = marginal(4);
    expect(slack).toBeGreaterThan(0);
    expect(tight).toBeGreaterThan(slack * 1.5);
  });
});

describe('compactIfSparse (when the gone are dropped)', () => {
  /** A month's end in a population of `size` slots and room for `capacity`, `gone` of them gone: whether it compacts. */
  const compacts = (size: number, capacity: number, gone: number, compactAt = COMPACT_AT) => {
    let done = false;
    const sim = { compactAt, agents: { size, capacity, compact: () => { done = true; return size - gone; } } } as unknown as Sim;
    compactIfSparse(sim, gone);
    return done;
  };

  it('at half the slots gone, or a quarter when the slots fill seven eighths of the columns', () => {
    expect(COMPACT_AT).toBe(0.5);
    expect([compacts(1000, 2000, 500), compacts(1000, 2000, 501)]).toEqual([false, true]);
    expect([compacts(1000, 2000, 300), compacts(1800, 2000, 300), compacts(1800, 2000, 451)]).toEqual([false, false, true]);
    expect([compacts(1000, 2000, 251, 0.25), compacts(1800, 2000, 226, 0.25)]).toEqual([true, true]);
  });

  it('does not change results: Rotterdam as-is the same, bit for bit, compacting at a tenth, a quarter, the default or never', async () => {
    const { model: loaded } = await loadModel('models/rotterdam.ts');
    const model = { ...loaded, population: { ...loaded.population, size: 3000 } };
    const months = 48;
    const run = (compactAt: number) => {
      const sim = createSim(model, scenariosOf(model)[0], 1, model.run.seed, months);
      sim.compactAt = compactAt;
      const series = new Float64Array(months * METRIC_COUNT);
      for (let t = 0; t < months; t++) step(sim, t, series);
      return { series: Buffer.from(series.buffer), compactions: sim.agents.compactions };
    };
    const runs = [0.1, 0.25, COMPACT_AT, 2].map(run);
    expect(runs.map((r) => r.compactions)[0]).toBeGreaterThan(runs[2].compactions); // compacting at a tenth compacts more often
    expect(runs[3].compactions).toBe(0);
    for (const r of runs.slice(1)) expect(r.series.equals(runs[0].series)).toBe(true);
  }, 60_000);
});
