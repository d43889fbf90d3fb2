/**
 * The calibration check, as `tsx src/calibrate.ts models/*.ts --check --runs R --seed S` does it
 * with the replicates R and seed S recorded in models/fitted.json: every target of every model,
 * measured with the fitted values (the same replicates and seed the fit used, so the figures are
 * the fit's own),
 * must lie within its tolerance, except the targets listed in KNOWN_MISSES, which the joint
 * calibration could not reach and the README reports. A known miss that starts being met fails
 * the test too, so the list stays true.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TargetEvaluator, type TargetResult } from '../../src/calibration/evaluate.ts';
import { loadModel } from '../../src/model/load.ts';

const fitted = JSON.parse(readFileSync('models/fitted.json', 'utf8')) as { replicates: number; seed: number };
const RUNS = fitted.replicates;
const SEED = fitted.seed;

/** model/target -> why it is missed (keep in step with the README's calibration table). */
const KNOWN_MISSES: Record<string, string> = {
  'almere/two-years-work': 'the 45+ approach\'s second-year cohorts: intake capacity held at the earlier fit\'s 22 a month',
  'almere/two-years-participants': '195 of 260: the intake capacity is no longer fitted (it met the target by construction)',
  'almere/two-years-all-exits': 'follows from the two above',
  'wageningen/control-outflow': 'the trial arms come out too high (README, Calibration)',
  'wageningen/guidance-outflow': 'the shared guidance effect is pulled up by Almere',
  'wageningen/exemption-outflow': 'the shared exemption effect is pulled up by Almere',
  'wageningen/earnings-outflow': 'the trial group is not selective enough',
  'emmen/exits-school-removed': 'the shared school/removal hazard is set by every town\'s CBS outflow',
  'rotterdam/tegenprestatie-to-work': 'the long-term group rarely leaves for work at the fitted duration dependence',
};

describe('calibration check over every model', () => {
  let results: TargetResult[] = [];

  it('measures every target of every model', async () => {
    const files = readdirSync('models').filter((f) => f.endsWith('.ts'));
    const models = [];
    for (const f of files) {
      const loaded = await loadModel(`models/${f}`);
      expect(loaded.fitted, `models/${f} has the calibration applied`).toBeDefined();
      models.push(loaded.model);
    }
    const evaluator = new TargetEvaluator(2);
    try {
      results = await evaluator.evaluate(models, RUNS, SEED);
    } finally {
      await evaluator.close();
    }
    expect(results.length).toBe(models.reduce((n, m) => n + m.targets.length, 0));
    expect(results.length).toBeGreaterThanOrEqual(150);
  }, 120_000);

  it('every target is within its tolerance, apart from the documented misses (superseded seed figures are reported, not checked)', () => {
    const missed = results.filter((r) => !r.met && r.target.superseded === undefined).map((r) => `${r.model}/${r.target.name}`);
    const unexpected = missed.filter((k) => !(k in KNOWN_MISSES));
    const nowMet = Object.keys(KNOWN_MISSES).filter((k) => !missed.includes(k));
    expect(unexpected, 'targets missed that are not documented').toEqual([]);
    expect(nowMet, 'documented misses that are now met: remove them from KNOWN_MISSES and the README').toEqual([]);
  });
});
