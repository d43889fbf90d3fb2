/**
 * runPipeline end to end on the small fixture: byte-identical files whatever the number of
 * workers, a different seed gives different files, and the contents of manifest.json,
 * replicates.csv, series.csv and summary.json hang together.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import small from '../fixtures/small.ts';
import { BatchInterrupted } from '../../src/batch/run-batch.ts';
import { METRICS } from '../../src/engine/metrics.ts';
import { defaultBehaviour } from '../../src/model/behaviour.ts';
import { InputError, validateModel } from '../../src/model/load.ts';
import { HEADLINES } from '../../src/output/headline.ts';
import { monthLabel, runPipeline, type PipelineResult } from '../../src/pipeline.ts';

const MODEL_FILE = fileURLToPath(new URL('../fixtures/small.ts', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const RUNS = 6;
const SEED = 42;
const MONTHS = 24;
const SCENARIOS = ['as-is', 'no-policy'];
const DATA_FILES = ['series.csv', 'replicates.csv', 'summary.json'];

let base: string;
const runsByWorkers = new Map<number, PipelineResult>();
let otherSeed: PipelineResult;
let t0: number;
let t1: number;

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const csv = (dir: string, name: string) => read(dir, name).trimEnd().split('\n').map((l) => l.split(','));

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-pipeline-'));
  t0 = Date.now();
  for (const workers of [0, 1, 2]) {
    runsByWorkers.set(workers, await runPipeline({ modelFile: MODEL_FILE, runs: RUNS, seed: SEED, workers, out: join(base, `w${workers}`) }));
  }
  otherSeed = await runPipeline({ modelFile: MODEL_FILE, runs: RUNS, seed: SEED + 1, workers: 2, out: join(base, 'seed43') });
  t1 = Date.now();
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('runPipeline: reproducible', () => {
  it('writes exactly the four files into the --out folder, and no .incomplete folder remains', () => {
    for (const [workers, result] of runsByWorkers) {
      expect(result.dir).toBe(join(base, `w${workers}`));
      expect(readdirSync(result.dir).sort()).toEqual(['manifest.json', 'replicates.csv', 'series.csv', 'summary.json']);
    }
    expect(readdirSync(base).sort()).toEqual(['seed43', 'w0', 'w1', 'w2']);
  });

  it.each(DATA_FILES)('%s is byte-identical with 0, 1 and 2 workers', (name) => {
    const w0 = readFileSync(join(base, 'w0', name));
    expect(w0.length).toBeGreaterThan(100);
    expect(readFileSync(join(base, 'w1', name)).equals(w0)).toBe(true);
    expect(readFileSync(join(base, 'w2', name)).equals(w0)).toBe(true);
  });

  it.each(DATA_FILES)('%s differs with another master seed', (name) => {
    expect(read(join(base, 'seed43'), name)).not.toBe(read(join(base, 'w0'), name));
  });

  it('the result reports what was run', () => {
    const r = runsByWorkers.get(2)!;
    expect(r).toMatchObject({ runs: RUNS, seed: SEED, months: MONTHS, workers: 2 });
    expect(r.model.name).toBe('small-town');
    expect(Object.keys(r.summary.scenarios)).toEqual(SCENARIOS);
    expect(r.summary).toEqual(JSON.parse(read(r.dir, 'summary.json')));
    expect(otherSeed.seed).toBe(SEED + 1);
  });
});

describe('manifest.json', () => {
  it('records model, hash, seed, runs, node, tool, parameters and times', () => {
    const m = JSON.parse(read(join(base, 'w1'), 'manifest.json'));
    expect(m.model).toEqual({
      name: 'small-town',
      // relative to the project root, so the manifest reads the same on every machine
      file: 'tests/fixtures/small.ts',
      sha256: createHash('sha256').update(readFileSync(MODEL_FILE)).digest('hex'),
      // the model file's own state in git (the tree's `dirty` flag ignores untracked files)
      git: expect.stringMatching(/^(committed|modified)$/),
    });
    expect(m.masterSeed).toBe(SEED);
    expect(m.runs).toBe(RUNS);
    expect(m.months).toBe(MONTHS);
    expect(m.workers).toBe(1);
    expect(m.scenarios).toEqual(SCENARIOS);
    expect(m.node).toBe(process.version);
    expect(m.tool).toEqual({ name: pkg.name, version: pkg.version });
    // the parameters: the validated model (defaults filled in) and the behaviour used
    expect(m.parameters.model).toEqual(JSON.parse(JSON.stringify(validateModel(small, 'x'))));
    expect(m.parameters.behaviour).toEqual(defaultBehaviour);
    expect(m.files).toEqual(['replicates.csv', 'series.csv', 'summary.json', 'manifest.json']);
    expect(Object.keys(m.economy)).toEqual(SCENARIOS);
    expect(m.economy['as-is']).toMatch(/^flat: /);
    expect(m.reproduce).toContain(`--runs ${RUNS} --seed ${SEED} --months ${MONTHS}`);
    // times: ISO strings, in order, within the test's run
    for (const k of ['startedAt', 'finishedAt']) expect(m[k]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const started = Date.parse(m.startedAt);
    const finished = Date.parse(m.finishedAt);
    expect(started).toBeLessThanOrEqual(finished);
    expect(started).toBeGreaterThanOrEqual(t0 - 1000);
    expect(finished).toBeLessThanOrEqual(t1 + 1000);
  });

  it('records the seed of each run', () => {
    expect(JSON.parse(read(join(base, 'seed43'), 'manifest.json')).masterSeed).toBe(SEED + 1);
  });
});

describe('replicates.csv', () => {
  it('every row carries model, scenario, policies, growth, master seed, replicate, month and date, in task order', () => {
    const [header, ...rows] = csv(join(base, 'w0'), 'replicates.csv');
    expect(header).toEqual(['model', 'scenario', 'policies', 'growth', 'master_seed', 'replicate', 'month', 'date', ...METRICS]);
    expect(rows).toHaveLength(RUNS * SCENARIOS.length * MONTHS);
    const policies: Record<string, string> = { 'as-is': 'strict-intake+intensive-guidance', 'no-policy': 'none' };
    let k = 0;
    for (let r = 0; r < RUNS; r++) {
      for (const scenario of SCENARIOS) {
        for (let t = 0; t < MONTHS; t++) {
          const row = rows[k++];
          expect(row.slice(0, 8)).toEqual(['small-town', scenario, policies[scenario], 'flat', String(SEED), String(r), String(t), monthLabel('2015-01', t)]);
          expect(row).toHaveLength(header.length);
          for (const cell of row.slice(8)) expect(Number.isFinite(Number(cell))).toBe(true);
        }
      }
    }
    // dates run on across the year
    expect(rows[12][7]).toBe('2016-01');
  });

  it('carries the other seed in the other run', () => {
    const [, first] = csv(join(base, 'seed43'), 'replicates.csv');
    expect(first[4]).toBe(String(SEED + 1));
  });
});

describe('series.csv', () => {
  let header: string[];
  let rows: string[][];
  let reps: string[][];
  beforeAll(() => {
    [header, ...rows] = csv(join(base, 'w0'), 'series.csv');
    reps = csv(join(base, 'w0'), 'replicates.csv').slice(1);
  });

  it('is tidy long format: scenario,month,date,metric,mean,sd,p05,p50,p95', () => {
    expect(header).toEqual(['scenario', 'month', 'date', 'metric', 'mean', 'sd', 'p05', 'p50', 'p95']);
    expect(rows).toHaveLength(SCENARIOS.length * MONTHS * METRICS.length);
    let k = 0;
    for (const scenario of SCENARIOS) {
      for (let t = 0; t < MONTHS; t++) {
        for (const metric of METRICS) {
          expect(rows[k++].slice(0, 4)).toEqual([scenario, String(t), monthLabel('2015-01', t), metric]);
        }
      }
    }
  });

  it('p05 <= p50 <= p95 and sd >= 0 in every row', () => {
    let spread = 0;
    for (const row of rows) {
      const [sd, p05, p50, p95] = row.slice(5).map(Number);
      expect(sd).toBeGreaterThanOrEqual(0);
      expect(p05).toBeLessThanOrEqual(p50);
      expect(p50).toBeLessThanOrEqual(p95);
      if (p95 > p05) spread++;
    }
    expect(spread).toBeGreaterThan(rows.length / 4); // the replicates do differ
  });

  it('means and medians agree with replicates.csv', () => {
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    let checked = 0;
    for (const row of rows) {
      const [scenario, month, , metric] = row;
      const col = 8 + METRICS.indexOf(metric as (typeof METRICS)[number]);
      const values = reps.filter((r) => r[1] === scenario && r[6] === month).map((r) => Number(r[col]));
      expect(values).toHaveLength(RUNS);
      const mean = values.reduce((a, b) => a + b, 0) / RUNS;
      const sorted = [...values].sort((a, b) => a - b);
      const median = (sorted[RUNS / 2 - 1] + sorted[RUNS / 2]) / 2;
      if (!close(Number(row[4]), mean) || !close(Number(row[7]), median)) {
        throw new Error(`series.csv ${row.join(',')} vs replicates mean ${mean}, median ${median}`);
      }
      checked++;
    }
    expect(checked).toBe(rows.length);
  });
});

describe('summary.json', () => {
  it('has a 95% CI and a 95% range for every headline of every scenario', () => {
    const s = JSON.parse(read(join(base, 'w0'), 'summary.json'));
    expect(s.runs).toBe(RUNS);
    expect(s.months).toBe(MONTHS);
    expect(Object.keys(s.scenarios)).toEqual(SCENARIOS);
    for (const name of SCENARIOS) {
      expect(Object.keys(s.scenarios[name])).toEqual(HEADLINES.map((h) => h.key));
      for (const h of HEADLINES) {
        const x = s.scenarios[name][h.key];
        expect(x.label).toBe(h.label);
        expect(x.unit).toBe(h.unit);
        expect(x.ci95).toHaveLength(2);
        expect(x.range95).toHaveLength(2);
        expect(x.ci95[0]).toBeLessThanOrEqual(x.mean);
        expect(x.mean).toBeLessThanOrEqual(x.ci95[1]);
        expect(x.range95[0]).toBeLessThanOrEqual(x.range95[1]);
        expect(x.sd).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('headline means agree with replicates.csv (exits to work, caseload at end)', () => {
    const s = JSON.parse(read(join(base, 'w0'), 'summary.json'));
    const reps = csv(join(base, 'w0'), 'replicates.csv').slice(1);
    const work = 8 + METRICS.indexOf('exitsWork');
    const end = 8 + METRICS.indexOf('caseloadEnd');
    for (const name of SCENARIOS) {
      const mine = reps.filter((r) => r[1] === name);
      const totals = Array.from({ length: RUNS }, (_, r) => mine.filter((x) => x[5] === String(r)).reduce((a, x) => a + Number(x[work]), 0));
      const ends = Array.from({ length: RUNS }, (_, r) => Number(mine.find((x) => x[5] === String(r) && x[6] === String(MONTHS - 1))![end]));
      expect(s.scenarios[name].exitsWork.mean).toBeCloseTo(totals.reduce((a, b) => a + b, 0) / RUNS, 4);
      expect(s.scenarios[name].caseloadEnd.mean).toBeCloseTo(ends.reduce((a, b) => a + b, 0) / RUNS, 4);
    }
  });

  it('contrasts every other scenario against as-is; pairing makes exitsWork more precise', () => {
    const s = JSON.parse(read(join(base, 'w0'), 'summary.json'));
    expect(s.contrasts).toHaveLength(HEADLINES.length);
    expect(s.contrasts.map((c: { metric: string }) => c.metric)).toEqual(HEADLINES.map((h) => h.key));
    for (const c of s.contrasts) {
      expect(c.scenario).toBe('no-policy');
      expect(c.against).toBe('as-is');
      expect(c.difference.ci95[0]).toBeLessThanOrEqual(c.difference.mean);
      expect(c.difference.mean).toBeLessThanOrEqual(c.difference.ci95[1]);
      // the difference of means is the mean of differences
      const a = s.scenarios['no-policy'][c.metric].mean, b = s.scenarios['as-is'][c.metric].mean;
      // (up to summary.json's rounding to 8 significant digits, relative to the sizes of the means)
      expect(Math.abs(c.difference.mean - (a - b))).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(a), Math.abs(b))); // three roundings of half a unit in the 8th digit
    }
    const work = s.contrasts.find((c: { metric: string }) => c.metric === 'exitsWork');
    expect(work.pairedSe).toBeGreaterThan(0);
    expect(work.pairedSe).toBeLessThan(work.independentSe);
    // caseload at start is the same population in both: a difference of exactly 0
    const start = s.contrasts.find((c: { metric: string }) => c.metric === 'caseloadStart');
    expect(start.difference.mean).toBe(0);
    expect(start.pairedSe).toBe(0);
  });
});

describe('runPipeline: stopping early and bad input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'uitstroom-pipeline-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A model file in the temp folder: the fixture's data with changes. */
  const modelFile = (name: string, data: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, `export default ${JSON.stringify(data, null, 2)};\n`);
    return file;
  };

  it('cancelled: BatchInterrupted, only <out>.incomplete without a manifest', async () => {
    const out = join(dir, 'cancelled');
    let folder = '';
    const err = await runPipeline({ modelFile: MODEL_FILE, runs: 4, workers: 0, out, isCancelled: () => true, onFolder: (d) => (folder = d) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatchInterrupted);
    expect(folder).toBe(out + '.incomplete');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder)).not.toContain('manifest.json');
  });

  it('an economy without data for the start year is an InputError before anything is written', async () => {
    const file = modelFile('future.ts', { ...small, startMonth: '2030-01', economy: { ...small.economy, growth: 'historical' } });
    const out = join(dir, 'future-out');
    const err = await runPipeline({ modelFile: file, runs: 1, workers: 0, out }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: at economy\\.growth: .*2030`));
    expect(existsSync(out)).toBe(false);
    expect(existsSync(out + '.incomplete')).toBe(false);
  });

  it('a scenario growth without data names the scenario', async () => {
    const file = modelFile('future-scenario.ts', { ...small, startMonth: '2030-01', scenarios: [{ name: 'hist', growth: 'historical' }] });
    const err = await runPipeline({ modelFile: file, runs: 1, workers: 0, out: join(dir, 'x') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('at scenarios (hist).growth:');
  });

  it('two scenarios with the same name are an InputError', async () => {
    const file = modelFile('dup.ts', { ...small, scenarios: [{ name: 'as-is', policies: [] }] });
    const out = join(dir, 'dup-out');
    const err = await runPipeline({ modelFile: file, runs: 1, workers: 0, out }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(`${file}: at scenarios: expected unique names, found as-is, as-is`);
    expect(existsSync(out + '.incomplete')).toBe(false);
  });
});

describe('manifest.json: the model file\'s own git status', () => {
  it('an untracked or ignored model file says so, and a file outside the project keeps its absolute path', async () => {
    const { gitFileStatus, recordedPath } = await import('../../src/output/manifest.ts');
    expect(gitFileStatus(MODEL_FILE)).toMatch(/^(committed|modified)$/);
    const root = fileURLToPath(new URL('../../', import.meta.url));
    expect(gitFileStatus(join(root, 'node_modules', 'zod', 'package.json'))).toBe('ignored');
    const probe = join(root, 'tests', 'fixtures', `untracked-probe-${process.pid}.ts`); // a model file never committed
    writeFileSync(probe, 'export default {};\n');
    try {
      expect(gitFileStatus(probe)).toBe('untracked');
    } finally {
      rmSync(probe, { force: true });
    }
    const outside = join(tmpdir(), 'uitstroom-outside.ts');
    expect(gitFileStatus(outside)).toBe('outside the repository');
    expect(recordedPath(outside)).toBe(outside);
    expect(recordedPath(MODEL_FILE)).toBe('tests/fixtures/small.ts');
  });
});
