import { beforeAll, describe, expect, it } from 'vitest';
import { factorialCells, scalePolicies } from '../../src/experiment/cells.ts';
import { loadExperiment, type LoadedExperiment } from '../../src/experiment/load.ts';
import type { PolicySpec } from '../../src/policies/registry.ts';

let loaded: LoadedExperiment;
beforeAll(async () => {
  loaded = await loadExperiment('tests/fixtures/experiments/small-factorial.ts');
});

describe('factorialCells', () => {
  it('one cell per level combination, the last factor varying fastest', () => {
    const cells = factorialCells(loaded.experiment, loaded.models, 12);
    expect(cells.map((c) => `${c.levels.policy}/${c.levels.economy}`)).toEqual([
      'none/recession', 'none/boom', 'nothing-either/recession', 'nothing-either/boom', 'small/recession', 'small/boom',
    ]);
    expect(cells[0].model.policies).toEqual([]);
    expect(cells[4].model.policies.map((p) => p.type)).toEqual(['strict-intake', 'intensive-guidance']);
    expect(cells[1].model.economy.growth).toBe('boom');
    expect(cells.every((c) => c.model.horizonMonths === 12 && c.model.scenarios.length === 0 && c.model.targets.length === 0)).toBe(true);
  });
});

describe('scalePolicies', () => {
  it('scales places, staff and fixed budgets per capita, leaves targets and rates alone, drops observation cohorts', () => {
    const specs = [
      { type: 'intensive-guidance', label: 'g', target: { minAge: 45 }, caseManagers: 10, caseloadPerManager: 40, contactHoursPerManagerMonth: 100, durationMonths: 12, priority: 'random', costPerManagerYear: 75_000, budgetPerParticipantMonth: 0 },
      { type: 'tegenprestatie', places: 1_000, fixedCostPerMonth: 50_000, costPerParticipantMonth: 50 },
      { type: 'triage', work: { places: 600 }, care: { places: 400 } },
      { type: 'cohort', label: 'c', followMonths: 12 },
    ] as unknown as PolicySpec[];
    const out = scalePolicies(specs, 0.1) as unknown as Record<string, any>[];
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({ caseManagers: 1, caseloadPerManager: 40, target: { minAge: 45 }, costPerManagerYear: 75_000 });
    expect(out[1]).toMatchObject({ places: 100, fixedCostPerMonth: 5_000, costPerParticipantMonth: 50 });
    expect(out[2]).toMatchObject({ work: { places: 60 }, care: { places: 40 } });
  });
});
