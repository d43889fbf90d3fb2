import { beforeAll, describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { createSim, scenariosOf, type Sim } from '../../src/engine/sim.ts';
import { assignPolicies, workHazards } from '../../src/engine/stages.ts';
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

describe('workHazards (limited jobs)', () => {
  it('returns M = min(V, mu U^alpha V^(1-alpha)) jobs for the month', () => {
    for (const efficiency of [0.12, 5]) {
      const m = validateModel({ ...structuredClone(input), behaviour: { matching: { efficiency } } }, `mu-${efficiency}`);
      for (const sc of scenariosOf(m)) {
        const sim = createSim(m, sc, 0, m.run.seed, m.horizonMonths);
        assignPolicies(sim, 0);
        const jobs = workHazards(sim, 0);
        const V = sim.economy.vacancies[0];
        const { alpha } = sim.behaviour.matching;
        // U summed in double here and possibly in a different order in src: relative 1e-9 is ample
        const expected = Math.min(V, efficiency * Math.pow(searchUnits(sim), alpha) * Math.pow(V, 1 - alpha));
        expect(Math.abs(jobs - expected) / expected, `${efficiency}/${sc.name}`).toBeLessThan(1e-9);
        if (efficiency === 5) expect(jobs).toBe(V); // the cap binds: jobs are limited by vacancies
        else expect(jobs).toBeLessThan(V);
      }
    }
  });
});
