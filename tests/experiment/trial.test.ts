import { beforeAll, describe, expect, it } from 'vitest';
import { loadExperiment, type LoadedExperiment } from '../../src/experiment/load.ts';
import { runTrial, trialVariant, trialVerdict, type TrialResult } from '../../src/experiment/trial.ts';

let loaded: LoadedExperiment;
let result: TrialResult;
beforeAll(async () => {
  loaded = await loadExperiment('tests/fixtures/experiments/small-trial.ts');
  result = await runTrial(loaded.experiment, loaded.models, 0);
}, 60_000);

describe('trial variants', () => {
  it('untreated arms become observation cohorts of the same label; choice arms get a motivation range', () => {
    const base = loaded.models.get('trial-town')!.model;
    const untreated = trialVariant(base, ['guidance', 'exemption'], 'lottery-untreated', 12);
    expect(untreated.policies.map((p) => p.type)).toEqual(['cohort', 'cohort', 'cohort']);
    const choice = trialVariant(base, ['guidance', 'exemption'], 'choice', 12) as unknown as { policies: { target: Record<string, unknown> }[] };
    expect(choice.policies[1].target).toMatchObject({ maxMotivation: 0.45, lottery: { assignment: 'choice' } });
    expect(choice.policies[2].target).toMatchObject({ minMotivation: 0.6, lottery: { assignment: 'choice' } });
  });
});

describe('runTrial', () => {
  it('by lottery the evaluators\' estimate is unbiased for the true effect (within 3 standard errors of the mean estimate)', () => {
    for (const a of result.arms.filter((x) => x.variant === 'lottery')) {
      // the per-replicate estimate has sd about halfWidth / 1.96; its mean over R replicates has sd / sqrt(R)
      const seMean = a.halfWidth / 1.96 / Math.sqrt(result.replicates);
      expect(Math.abs(a.estimate - a.trueEffect), a.arm).toBeLessThan(3 * seMean + 3 * a.trueSe);
      expect(a.coverage, a.arm).toBeGreaterThanOrEqual(0.85);
      expect(a.trueEffect, a.arm).toBeGreaterThan(0); // both treatments raise outflow in this town
      expect(a.nArm).toBeGreaterThan(100);
    }
  });

  it('power rises with the true effect relative to the interval', () => {
    const l = result.arms.filter((x) => x.variant === 'lottery');
    for (const a of l) expect(a.power).toBeGreaterThanOrEqual(0);
    const [x, y] = l;
    if (x.trueEffect / x.halfWidth > y.trueEffect / y.halfWidth + 0.2) expect(x.power).toBeGreaterThanOrEqual(y.power);
  });

  it('self-selection is compared with the lottery on the same replicates, and the verdict reports it', () => {
    expect(result.treatedOutflow).toBeDefined();
    const lines = trialVerdict(result);
    expect(lines.at(-1)).toMatch(/With volunteers choosing their arm, \d+\.\d% of the treated left benefit/);
    expect(lines[0]).toContain(`${(100 * result.arms[0].trueEffect).toFixed(1)} points`);
  });
});
