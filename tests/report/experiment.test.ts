/**
 * Charts and report of experiment folders: the small factorial and the small trial run here (few
 * replicates, main thread). Spec structure (snapshots), no Vega-Lite warnings, the numbers the
 * charts and captions carry are the folder's own (cells, effects, decomposition, costs, series,
 * trial, verdict.txt), PNGs that are drawings, and the other design shapes (one factor, three
 * factors, Latin hypercube, Sobol) drawn without warnings.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chart } from '../../src/report/charts.ts';
import { EXPERIMENT_CAPTIONS, trialCaption } from '../../src/report/experiment-captions.ts';
import { loadExperimentRun, type ExperimentRun } from '../../src/report/experiment-data.ts';
import { savingPaths } from '../../src/report/experiment-time.ts';
import { buildExperimentCharts } from '../../src/report/experiment.ts';
import { writeReport } from '../../src/report/index.ts';
import { reportMsg } from '../../src/report/messages.ts';
import { compileSpec, PNG_SCALE } from '../../src/report/render.ts';
import { dataOf, experimentRun, specStructure, TRIAL_FILE } from './helpers.ts';
import { pngFacts } from './png.ts';

const FACTORIAL_CHARTS = ['decomposition', 'outcome-grid', 'effects', 'caseload-cells', 'savings'];
let base: string;
let factorial: ExperimentRun;
let trial: ExperimentRun;
let files: { factorial: string[]; trial: string[] };
const chartsOf = (run: ExperimentRun) => buildExperimentCharts(run);
const byName = (charts: Chart[], name: string) => charts.find((c) => c.name === name)!;
const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-exp-report-'));
  const f = await experimentRun({ base, name: 'factorial', runs: 3 });
  const t = await experimentRun({ base, name: 'trial', file: TRIAL_FILE, runs: 6 });
  files = { factorial: await writeReport(f), trial: await writeReport(t) };
  factorial = loadExperimentRun(f);
  trial = loadExperimentRun(t);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('writeReport on experiment folders', () => {
  it('writes spec, SVG and PNG of each chart the design calls for, and report.html', () => {
    const expected = (names: string[]) => [...names.flatMap((n) => [`charts/${n}.vl.json`, `charts/${n}.svg`, `charts/${n}.png`]), 'report.html'];
    expect(files.factorial).toEqual(expected(FACTORIAL_CHARTS));
    expect(files.trial).toEqual(expected(['trial']));
    for (const f of files.factorial) expect(existsSync(join(factorial.dir, f)), f).toBe(true);
  });

  it('refuses an experiment folder missing a file its manifest lists, naming it', async () => {
    const broken = join(base, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'manifest.json'), JSON.stringify({ ...factorial.manifest, files: ['cells.csv', 'verdict.txt'] }));
    await expect(writeReport(broken)).rejects.toThrow(reportMsg.fileMissing(broken, 'cells.csv'));
    expect(existsSync(join(broken, 'charts'))).toBe(false);
  });

  it('draws PNGs at twice the SVG size on white, not blank', () => {
    for (const [run, list] of [[factorial, files.factorial], [trial, files.trial]] as const) {
      for (const f of list.filter((x) => x.endsWith('.png'))) {
        const svg = readFileSync(join(run.dir, f.replace('.png', '.svg')), 'utf8');
        const [, w, h] = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg)!;
        const png = pngFacts(join(run.dir, f));
        expect({ f, width: png.width, height: png.height }).toEqual({ f, width: Math.round(Number(w) * PNG_SCALE), height: Math.round(Number(h) * PNG_SCALE) });
        expect(png.corner).toEqual([255, 255, 255, 255]);
        expect(png.colours, f).toBeGreaterThan(40);
      }
    }
  });
});

describe('experiment chart specs', () => {
  it('compile with Vega-Lite without a single warning', () => {
    for (const c of [...chartsOf(factorial), ...chartsOf(trial)]) expect({ name: c.name, warnings: compileSpec(c.spec).warnings }).toEqual({ name: c.name, warnings: [] });
  });

  it('keep their structure (snapshot: data replaced by row counts and fields)', () => {
    for (const c of chartsOf(factorial)) expect(specStructure(c.spec)).toMatchSnapshot(`factorial ${c.name}`);
    for (const c of chartsOf(trial)) expect(specStructure(c.spec)).toMatchSnapshot(`trial ${c.name}`);
  });

  it('have captions with numbers and no gaps', () => {
    for (const run of [factorial, trial]) {
      for (const c of chartsOf(run)) {
        const text = EXPERIMENT_CAPTIONS[c.name](run);
        expect(text.length, c.name).toBeGreaterThan(60);
        expect(text, c.name).not.toMatch(/NaN|undefined|Infinity|n\/a/);
      }
    }
  });
});

describe('the charts carry the folder\'s numbers', () => {
  it('grid: one heatmap per outcome, each cell the mean of cells.csv (EUR in millions)', () => {
    const panels = dataOf(byName(chartsOf(factorial), 'outcome-grid').spec) as { f0: string; f1: string; mean: number }[][];
    expect(panels).toHaveLength(factorial.outcomes.length);
    factorial.outcomes.forEach((o, k) => {
      const cells = factorial.cells.filter((c) => c.outcome === o.id);
      expect(panels[k]).toHaveLength(6);
      for (const c of cells) close(panels[k].find((r) => r.f0 === c.levels.policy && r.f1 === c.levels.economy)!.mean, c.mean * o.scale);
    });
    expect(factorial.outcomes.find((o) => o.id === 'total-cost')!.unit).toBe('EUR million');
  });

  it('decomposition: every row of decomposition.csv in %, captioned by the verdict sentences of verdict.txt', () => {
    const [rows] = dataOf(byName(chartsOf(factorial), 'decomposition').spec) as { share: number; lo: number; hi: number }[][];
    expect(rows).toHaveLength(factorial.decomposition.length);
    factorial.decomposition.forEach((d, i) => close(rows[i].share, 100 * d.share));
    const verdicts = readFileSync(join(factorial.dir, 'verdict.txt'), 'utf8').split('\n').filter((l) => l.startsWith('In this experiment,'));
    expect(verdicts).toHaveLength(3);
    expect(EXPERIMENT_CAPTIONS.decomposition(factorial)).toBe(verdicts.join(' '));
  });

  it('effects: every row of effects.csv with its interval', () => {
    const rows = dataOf(byName(chartsOf(factorial), 'effects').spec).flat().filter((r) => 'label' in r) as { mean: number; lo: number; hi: number }[];
    expect(rows).toHaveLength(factorial.effects.length);
  });

  it('caseload: each cell\'s months with the mean and the 90% band of series.csv', () => {
    const [rows] = dataOf(byName(chartsOf(factorial), 'caseload-cells').spec) as { f0: string; f1: string; mean: number; p05: number; p95: number }[][];
    expect(rows).toHaveLength(6 * factorial.months);
    const s = factorial.series({ policy: 'small', economy: 'boom' }, 'caseloadEnd')!;
    const mine = rows.filter((r) => r.f0 === 'small' && r.f1 === 'boom');
    expect(mine.map((r) => r.mean)).toEqual(s.mean);
    expect(mine.every((r) => r.p05 <= r.mean && r.mean <= r.p95)).toBe(true);
  });

  it('savings: the cumulative net saving ends at costs.csv\'s net saving, and pays back in costs.csv\'s month', () => {
    const paths = savingPaths(factorial)!;
    expect(paths.map((p) => `${p.level}, ${p.where}`)).toEqual(['nothing-either, recession', 'nothing-either, boom', 'small, recession', 'small, boom']);
    for (const p of paths) {
      const row = factorial.costs.find((c) => c.levels.policy === p.level && c.levels.economy === p.where)!;
      close(p.cumulative[factorial.months - 1] * 1e6, row.netSaving!.mean, 1e-6);
      expect(p.payback).toBe(row.payback);
    }
    const rows = dataOf(byName(chartsOf(factorial), 'savings').spec)[0] as { kind: string }[];
    expect(rows.filter((r) => r.kind === 'payback')).toHaveLength(paths.filter((p) => p.payback !== null).length);
  });

  it('savings caption: a declared investment is named only when the experiment declares one', () => {
    expect(factorial.experiment.investment).toBeDefined();
    expect(EXPERIMENT_CAPTIONS.savings(factorial)).toMatch(/the declared investment/);
    const none: ExperimentRun = { ...factorial, experiment: { ...factorial.experiment, investment: undefined } };
    expect(EXPERIMENT_CAPTIONS.savings(none)).not.toMatch(/declared investment/);
  });

  it('--lang nl on a trial: the report stays English, with a warning saying so', async () => {
    const warnings: string[] = [];
    await writeReport(trial.dir, 'nl', (w) => warnings.push(w));
    expect(warnings).toEqual([reportMsg.englishOnly('trial')]);
    expect(readFileSync(join(trial.dir, 'report.html'), 'utf8')).toContain('<html lang="en">');
  });

  it('the verdict with shares carries the warning that shares depend on the levels chosen', () => {
    const html = readFileSync(join(base, 'factorial', 'report.html'), 'utf8');
    expect(html).toContain('id="shares-warning"');
    expect(html).toContain('they depend on the levels chosen');
  });

  it('trial: the estimate with its typical interval and the true effect per arm and design, power in the caption', () => {
    const [rows] = dataOf(byName(chartsOf(trial), 'trial').spec) as { what: string; value: number; lo: number; hi: number }[][];
    expect(rows).toHaveLength(2 * trial.trial.length);
    expect(trial.trial.map((t) => t.design)).toEqual(['lottery', 'lottery', 'choice', 'choice']);
    trial.trial.forEach((t, i) => {
      close(rows[2 * i].value, 100 * t.estimate);
      close(rows[2 * i].hi - rows[2 * i].lo, 200 * t.halfWidth);
      close(rows[2 * i + 1].value, 100 * t.trueEffect);
    });
    const caption = trialCaption(trial);
    for (const t of trial.trial) expect(caption).toContain(`excludes zero in ${Math.round(100 * t.power)}%, the power at these group sizes`);
    expect(caption).toContain('Pooling the arms');
  });
});

describe('other designs', () => {
  const small = { kind: 'experiment', description: 'Test.', question: 'What matters?', months: 6, replicates: 2, seed: 5, outcomes: ['caseload-change', 'total-cost'] };
  const policy = { kind: 'policies', name: 'policy', levels: [{ name: 'none', policies: [] }, { name: 'small', from: 'small' }] };
  const economy = { kind: 'economy', name: 'economy', levels: [{ name: 'flat', growth: 'flat' }, { name: 'boom', growth: 'boom' }] };
  const region = { kind: 'economy', name: 'region', levels: [{ name: 'weak', growth: 'flat', regionalFactor: 0.8 }, { name: 'strong', growth: 'flat', regionalFactor: 1.2 }] };
  const params = [{ name: 'growth', path: 'growthPct', min: -2, max: 4 }, { name: 'caseloadPerManager', path: 'policies.1.caseloadPerManager', min: 20, max: 80 }];
  const shapes = {
    'one-factor': { design: { kind: 'factorial', base: 'small', factors: [policy] }, charts: FACTORIAL_CHARTS },
    'three-factors': { design: { kind: 'factorial', base: 'small', factors: [policy, economy, region] }, charts: FACTORIAL_CHARTS },
    'economy-only': { design: { kind: 'factorial', base: 'small', factors: [economy] }, charts: ['decomposition', 'outcome-grid', 'effects', 'caseload-cells', 'costs'] },
    lhs: { design: { kind: 'lhs', base: 'small', parameters: params, samples: 6 }, charts: ['samples'] },
    sobol: { design: { kind: 'sobol', base: 'small', parameters: params, samples: 8 }, charts: ['sobol', 'samples'] },
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(`${name}: the charts of its design, without warnings, captions without gaps`, async () => {
      const dir = await experimentRun({ base, name, data: { ...small, name, design: shape.design } });
      const run = loadExperimentRun(dir);
      const charts = buildExperimentCharts(run);
      expect(charts.map((c) => c.name)).toEqual(shape.charts);
      for (const c of charts) {
        expect({ name: c.name, warnings: compileSpec(c.spec).warnings }).toEqual({ name: c.name, warnings: [] });
        expect(EXPERIMENT_CAPTIONS[c.name](run), c.name).not.toMatch(/NaN|undefined|Infinity|n\/a/);
      }
    });
  }
});
