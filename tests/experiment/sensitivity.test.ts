import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STRUCTURAL_ALTERNATIVES, applyAlternative, describeChanges, type Alternative } from '../../src/experiment/alternatives.ts';
import { factorialCells, type Cell } from '../../src/experiment/cells.ts';
import { loadExperiment, validateExperiment } from '../../src/experiment/load.ts';
import { runExperiment } from '../../src/experiment/pipeline.ts';
import { judge, runSensitivity, sensitivityPlan, type Headline } from '../../src/experiment/sensitivity.ts';
import { simulateCells } from '../../src/experiment/simulate.ts';
import type { Experiment } from '../../src/experiment/schema.ts';
import { resolveBehaviour } from '../../src/model/behaviour.ts';
import { InputError, loadModel } from '../../src/model/load.ts';
import { buildExperimentHtml } from '../../src/report/experiment.ts';
import { loadExperimentRun, verdictSentences } from '../../src/report/experiment-data.ts';
import { parseCsv } from '../../src/report/csv.ts';
import smallFactorial from '../fixtures/experiments/small-factorial.ts';
import smallGrid from '../fixtures/experiments/small-grid.ts';

const FILE = 'tests/fixtures/experiments/small-factorial.ts';
const byName = (n: string) => STRUCTURAL_ALTERNATIVES.find((a) => a.name === n)!;
const tmp = () => join(mkdtempSync(join(tmpdir(), 'uitstroom-sens-')), 'out');

describe('structural alternatives', () => {
  it('apply relative to the calibrated (fitted.json) values, not the defaults', async () => {
    const rotterdam = (await loadModel('models/rotterdam.ts')).model;
    const fitted = JSON.parse(readFileSync('models/fitted.json', 'utf8')).behaviour;
    const b = (m: typeof rotterdam) => resolveBehaviour(m.behaviour);
    expect(b(rotterdam).matching.outsideSearch).toBe(fitted['matching.outsideSearch']); // 3.054, the default is 4
    expect(b(applyAlternative(rotterdam, byName('competition-half'))).matching.outsideSearch).toBeCloseTo(fitted['matching.outsideSearch'] / 2, 12);
    expect(b(applyAlternative(rotterdam, byName('competition-double'))).matching.outsideSearch).toBeCloseTo(fitted['matching.outsideSearch'] * 2, 12);
    const more = b(applyAlternative(rotterdam, byName('reentry-one-and-a-half'))).revolvingDoor;
    expect(more.returnAfterSchoolPerMonth).toBeCloseTo(1.5 * fitted['revolvingDoor.returnAfterSchoolPerMonth'], 12);
    expect(more.returnAfterNonPerMonth).toBeCloseTo(1.5 * fitted['revolvingDoor.returnAfterNonPerMonth'], 12);
    expect(more.returnShare).toBeCloseTo(1.5 * b(rotterdam).revolvingDoor.returnShare, 12); // not fitted: relative to the resolved value
    expect(more.returnDecayPerMonth).toBe(b(rotterdam).revolvingDoor.returnDecayPerMonth); // not a return hazard: untouched
    expect(b(applyAlternative(rotterdam, byName('economy-lag-36'))).economy.lagMonths).toBe(36);
    // everything else stays as calibrated
    const half = applyAlternative(rotterdam, byName('competition-half'));
    expect({ ...b(half), matching: { ...b(half).matching, outsideSearch: 0 } }).toEqual({ ...b(rotterdam), matching: { ...b(rotterdam).matching, outsideSearch: 0 } });
    expect(describeChanges(rotterdam, byName('competition-half'))).toBe('matching.outsideSearch 1.527 (0.5 x 3.054)');
  });

  it('a value out of a field\'s bounds is an InputError naming the alternative and the field', async () => {
    const rotterdam = (await loadModel('models/rotterdam.ts')).model;
    const bad: Alternative = { name: 'too-many', label: '', reason: '', changes: [{ path: 'revolvingDoor.returnShare', times: 5 }] };
    expect(() => applyAlternative(rotterdam, bad)).toThrow(InputError);
    expect(() => applyAlternative(rotterdam, bad)).toThrow(/too-many[\s\S]*behaviour\.revolvingDoor\.returnShare/);
  });
});

