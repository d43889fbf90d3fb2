/**
 * The pieces of `calibrate --ensemble` around the ABC core: the priors a model gets (its fitted
 * values at their bounds, then the stated ranges, each checked against the model), the distance,
 * and the ensemble file's schema as runs read it.
 */
import { describe, expect, it } from 'vitest';
import { distanceOf, priorsOf } from '../../src/calibration/build-ensemble.ts';
import { applySet, ensembleSchema } from '../../src/calibration/ensemble.ts';
import { InputError, loadModel, validateModel } from '../../src/model/load.ts';
import { PRIORS } from '../../models/lib/priors.ts';
import small from '../fixtures/small.ts';

describe('priorsOf', () => {
  it("gives Rotterdam its two fitted values at their bounds, then the ranges of models/lib/priors.ts, each around the model's value", async () => {
    const { model } = await loadModel('models/rotterdam.ts');
    const p = priorsOf(model, PRIORS.rotterdam, 'models/lib/priors.ts');
    expect(p.map((x) => x.path)).toEqual([
      'inflow.applicantsPerMonth', 'economy.regionalFactor',
      'policies.0.deterredShare', 'policies.2.strictness',
      'behaviour.policyEffects.sanctions.threatSearchGain', 'behaviour.policyEffects.sanctions.afterSanctionWorkGain',
      'behaviour.policyEffects.tegenprestatie.lockInPer20Hours', 'behaviour.policyEffects.tegenprestatie.motivationGainPerMonth',
      'policies.2.endShare', 'population.traits.motivation.mean', 'population.traits.multiProblemShare',
      'policies.0.costPerApplicant', 'policies.1.costPerParticipantMonth', 'policies.1.fixedCostPerMonth', 'policies.2.costPerSanction',
    ]);
    for (const x of p) expect(x.source.length).toBeGreaterThan(10);
  });

  it('refuses a path the model does not have, a value outside its prior, and a path given twice, naming the file', () => {
    const model = validateModel(small, 'small');
    const ok = { lower: 0, upper: 1, scale: 'linear' as const, source: 'test' };
    expect(() => priorsOf(model, [{ ...ok, path: 'inflow.nothing' }], 'priors.ts')).toThrow(/priors\.ts: .*'inflow\.nothing' is not a number/);
    expect(() => priorsOf(model, [{ ...ok, path: 'inflow.applicantsPerMonth' }], 'priors.ts')).toThrow(/lies outside the prior 0-1/);
    const twice = { ...ok, path: 'inflow.applicantsPerMonth', upper: 100 };
    expect(() => priorsOf(model, [twice, twice], 'priors.ts')).toThrow(InputError);
  });
});

describe('distanceOf', () => {
  it('is the root mean square of the misses in tolerance units, superseded targets left out', () => {
    const model = validateModel({
      ...small,
      targets: [
        { name: 'a', figure: 'a', source: 'test', value: 10, tolerance: 2, measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: 0, untilMonth: 1 } },
        { name: 'b', figure: 'b', source: 'test', value: 0, tolerance: 1, measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: 0, untilMonth: 1 } },
        { name: 'c', figure: 'c', source: 'test', value: 0, tolerance: 1, measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: 0, untilMonth: 1 }, superseded: 'test' },
      ],
    }, 'small');
    // misses 1 and 3 tolerances: sqrt((1 + 9) / 2)
    expect(distanceOf(model, Float64Array.from([12, 3, 100]))).toBeCloseTo(Math.sqrt(5), 12);
  });
});

describe('the committed ensemble', () => {
  it('models/ensemble.json is valid, and every Rotterdam set applies to the model', async () => {
    const { readFileSync } = await import('node:fs');
    const file = ensembleSchema.parse(JSON.parse(readFileSync('models/ensemble.json', 'utf8')));
    const r = file.models.rotterdam;
    expect(r.sets.length).toBe(20);
    expect(r.ess).toBeGreaterThan(10);
    const { model } = await loadModel('models/rotterdam.ts');
    for (const set of r.sets) {
      const m = applySet(model, set, 'ensemble');
      for (const p of r.priors) {
        const v = set[p.path];
        expect(v).toBeGreaterThanOrEqual(p.lower);
        expect(v).toBeLessThanOrEqual(p.upper);
      }
      expect(m.policies[0]).toMatchObject({ deterredShare: set['policies.0.deterredShare'] });
    }
  });
});
