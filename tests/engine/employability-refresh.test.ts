/**
 * The employability column is refreshed inside the exits pass and, for the slots a policy's trait
 * effects changed, once more after them. Whatever the policies, at the end of every month it must
 * equal employability computed afresh from everyone's traits: a policy that changed traits without
 * returning the slot from `developTraits` would fail here. The caseload index must list exactly
 * the slots on benefit, in slot order. And the month's mean employability and motivation, which
 * move by the changes the policies' trait effects report (or are summed again where a policy
 * reports none), must equal the means over the caseload.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeEmployability } from '../../src/engine/employability.ts';
import { readsExact } from '../../src/engine/exits.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { createSim, scenariosOf } from '../../src/engine/sim.ts';
import { step } from '../../src/engine/step.ts';
import { defaultBehaviour } from '../../src/model/behaviour.ts';
import { loadModel } from '../../src/model/load.ts';
import { buildPolicies } from '../../src/policies/registry.ts';

const MODELS = readdirSync('models').filter((f) => f.endsWith('.ts')).map((f) => `models/${f}`);

describe('the employability column after each month', () => {
  it.each(MODELS)('%s: employability as computed afresh and the caseload index as listed afresh, in every scenario', async (file) => {
    const { model: loaded } = await loadModel(file);
    const model = { ...loaded, population: { ...loaded.population, size: 3000 } };
    const months = Math.min(model.horizonMonths, 60);
    let mismatches = 0, misListed = 0;
    for (const scenario of scenariosOf(model)) {
      const sim = createSim(model, scenario, 1, model.run.seed, months);
      const series = new Float64Array(months * METRIC_COUNT);
      for (let t = 0; t < months; t++) {
        step(sim, t, series);
        const fresh = new Float32Array(sim.agents.size);
        computeEmployability(sim.agents, sim.behaviour, sim.tables, fresh, 0, sim.agents.size);
        const column = sim.agents.employability;
        for (let i = 0; i < fresh.length; i++) if (!Object.is(column[i], fresh[i])) mismatches++;
        const a = sim.agents;
        let c = 0;
        for (let i = 0; i < a.size; i++) if (a.state[i] === 0) misListed += +(a.caseload[c++] !== i);
        misListed += +(c !== a.caseloadSize);
      }
    }
    expect(mismatches).toBe(0);
    expect(misListed).toBe(0);
  }, 120_000);

  it.each(MODELS)('%s: the month\'s mean employability and motivation are the caseload\'s, in every scenario', async (file) => {
    const { model: loaded } = await loadModel(file);
    const model = { ...loaded, population: { ...loaded.population, size: 3000 } };
    const months = Math.min(model.horizonMonths, 60);
    let worstEmp = 0, worstMot = 0, checked = 0;
    for (const scenario of scenariosOf(model)) {
      const sim = createSim(model, scenario, 1, model.run.seed, months);
      const series = new Float64Array(months * METRIC_COUNT);
      for (let t = 0; t < months; t++) {
        step(sim, t, series);
        const a = sim.agents;
        if (a.caseloadSize === 0) continue;
        let emp = 0, mot = 0;
        for (let k = 0; k < a.caseloadSize; k++) {
          emp += a.employability[a.caseload[k]];
          mot += a.motivation[a.caseload[k]];
        }
        const row = t * METRIC_COUNT;
        worstEmp = Math.max(worstEmp, Math.abs(series[row + M.meanEmployability] / (emp / a.caseloadSize) - 1));
        worstMot = Math.max(worstMot, Math.abs(series[row + M.meanMotivation] / (mot / a.caseloadSize) - 1));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // the column holds employability rounded to float32 (relative error below 6e-8 each), the
    // metric the unrounded sum; motivation is stored as it is summed. A policy's motivation change
    // of 0.01 for a tenth of the caseload would be off by about 1e-3
    expect(worstEmp).toBeLessThan(1e-6);
    expect(worstMot).toBeLessThan(1e-9);
  }, 120_000);
});

describe('the unrounded employability the exits pass keeps', () => {
  it('is not kept where every policy that changes traits computes the employability itself (Rotterdam), and is where one does not', async () => {
    const { model } = await loadModel('models/rotterdam.ts');
    const policies = buildPolicies(model.policies, defaultBehaviour);
    expect(policies.filter((p) => p.developTraits).map((p) => p.type).sort()).toEqual(['exemption', 'sanctions', 'tegenprestatie']);
    expect(readsExact(policies)).toBe(false);
    // without its own employability, the engine's refresh reads the kept value
    const refreshed = policies.map((p) => (p.type === 'sanctions' ? { ...p, employabilityChange: undefined } : p));
    expect(readsExact(refreshed)).toBe(true);
    // without its motivation change, the composition sums the kept value again
    const summed = policies.map((p) => (p.type === 'exemption' ? { ...p, motivationChange: undefined } : p));
    expect(readsExact(summed)).toBe(true);
  });
});