describe('runSensitivity on a toy factorial (fixed seeds, 12 months, 2,000 people)', () => {
  let e: Experiment;
  let cells: Cell[];
  let series: Float64Array[][];
  const R = 4;
  beforeAll(async () => {
    const loaded = await loadExperiment(FILE);
    e = { ...loaded.experiment, replicates: R };
    cells = factorialCells(e, loaded.models, 12);
    series = cells.map(() => new Array<Float64Array>(R));
    await simulateCells({ cells: cells.map((c) => ({ model: c.model, name: String(c.index) })), replicates: R, seed: e.seed, months: 12, workers: 0, onResult: (c, r, s) => (series[c][r] = s) });
  }, 60_000);

  it('an alternative identical to the base gives exactly the base contrast (common random numbers): holds', async () => {
    const same: Alternative = { name: 'same', label: 'nothing changed', reason: 'test', changes: [{ path: 'matching.outsideSearch', times: 1 }] };
    const r = await runSensitivity({ e, cells, series, months: 12, workers: 0, alternatives: [same], replicates: R });
    expect(r.rule).toBe('policy-vs-economy');
    expect(r.rows.map((x) => x.verdict)).toEqual(['base', 'holds']);
    expect(r.rows[1].headline).toEqual(r.rows[0].headline);
    expect(r.rows[0].headline.largest).toBe('economy');
    expect(r.rows[0].headline.effects.map((x) => `${x.factor}=${x.level}`)).toEqual(['policy=nothing-either', 'policy=small', 'economy=boom']);
  }, 60_000);

  it('fewer replicates than the run: the base is the run\'s first replicates, the same streams', async () => {
    const same: Alternative = { name: 'same', label: '', reason: '', changes: [{ path: 'economy.lagMonths', times: 1 }] };
    const r = await runSensitivity({ e, cells, series, months: 12, workers: 0, alternatives: [same], replicates: 3 });
    expect(r.rows[1].headline).toEqual(r.rows[0].headline);
  }, 60_000);

  it('an extreme alternative flips the verdict: with no job finding and no economy in the inflow, the economy stops mattering', async () => {
    const noMarket: Alternative = {
      name: 'no-market', label: 'nobody finds a job and inflow ignores the economy', reason: 'test',
      changes: [{ path: 'matching.efficiency', value: 0 }, { path: 'economy.inflowElasticity', value: 0 }],
    };
    // the fixture town sets its own unemploymentElasticity, which overrides the shared one: drop it
    const own = cells.map((c) => ({ ...c, model: { ...c.model, inflow: { ...c.model.inflow, unemploymentElasticity: undefined } } }));
    const r = await runSensitivity({ e, cells: own, series, months: 12, workers: 0, alternatives: [noMarket], replicates: R });
    expect(r.rows[1].verdict).toBe('flips');
    expect(r.rows[1].headline.largest).not.toBe('economy');
    expect(r.rows[1].why).toMatch(/^the largest share moved from economy to policy/);
  }, 60_000);
});

describe('judge', () => {
  const h = (largest: string, mean: number, lo: number, hi: number): Headline => ({
    outcome: 'caseload-change', factor: 'policy', shares: [], largest,
    effects: [{ factor: 'policy', level: 'p', baseline: 'none', mean, lo, hi }, { factor: 'economy', level: 'boom', baseline: 'flat', mean: -mean, lo: -hi, hi: -lo }],
  });
  it('policy x economy: same largest share and sign holds; another largest share or sign flips', () => {
    expect(judge('policy-vs-economy', h('economy', -10, -20, -1), h('economy', -2, -9, 5))).toEqual({ verdict: 'holds', why: '' });
    expect(judge('policy-vs-economy', h('economy', -10, -20, -1), h('economy', 3, -1, 7)).why).toBe('p against none changed sign (-10 to 3)');
    expect(judge('policy-vs-economy', h('economy', -10, -20, -1), h('policy', -10, -20, -1)).verdict).toBe('flips');
    // the other factors' effects are shown, not judged
    const alt = h('economy', -10, -20, -1);
    alt.effects[1] = { ...alt.effects[1], mean: -5, lo: -6, hi: -4 };
    expect(judge('policy-vs-economy', h('economy', -10, -20, -1), alt).verdict).toBe('holds');
  });
  it('other designs: the sign and whether the interval excludes zero', () => {
    expect(judge('contrast', h('town', -10, -20, -1), h('policy', -8, -15, -2)).verdict).toBe('holds'); // the largest share does not count here
    expect(judge('contrast', h('town', -10, -20, -1), h('town', -2, -9, 5))).toEqual({ verdict: 'flips', why: 'the 95% interval of p against none now includes zero' });
    expect(judge('contrast', h('town', -2, -9, 5), h('town', -10, -20, -1)).why).toBe('the 95% interval of p against none no longer includes zero');
  });
});

describe('the experiment option', () => {
  it('is off unless asked; true means every alternative with 10 replicates (at most the run\'s)', () => {
    const base = { kind: 'experiment', name: 'x', description: '', question: '', design: { kind: 'factorial', base: 'small', factors: [{ kind: 'economy', levels: [{ name: 'flat', growth: 'flat' }] }] }, replicates: 30, seed: 1 };
    expect(sensitivityPlan(validateExperiment(base, 'x.ts'))).toBeNull();
    expect(sensitivityPlan(validateExperiment({ ...base, sensitivity: true }, 'x.ts'))).toEqual({ alternatives: [...STRUCTURAL_ALTERNATIVES], replicates: 10 });
    expect(sensitivityPlan(validateExperiment({ ...base, replicates: 4, sensitivity: { alternatives: ['economy-lag-12'] } }, 'x.ts'))).toEqual({ alternatives: [byName('economy-lag-12')], replicates: 4 });
  });

  it('a bad option is an InputError naming the file, the field and what is expected', async () => {
    const mod = smallFactorial;
    const bad = (sensitivity: unknown) => () => validateExperiment({ ...mod, sensitivity }, 'models/experiments/x.ts');
    expect(bad({ alternatives: ['competition-triple'] })).toThrow(InputError);
    expect(bad({ alternatives: ['competition-triple'] })).toThrow(/models\/experiments\/x\.ts[\s\S]*at sensitivity\.alternatives\[0\]: expected one of "competition-half", .*found the string "competition-triple"/);
    expect(bad({ replicates: 1 })).toThrow(/at sensitivity\.replicates: expected >= 2/);
    expect(bad({ alternative: ['economy-lag-12'] })).toThrow(/at sensitivity: unknown field 'alternative'.*did you mean 'alternatives'/);
    expect(bad('yes')).toThrow(/at sensitivity: expected one of an object, or a boolean/);
    await expect(runExperiment({ file: FILE, workers: 0, out: tmp() }, { ...mod, sensitivity: { alternatives: ['economy-lag-12', 'economy-lag-12'] } }))
      .rejects.toThrow(/small-factorial\.ts: at sensitivity\.alternatives\[1\]: 'economy-lag-12' is named twice/);
    const grid = smallGrid;
    await expect(runExperiment({ file: 'tests/fixtures/experiments/small-grid.ts', workers: 0, out: tmp() }, { ...grid, sensitivity: true }))
      .rejects.toThrow(/small-grid\.ts: at sensitivity: structural sensitivity re-runs a factorial design's headline contrast; this design is 'grid'/);
  });

  it('writes sensitivity.csv, a table in the verdict, and a report section in English and Dutch', async () => {
    const mod = smallFactorial;
    const r = await runExperiment({ file: FILE, workers: 0, out: tmp() }, { ...mod, sensitivity: { alternatives: ['competition-double', 'reentry-half'], replicates: 3 } });
    const file = join(r.dir, 'sensitivity.csv');
    expect(existsSync(file)).toBe(true);
    const [head, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    expect(head).toEqual(['alternative', 'label', 'changes', 'replicates', 'outcome', 'kind', 'factor', 'measure', 'against', 'value', 'ci95_lo', 'ci95_hi', 'interval', 'verdict', 'why', 'rule', 'reason']);
    const col = (n: string) => head.indexOf(n);
    expect([...new Set(rows.map((x) => x[col('alternative')]))]).toEqual(['base', 'competition-double', 'reentry-half']);
    for (const x of rows) {
      expect(['base', 'holds', 'flips']).toContain(x[col('verdict')]);
      expect(Number(x[col('ci95_lo')])).toBeLessThanOrEqual(Number(x[col('value')]) + 1e-9);
      expect(Number(x[col('ci95_hi')])).toBeGreaterThanOrEqual(Number(x[col('value')]) - 1e-9);
    }
    expect(rows.find((x) => x[col('alternative')] === 'competition-double')![col('changes')]).toMatch(/^matching\.outsideSearch 8 \(2 x 4\)$/); // the fixture has no fitted.json: the default 4
    expect(JSON.parse(readFileSync(join(r.dir, 'manifest.json'), 'utf8')).files).toContain('sensitivity.csv');
    expect(r.report.some((l) => l.startsWith('Structural sensitivity of caseload change'))).toBe(true);
    expect(r.report.some((l) => /^competition-double +economy \d+%/.test(l))).toBe(true);

    const en = loadExperimentRun(r.dir, 'en');
    expect(verdictSentences(en).some((s) => s.includes('competition'))).toBe(false); // the verdict section keeps to the verdicts
    const html = buildExperimentHtml(en, []);
    expect(html).toContain('<section id="sensitivity">');
    expect(html).toContain('Effect of policy against none (people)</th><th>Effect of economy against recession (people)');
    expect(html).toMatch(/With double the competition from jobseekers outside bijstand, economy has the largest share, \d+% \(95% CI \d+-\d+%\); nothing-either against none 0 \(95% CI 0 to 0\), small against none -?\d+ \(95% CI -?\d+ to -?\d+\): the verdict (holds|flips)/);
    const nl = buildExperimentHtml(loadExperimentRun(r.dir, 'nl'), []);
    expect(nl).toContain('Structurele gevoeligheid');
    expect(nl).toMatch(/Met twee keer zoveel concurrentie van werkzoekenden buiten de bijstand heeft economy het grootste aandeel, \d+% \(95%-interval \d+-\d+%\); .*: het oordeel (blijft staan|kantelt)\./);
  }, 60_000);
});
